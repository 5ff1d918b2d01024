"""What the comparison views show, as plain values (no Qt, so reports can use them too).

The workbench fills these from the engine's comparison
(:mod:`workbench.comparison.rows`); the table, the bar charts, the
presentation and the HTML report only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass

BETTER, WORSE = "better", "worse"


@dataclass(frozen=True)
class Cell:
    """One design's figure: its text, the difference to the reference and whether it wins."""

    text: str
    change: str = ""        # "+12.3 %"; empty for the reference itself
    tone: str = ""          # BETTER, WORSE or "" (no better direction, or no change)
    best: bool = False
    tooltip: str = ""
    detail: str = ""        # a second line: the 80% range, "part of the design", ...
    band: str = ""          # the 80% range alone, in the value's style: "17.0-21.6"


@dataclass(frozen=True)
class TableRow:
    label: str
    hint: str = ""          # "days · lower is better"
    cells: tuple[Cell, ...] = ()
    figure: bool = True     # False: a descriptive row (hardware, cost basis), never ranked
    unclear: str = ""       # "no clear winner": the best's band overlaps another's


@dataclass(frozen=True)
class ComparisonTable:
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]
    active: int = -1        # the column of the scenario being edited
    caption: str = ""       # what the differences are relative to, and the best mark
    verdict: tuple[str, ...] = ()   # fastest and cheapest: two sentences
    notes: tuple[str, ...] = ()     # every figure's fidelity, coverage and assumption, once


@dataclass(frozen=True)
class BarChart:
    """One headline figure across the designs (in column order)."""

    title: str
    hint: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...]
    best: tuple[bool, ...]
