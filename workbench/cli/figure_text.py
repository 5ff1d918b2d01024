"""Figures as text: a value with its 80% band, and notes numbered once under a table.

Apart from :mod:`workbench.cli.output` because it needs the engine's headline
figures, which ``catalog`` never loads.
"""

from __future__ import annotations

from collections.abc import Sequence

from engine.headline import Figure, band_text, figure_text
from engine.trust import Trust


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
