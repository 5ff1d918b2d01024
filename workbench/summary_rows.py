"""What the summary panel shows, read from an evaluation defensively.

Sections land in the engine one by one (inventory first; network, training,
cost and reliability later), so headlines are looked up by section and key
and a missing section shows a dash, a failed one its reason. The details
tree lists every figure of every section there is, so a new section shows
up with no change here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from engine.evaluate import Evaluation
from engine.results import to_data
from widgets.summary import DetailSection, Tile
from workbench.cli.output import number

MAX_DEPTH = 3
MAX_LIST = 6


@dataclass(frozen=True)
class Headline:
    label: str
    sections: tuple[str, ...]        # where to look, first found wins
    key: str
    show: Callable[[float, dict[str, Any]], str]   # value, the mapping holding it


def _percent(value: float, where: dict[str, Any]) -> str:
    return f"{value * 100:.1f} %"


def _power(value: float, where: dict[str, Any]) -> str:
    return f"{number(value / 1e3)} MW" if value >= 1000 else f"{number(value)} kW"


def _money(value: float, where: dict[str, Any]) -> str:
    currency = where.get("currency", "")
    for scale, suffix in ((1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= scale:
            return f"{number(value / scale)}{suffix} {currency}".strip()
    return f"{number(value)} {currency}".strip()


HEADLINES = (
    Headline("Accelerators", ("inventory",), "accelerators", lambda v, w: f"{int(v):,}"),
    Headline("Peak compute", ("inventory",), "peak_pflops",
             lambda v, w: f"{number(v)} PFLOP/s {w.get('precision', '')}".strip()),
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
            return Tile(headline.label, "n/a", f"{name}: {evaluation.errors[name]}", "error")
        if name in evaluation.sections:
            found = _find(to_data(evaluation.sections[name]), headline.key)
            if found is not None and isinstance(found[0], int | float) \
                    and not isinstance(found[0], bool):
                return Tile(headline.label, headline.show(found[0], found[1]),
                            f"{name}.{headline.key}")
    return Tile(headline.label, "—", "The engine does not estimate this yet", "missing")


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
    out = [DetailSection(name, tuple(_rows(to_data(section))))
           for name, section in evaluation.sections.items()]
    out += [DetailSection(name, error=reason) for name, reason in evaluation.errors.items()
            if name not in evaluation.sections]
    return out


def _rows(data: Any, prefix: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict) and depth < MAX_DEPTH:
        for key, value in data.items():
            yield from _rows(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}",
                             depth + 1)
    elif isinstance(data, list) and all(not isinstance(v, dict | list) for v in data):
        shown = ", ".join(number(v) for v in data[:MAX_LIST])
        more = f" … ({len(data)} in all)" if len(data) > MAX_LIST else ""
        yield prefix, (shown + more) or "—"
    elif isinstance(data, list):
        yield prefix, f"{len(data)} entries"
    else:
        yield prefix, number(data)
