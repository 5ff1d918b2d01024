"""CSV cells a spreadsheet opens as data, never as a formula.

Spreadsheets run a cell that begins with ``= + - @`` (some also a tab or a carriage
return) as a formula: a design named ``=HYPERLINK("http://...")`` would be a live link
in the sheet of whoever opens our CSV (OWASP, "CSV injection"). Every CSV the app writes
(``compare --csv``, sweep results, a panel's numbers) passes its cells through
:func:`csv_row`: text beginning with one of those, or with the single quote itself, gets
a leading single quote, which spreadsheets hide and keep as text. Numbers stay numbers (a
negative number is not text). :func:`read_csv_text` undoes the quote, so our own files
read back as they were written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

QUOTED_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV cell: nothing for ``None``, quoted text where a spreadsheet would
    see a formula, else as it is."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(QUOTED_STARTS):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


def read_csv_text(cell: str) -> str:
    """A text cell :func:`csv_cell` wrote, as it was before."""
    return cell[1:] if cell.startswith("'") else cell
