"""What the summary panel shows, read from an evaluation defensively.

Sections land in the engine one by one (inventory first; network, training,
cost and reliability later), so headlines are looked up by section and key
and a missing section shows a dash, a failed one its reason. The details
tree lists every figure of every section there is, so a new section shows
up with no change here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engine.evaluate import Evaluation
from engine.results import to_data
from widgets.summary import DetailRow, DetailSection, Tile
from workbench.cli.output import number

MAX_DEPTH = 3
MAX_LIST = 6


@dataclass(frozen=True)
class Headline:
    label: str                       # may name keys of the mapping holding the value
    sections: tuple[str, ...]        # where to look, first found wins
    key: str
    show: Callable[[float, dict[str, Any]], str]   # value, the mapping holding it


def _percent(value: float, where: dict[str, Any]) -> str:
    return f"{value * 100:.1f} %"


def _power(value: float, where: dict[str, Any]) -> str:
    """Hardware with no published power figure is not counted: then the total is a floor."""
    if where.get("power_unknown") and value == 0:
        return "unknown"
    shown = f"{number(value / 1e3)} MW" if value >= 1000 else f"{number(value)} kW"
    return f"≥ {shown}" if where.get("power_unknown") else shown


def _money(value: float, where: dict[str, Any]) -> str:
    currency = where.get("currency", "")
    for scale, suffix in ((1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= scale:
            return f"{number(value / scale)}{suffix} {currency}".strip()
    return f"{number(value)} {currency}".strip()


HEADLINES = (
    Headline("Accelerators", ("inventory",), "accelerators", lambda v, w: f"{int(v):,}"),
    Headline("Peak compute, {precision}", ("inventory",), "peak_pflops",
             lambda v, w: f"{number(v)} PFLOP/s"),
    Headline("Power", ("inventory",), "power_kw", _power),
    Headline("All-reduce busbw", ("network", "collectives"), "busbw_GBps",
             lambda v, w: f"{number(v)} GB/s"),
    Headline("Time to train", ("training",), "time_to_train_days",
             lambda v, w: f"{number(v)} days"),
    Headline("MFU", ("training",), "mfu", _percent),
    Headline("Cost per run", ("cost",), "cost_per_run", _money),
    Headline("Goodput", ("reliability",), "goodput", _percent),
)


def tiles(evaluation: Evaluation) -> list[Tile]:
    return [_tile(evaluation, h) for h in HEADLINES]


def _tile(evaluation: Evaluation, headline: Headline) -> Tile:
    for name in headline.sections:
        if name in evaluation.errors:
            return Tile(_label(headline, {}), "n/a", f"{name}: {evaluation.errors[name]}",
                        "error")
        if name in evaluation.sections:
            found = _find(to_data(evaluation.sections[name]), headline.key)
            if found is not None and isinstance(found[0], int | float) \
                    and not isinstance(found[0], bool):
                # "power_kw" sits beside "power_unknown": the parts it could not count
                unknown = found[1].get(f"{headline.key.rsplit('_', 1)[0]}_unknown")
                tip = f"{name}.{headline.key}" + (f"; no published figure for "
                                                   f"{', '.join(unknown)}" if unknown else "")
                return Tile(_label(headline, found[1]), headline.show(found[0], found[1]), tip)
    return Tile(_label(headline, {}), "—", "The engine does not estimate this yet", "missing")


def _label(headline: Headline, where: dict[str, Any]) -> str:
    return headline.label.format_map(_Keys(where)).rstrip(", ")


class _Keys(dict[str, Any]):
    """Label fields: a key the mapping lacks is left out."""

    def __missing__(self, key: str) -> str:
        return ""


def _find(data: Any, key: str) -> tuple[Any, dict[str, Any]] | None:
    """The first ``key`` in nested data, preferring all-reduce where collectives differ."""
    if isinstance(data, dict):
        if key in data and data.get("op", "all_reduce") == "all_reduce":
            return data[key], data
        children = list(data.values())
    elif isinstance(data, list):
        children = data
    else:
        return None
    for child in children:
        found = _find(child, key)
        if found is not None:
            return found
    return None


def details(evaluation: Evaluation) -> list[DetailSection]:
    out = [DetailSection(humanize(name), _rows(to_data(section)))
           for name, section in evaluation.sections.items()]
    out += [DetailSection(humanize(name), error=reason)
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
    if not isinstance(data, dict):
        return ()
    out = []
    for key, value in data.items():
        label = humanize(str(key)) if depth == 0 else str(key)
        if isinstance(value, dict) and depth < MAX_DEPTH:
            out.append(DetailRow(label, children=_rows(value, depth + 1)))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            out.append(DetailRow(label, f"{len(value)} entries", tuple(
                DetailRow(str(i + 1), children=_rows(v, depth + 1))
                for i, v in enumerate(value[:MAX_LIST]))))
        elif isinstance(value, list):
            shown = ", ".join(number(v) for v in value[:MAX_LIST])
            more = f" … ({len(value)} in all)" if len(value) > MAX_LIST else ""
            out.append(DetailRow(label, (shown + more) or "—"))
        else:
            out.append(DetailRow(label, number(value)))
    return tuple(out)
