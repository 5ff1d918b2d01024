"""Printing results: JSON for scripts, aligned text for people."""

from __future__ import annotations

import json
import re
import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import Any

from engine.results import to_data
from engine.units import number


def print_json(value: Any) -> None:
    json.dump(to_data(value), sys.stdout, indent=2, allow_nan=False)
    sys.stdout.write("\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]],
                right: Sequence[bool] | None = None, wrap: int | None = None) -> None:
    """Columns padded to their widest line (Chinese characters take two columns); numbers
    right-aligned; a cell holding newlines
    spans as many lines. Column ``wrap`` (text) is wrapped onto more lines where the table
    would be wider than the terminal."""
    cells = [[number(c) if not isinstance(c, str) else c for c in row] for row in rows]
    widths = [max(_width(c) for c in column) for column in zip(headers, *cells, strict=True)]
    if right is None:
        right = [bool(rows) and not isinstance(rows[0][i], str) for i in range(len(headers))]
    if wrap is not None:
        others = sum(widths) - widths[wrap] + 2 * (len(widths) - 1)
        widths[wrap] = min(widths[wrap], max(len(headers[wrap]), 12, terminal_width() - others))
        cells = [[*row[:wrap], "\n".join(textwrap.wrap(row[wrap], widths[wrap])),
                  *row[wrap + 1:]] for row in cells]
    for row in [list(headers), ["-" * w for w in widths], *cells]:
        parts = [cell.split("\n") for cell in row]
        for index in range(max(len(p) for p in parts)):
            values = [p[index] if index < len(p) else "" for p in parts]
            print("  ".join(_pad(v, w, r)
                            for v, w, r in zip(values, widths, right, strict=True)).rstrip())


def _width(cell: str) -> int:
    """Terminal columns of the cell's widest line: wide (CJK) characters take two."""
    return max(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
               for line in cell.split("\n"))


def _pad(text: str, width: int, right: bool) -> str:
    room = " " * (width - _width(text))
    return room + text if right else text + room


def terminal_width() -> int:
    """Columns of the terminal printed to (100 when it is a pipe or a file)."""
    return shutil.get_terminal_size((100, 24)).columns


# Keys whose numbers are money (JSON keys carry other units in their names: _s, _gib ...);
# the values under cost_parts, cumulative, net_at_horizon and resale_value are money too.
MONEY_KEYS = re.compile(r"^(amount|capex|opex_per_year|unit_price|cumulative|net_at_horizon"
                        r"|resale_value|cost_parts)$|^cost_per_|_per_(sold_)?gpu_hour$")


def print_tree(data: Any, indent: int = 0, currency: str | None = None,
               money: bool = False) -> None:
    """Nested mappings as indented ``key  value`` lines; small flat mappings on one line.
    Money is written with ``currency`` (a mapping's own ``currency`` key wins for its part)."""
    pad = "  " * indent
    if isinstance(data, list):
        for item in data:
            if isinstance(item, dict):
                print(f"{pad}-")
                print_tree(item, indent + 1, currency)
            else:
                print(f"{pad}- {_written(item, currency if money else None)}")
        return
    if not isinstance(data, dict):
        print(f"{pad}{_written(data, currency if money else None)}")
        return
    currency = data.get("currency", currency)
    width = max((len(str(k)) for k in data), default=0)
    for key, value in data.items():
        label = str(key).ljust(width)
        unit = currency if money or MONEY_KEYS.search(str(key)) else None
        if _flat(value) and isinstance(value, dict):
            inline = ", ".join(f"{k} {_written(v, unit or _money(k, currency))}"
                               for k, v in value.items())
            print(f"{pad}{label}  {inline or '-'}")
        elif _flat(value):
            inline = ", ".join(number(v) for v in value)
            print(f"{pad}{label}  {inline + (f' {unit}' if unit else '') if inline else '-'}")
        elif isinstance(value, dict | list):
            print(f"{pad}{key}")
            print_tree(value, indent + 1, currency, money=unit is not None)
        else:
            print(f"{pad}{label}  {_written(value, unit)}")


def _money(key: str, currency: str | None) -> str | None:
    return currency if MONEY_KEYS.search(str(key)) else None


def _written(value: Any, unit: str | None) -> str:
    """A value as text, with its unit when it is a number."""
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    return f"{number(value)} {unit}" if unit and is_number else number(value)


def _flat(value: Any) -> bool:
    """A short mapping or list of plain values, printable on one line."""
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) \
        else None
    return items is not None and len(items) <= 6 and \
        all(not isinstance(v, dict | list) for v in items)
