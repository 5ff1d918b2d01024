"""The engine's comparison as the comparison views show it: cells, differences, best marks.

Numbers and their texts are the headline module's; this adds only the
layout: which column is the reference, how a difference reads (+12.3 %) and
whether it is an improvement given the figure's better direction.
"""

from __future__ import annotations

from engine.compare import BASE, Comparison, Row, figures_asked, verdict
from engine.headline import HIGHER, LOWER, FigureSpec
from widgets.content.comparison import BETTER, WORSE, BarChart, Cell, ComparisonTable, TableRow
from widgets.content.figure_notes import PART_MARK, detail, tooltip

BEST_MARK = "★"
NO_CLEAR_WINNER = "no clear winner"
_FITS = {True: "yes", False: "no: not ranked", None: "—"}
_SAME = 5e-4          # differences under 0.05 % are neither better nor worse
_EQUAL = 1e-9


def comparison_table(result: Comparison, active: int = -1,
                     relative_to: str = BASE) -> ComparisonTable:
    """Every headline figure some design asks for, of every design, the best marked,
    differences to ``relative_to`` (the base design or the best of each row)."""
    rows = [TableRow("Hardware", cells=tuple(
                Cell(f"{r.accelerators:,} × {r.accelerator}") for r in result.rows),
                figure=False),
            TableRow("Cost basis", cells=tuple(
                Cell(f"{'bought' if r.basis == 'buy' else 'rented'}, {r.currency}")
                for r in result.rows), figure=False)]
    if any(r.fits_in_memory is False for r in result.rows):
        rows.append(TableRow("Fits in memory", cells=tuple(
            Cell(_FITS[r.fits_in_memory]) for r in result.rows), figure=False))
    rows += [TableRow(spec.label, hint(spec), tuple(_cell(result, spec, r, relative_to)
                                                    for r in result.rows),
                      unclear=NO_CLEAR_WINNER if spec.key in result.unclear else "")
             for spec in figures_asked(result)]
    base = result.rows[0].design if result.rows else ""
    reference = f"the base scenario, {base}" if relative_to == BASE else "the best of each row"
    partial = any(f.covers for r in result.rows for f in r.figures)
    caption = (f"{BEST_MARK} best of the row. Differences are relative to {reference}; "
               "green is better, red worse; under each figure its 80% band, and "
               f"\"{NO_CLEAR_WINNER}\" where the best's band overlaps another's"
               f"{f'; {PART_MARK} covers part of the design' if partial else ''}.")
    notes = dict.fromkeys(note for r in result.rows for f in r.figures for note in f.notes)
    return ComparisonTable(tuple(r.design for r in result.rows), tuple(rows), active, caption,
                           verdict(result), tuple(notes))


def hint(spec: FigureSpec) -> str:
    """The unit and which way is better: "days · lower is better"."""
    unit = "" if spec.unit == "money" or spec.style == "count" else spec.unit
    direction = f"{spec.better} is better" if spec.better else ""
    return " · ".join(part for part in (unit, direction) if part)


def _cell(result: Comparison, spec: FigureSpec, row: Row, relative_to: str) -> Cell:
    figure = row.figure(spec.key)
    if figure.value is None:
        return Cell("n/a", tooltip=figure.missing)
    change = result.change(spec.key, row.design, relative_to)
    reference = row is result.rows[0] if relative_to == BASE \
        else result.is_best(spec.key, row.design)
    ranking = "" if row.ranked(spec.key) else "not ranked: the workload does not fit in memory"
    best = result.is_best(spec.key, row.design)
    overlaps = result.unclear.get(spec.key, ()) if best else ()
    unclear = f"{NO_CLEAR_WINNER}: its band overlaps {' and '.join(overlaps)}'s" \
        if overlaps else ""
    tip = "\n".join(filter(None, (figure.note, ranking, unclear, tooltip(figure))))
    text = f"{figure.text} {PART_MARK}" if figure.covers else figure.text
    return Cell(text, "" if reference else _change_text(change), _tone(spec, change),
                best, tip, detail(figure), figure.range_text)


def _change_text(change: float | None) -> str:
    """+12.3 %; small differences with the digits that show them; "=" only when equal."""
    if change is None:
        return ""
    if abs(change) < _EQUAL:
        return "="
    return f"{change * 100:+.1f} %" if abs(change) >= _SAME else f"{change * 100:+.2g} %"


def _tone(spec: FigureSpec, change: float | None) -> str:
    if change is None or abs(change) < _SAME or spec.better not in (HIGHER, LOWER):
        return ""
    return BETTER if (change > 0) == (spec.better == HIGHER) else WORSE


def bar_charts(result: Comparison) -> tuple[BarChart, ...]:
    """One chart per headline figure that varies across the designs."""
    charts = []
    for spec in figures_asked(result):
        figures = [r.figure(spec.key) for r in result.rows]
        values = tuple(f.value for f in figures)
        if len({v for v in values if v is not None}) < 2 and len(values) > 1:
            continue                    # the same for every design: nothing to see
        title = f"{spec.label} ({figures[0].unit})" if spec.style == "money" else spec.label
        charts.append(BarChart(title, hint(spec), values, tuple(f.text for f in figures),
                               tuple(result.is_best(spec.key, r.design) for r in result.rows)))
    return tuple(charts)
