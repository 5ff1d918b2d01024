"""The engine's comparison as the comparison views show it: cells, differences, best marks.

Numbers and their texts are the headline module's; this adds only the
layout: which column is the reference, how a difference reads (+12.3 %) and
whether it is an improvement given the figure's better direction.
"""

from __future__ import annotations

from engine.compare import BASE, Comparison, Row, figures_asked, verdict
from engine.headline import HIGHER, LOWER, FigureSpec
from widgets.content.comparison import BETTER, WORSE, BarChart, Cell, ComparisonTable, TableRow
from widgets.content.figure_notes import PART_MARK, detail, ranged_text, tooltip, value_text
from widgets.content.texts import engine_text, translate

BEST_MARK = "★"
_SAME = 5e-4          # differences under 0.05 % are neither better nor worse
_EQUAL = 1e-9


def comparison_table(result: Comparison, active: int = -1,
                     relative_to: str = BASE) -> ComparisonTable:
    """Every headline figure some design asks for, of every design, the best marked,
    differences to ``relative_to`` (the base design or the best of each row)."""
    fits = {True: translate("Comparison", "yes"),
            False: translate("Comparison", "no: not ranked"), None: "—"}
    rows = [TableRow(translate("Comparison", "Hardware"), cells=tuple(
                Cell(f"{r.accelerators:,} × {r.accelerator}") for r in result.rows),
                figure=False),
            TableRow(translate("Comparison", "Cost basis"), cells=tuple(
                Cell(f"{engine_text('bought' if r.basis == 'buy' else 'rented')}, "
                     f"{r.currency}") for r in result.rows), figure=False)]
    if any(r.fits_in_memory is False for r in result.rows):
        rows.append(TableRow(translate("Comparison", "Fits in memory"), cells=tuple(
            Cell(fits[r.fits_in_memory]) for r in result.rows), figure=False))
    rows += [TableRow(engine_text(spec.label), hint(spec),
                      tuple(_cell(result, spec, r, relative_to) for r in result.rows),
                      unclear=no_clear_winner() if spec.key in result.unclear else "")
             for spec in figures_asked(result)]
    base = result.rows[0].design if result.rows else ""
    reference = translate("Comparison", "the base scenario, {name}").format(name=base) \
        if relative_to == BASE else translate("Comparison", "the best of each row")
    partial = any(f.covers for r in result.rows for f in r.figures)
    caption = translate("Comparison", "{best} best of the row. Differences are relative to "
                        "{reference}; green is better, red worse; under each figure its 80% "
                        "band, and \"{unclear}\" where the best's band overlaps another's").format(
        best=BEST_MARK, reference=reference, unclear=no_clear_winner())
    if partial:
        caption += translate("Comparison", "; {mark} covers part of the design").format(
            mark=PART_MARK)
    notes = dict.fromkeys(engine_text(note) for r in result.rows for f in r.figures
                          for note in f.notes)
    return ComparisonTable(tuple(r.design for r in result.rows), tuple(rows), active,
                           caption + ".", verdict(result, engine_text, ranged_text),
                           tuple(notes))


def no_clear_winner() -> str:
    """What a row says when the best's band overlaps another's."""
    return translate("Comparison", "no clear winner")


def hint(spec: FigureSpec) -> str:
    """The unit and which way is better: "days · lower is better"."""
    unit = "" if spec.unit == "money" or spec.style == "count" else engine_text(spec.unit)
    direction = {HIGHER: translate("Comparison", "higher is better"),
                 LOWER: translate("Comparison", "lower is better")}.get(spec.better, "")
    return " · ".join(part for part in (unit, direction) if part)


def _cell(result: Comparison, spec: FigureSpec, row: Row, relative_to: str) -> Cell:
    figure = row.figure(spec.key)
    if figure.value is None:
        return Cell(value_text(figure), tooltip=engine_text(figure.missing))
    change = result.change(spec.key, row.design, relative_to)
    reference = row is result.rows[0] if relative_to == BASE \
        else result.is_best(spec.key, row.design)
    ranking = "" if row.ranked(spec.key) else translate(
        "Comparison", "not ranked: the workload does not fit in memory")
    best = result.is_best(spec.key, row.design)
    overlaps = result.unclear.get(spec.key, ()) if best else ()
    unclear = translate("Comparison", "{unclear}: its band overlaps {others}'s").format(
        unclear=no_clear_winner(), others=translate("engine", " and ").join(overlaps)) \
        if overlaps else ""
    tip = "\n".join(filter(None, (engine_text(figure.note), ranking, unclear, tooltip(figure))))
    text = f"{value_text(figure)} {PART_MARK}" if figure.covers else value_text(figure)
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
        label = engine_text(spec.label)
        title = f"{label} ({figures[0].unit})" if spec.style == "money" else label
        charts.append(BarChart(title, hint(spec), values, tuple(value_text(f) for f in figures),
                               tuple(result.is_best(spec.key, r.design) for r in result.rows)))
    return tuple(charts)
