"""Printing results: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

from engine.headline import Figure, band_text, figure_text
from engine.results import to_data
from engine.trust import Trust
from engine.units import number


def print_json(value: Any) -> None:
    json.dump(to_data(value), sys.stdout, indent=2, allow_nan=False)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                right: Sequence[bool] | None = None) -> None:
    """Columns padded to their widest cell (Chinese characters take two columns); numbers
    right-aligned."""
    cells = [[number(c) if not isinstance(c, str) else c for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    if right is None:
        right = [bool(rows) and not isinstance(rows[0][i], str) for i in range(len(headers))]
    def line(values: Sequence[str]) -> str:
        return "  ".join(_pad(v, w, r)
                         for v, w, r in zip(values, widths, right, strict=True)).rstrip()
    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in cells:
        print(line(row))


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    room = " " * (width - _width(text))
    return room + text if right else text + room


def print_tree(data: Any, indent: int = 0) -> None:
    """Nested mappings as indented ``key  value`` lines; small flat mappings on one line."""
    pad = "  " * indent
    if isinstance(data, list):
        for item in data:
            if isinstance(item, dict):
                print(f"{pad}-")
                print_tree(item, indent + 1)
            else:
                print(f"{pad}- {number(item)}")
        return
    if not isinstance(data, dict):
        print(f"{pad}{number(data)}")
        return
    width = max((len(str(k)) for k in data), default=0)
    for key, value in data.items():
        label = str(key).ljust(width)
        if _flat(value):
            inline = ", ".join(f"{k} {number(v)}" for k, v in value.items()) \
                if isinstance(value, dict) else ", ".join(number(v) for v in value)
            print(f"{pad}{label}  {inline or '-'}")
        elif isinstance(value, dict | list):
            print(f"{pad}{key}")
            print_tree(value, indent + 1)
        else:
            print(f"{pad}{label}  {number(value)}")


def _flat(value: Any) -> bool:
    """A short mapping or list of plain values, printable on one line."""
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) \
        else None
    return items is not None and len(items) <= 6 and \
        all(not isinstance(v, dict | list) for v in items)


class Banded:
    """A section's figures written with their bands, and its notes as ``label  text`` rows."""

    def __init__(self, trust: Trust) -> None:
        self.trust = trust

    def text(self, key: str, value: float | None, unit: str = "", style: str = "number") -> str:
        """``19.1 days (17.0-21.6)``: the value as figures are written, and its band."""
        written = figure_text(value, style, unit)
        band = self.trust.bands.get(key)
        return f"{written} ({band_text(band, style, value)})" if band and value else written

    def notes_rows(self, key: str) -> list[tuple[str, str]]:
        """The band's label and reason, the part of the design covered, the assumption."""
        band = self.trust.bands.get(key)
        rows = [("band", f"{band.label}: {band.reason}")] if band else []
        if key in self.trust.covers:
            rows.append(("covers", self.trust.covers[key]))
        if key in self.trust.assumed:
            rows.append(("assumed", self.trust.assumed[key]))
        return rows


class Notes:
    """Footnotes: each distinct note numbered once, cells refer to them as ``[1, 2]``."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def ref(self, notes: Sequence[str]) -> str:
        """`` [1, 2]`` for ``notes`` (``""`` for none), numbering the new ones."""
        if not notes:
            return ""
        refs = [self._index.setdefault(note, len(self._index) + 1) for note in notes]
        return f" [{', '.join(map(str, refs))}]"

    def print(self, pad: str = "") -> None:
        for note, index in self._index.items():
            print(f"{pad}[{index}] {note}")


def print_figures(figures: Sequence[Figure], indent: int = 0) -> None:
    """Headline figures as ``label  value (band) [notes]`` lines, then the notes."""
    notes = Notes()
    pad = "  " * indent
    width = max((len(f.label) for f in figures), default=0)
    for figure in figures:
        text = figure.ranged_text if figure.value is not None else f"n/a: {figure.missing}"
        print(f"{pad}{figure.label.ljust(width)}  {text}{notes.ref(figure.notes)}")
    notes.print(pad)
