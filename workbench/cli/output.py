"""Printing results: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from engine.results import to_data
from engine.units import number


def print_json(value: Any) -> None:
    json.dump(to_data(value), sys.stdout, indent=2, allow_nan=False)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                right: Sequence[bool] | None = None) -> None:
    """Columns padded to their widest cell; numbers right-aligned."""
    cells = [[number(c) if not isinstance(c, str) else c for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    if right is None:
        right = [bool(rows) and not isinstance(rows[0][i], str) for i in range(len(headers))]
    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if r else v.ljust(w)
                         for v, w, r in zip(values, widths, right, strict=True)).rstrip()
    print(line(headers))
    print(line(["-" * w for w in widths]))
    for row in cells:
        print(line(row))


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
