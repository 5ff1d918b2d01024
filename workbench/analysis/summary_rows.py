"""What the summary panel shows: headline tiles and every section's figures.

The tiles are :mod:`engine.headline`'s figures, as the comparison and the
reports show them; a missing figure says "n/a" with the reason as its
tooltip (in red when a section failed). The details tree lists every figure
of every section there is, so a new section shows up with no change here.
"""

from __future__ import annotations

from typing import Any

from engine.evaluate import Evaluation
from engine.headline import Figure, asked, figure_spec
from engine.results import is_record, one_level, to_data
from engine.units import number
from widgets.content.figure_notes import detail, label, tooltip, value_text
from widgets.content.summary import DetailRow, DetailSection, Tile
from widgets.content.texts import engine_text, translate

MAX_DEPTH = 3
MAX_LIST = 6


def tiles(evaluation: Evaluation) -> list[Tile]:
    """The figures their sections show as tiles (:attr:`FigureSpec.tile`), of the sections
    the design asks for; the rest are in the comparison view and reports."""
    return [_tile(figure) for figure in asked(evaluation) if figure_spec(figure.key).tile]


def _tile(figure: Figure) -> Tile:
    if figure.value is None:
        return Tile(label(figure), value_text(figure), engine_text(figure.missing),
                    "error" if figure.failed else "missing")
    tip = "\n".join(filter(None, (figure.note and f"{label(figure)}: {engine_text(figure.note)}",
                                  tooltip(figure))))
    return Tile(label(figure), value_text(figure), tip, detail=detail(figure))


def details(evaluation: Evaluation) -> list[DetailSection]:
    out = [DetailSection(engine_text(humanize(name)), _rows(section))
           for name, section in evaluation.sections.items()]
    out += [DetailSection(engine_text(humanize(name)), error=reason)
            for name, reason in evaluation.errors.items() if name not in evaluation.sections]
    return out


def humanize(key: str) -> str:
    """``peak_pflops`` -> ``Peak (PFLOP/s)``: a JSON key as a person reads it."""
    for suffix, unit in _UNITS:
        if key.endswith(suffix) and key != suffix.lstrip("_"):
            words = key[:-len(suffix)].replace("_", " ")
            return f"{words[:1].upper()}{words[1:]} ({unit})"
    words = key.replace("_", " ")
    return f"{words[:1].upper()}{words[1:]}"


_UNITS = (("_pflops", "PFLOP/s"), ("_tflops_per_gpu", "TFLOP/s per GPU"), ("_kw", "kW"),
          ("_tb", "TB"), ("_gib", "GiB"), ("_GBps", "GB/s"), ("_gbps", "Gb/s"),
          ("_days", "days"), ("_hours", "hours"), ("_min", "min"), ("_per_s", "per second"),
          ("_s", "s"), ("_usd", "USD"))


def _rows(data: Any, depth: int = 0) -> tuple[DetailRow, ...]:
    """Rows of a section's figures, converted to plain data as far as they are shown
    (a long list shows its length and first few entries, not all of them)."""
    data = one_level(data)
    if not isinstance(data, dict):
        return ()
    out = []
    for key, raw in data.items():
        label = humanize(str(key)) if depth == 0 else str(key)
        value = one_level(raw)
        if isinstance(value, dict) and depth < MAX_DEPTH:
            out.append(DetailRow(label, children=_rows(value, depth + 1)))
        elif isinstance(value, list) and value and all(is_record(v) for v in value):
            entries = translate("Figures", "{n} entries").format(n=len(value))
            out.append(DetailRow(label, entries, tuple(
                DetailRow(str(i + 1), children=_rows(v, depth + 1))
                for i, v in enumerate(value[:MAX_LIST]))))
        elif isinstance(value, list):
            shown = ", ".join(number(to_data(v)) for v in value[:MAX_LIST])
            more = translate("Figures", " … ({n} in all)").format(n=len(value)) \
                if len(value) > MAX_LIST else ""
            out.append(DetailRow(label, (shown + more) or "—"))
        else:
            out.append(DetailRow(label, number(to_data(raw))))
    return tuple(out)
