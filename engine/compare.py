"""What-if comparison: several designs' headline figures side by side, and who wins.

Every design is evaluated in one currency so money compares. A figure a
design cannot have (no training estimate, no price) is ``None`` with the
reason, so a table can say "n/a" and why. The fastest design is the one
with the shortest schedule counting failures (without failures if any
design lacks the reliability figure); the cheapest the one with the lowest
cost per run on the same footing. A design whose best configuration does not
fit in memory cannot train as estimated and is not ranked.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from engine.catalog import Catalog
from engine.design import Design
from engine.evaluate import Evaluation, evaluate

# metric -> (section, attribute)
METRICS: dict[str, tuple[str, str]] = {
    "time_to_train_days": ("training", "time_to_train_days"),
    "mfu": ("training", "mfu"),
    "cost_per_run": ("cost", "cost_per_run"),
    "cost_per_million_tokens": ("cost", "cost_per_million_tokens"),
    "goodput": ("reliability", "goodput"),
    "time_to_train_days_with_failures": ("reliability", "time_to_train_days_with_failures"),
    "cost_per_run_with_failures": ("reliability", "cost_per_run_with_failures"),
    "capex": ("cost", "capex"),
}
# figures that need no training estimate, and the ``unavailable`` key saying why they are absent
_WITHOUT_TRAINING = {"capex": "buy", "goodput": ""}


@dataclass(frozen=True)
class Row:
    """One design's figures; ``missing`` says why a figure is ``None``."""

    design: str
    name: str
    accelerators: int
    accelerator: str
    currency: str
    basis: str
    values: dict[str, float | None]
    missing: dict[str, str] = field(default_factory=dict)
    fits_in_memory: bool | None = None      # None: no training estimate


@dataclass(frozen=True)
class Comparison:
    rows: tuple[Row, ...]
    fastest: str | None          # a row's design label
    fastest_by: str              # the metric that decided it
    cheapest: str | None
    cheapest_by: str


def compare(designs: Sequence[tuple[str, Design]], catalog: Catalog,
            currency: str | None = None) -> Comparison:
    """Evaluate ``(label, design)`` pairs in ``currency`` (default: the first design's)."""
    currency = currency or (designs[0][1].cost.currency if designs else "USD")
    rows = []
    for label, design in designs:
        design = dataclasses.replace(design, cost=dataclasses.replace(design.cost,
                                                                      currency=currency))
        rows.append(_row(label, design, evaluate(design, catalog)))
    fastest_by = _footing(rows, "time_to_train_days_with_failures", "time_to_train_days")
    cheapest_by = _footing(rows, "cost_per_run_with_failures", "cost_per_run")
    return Comparison(tuple(rows), _best(rows, fastest_by), fastest_by,
                      _best(rows, cheapest_by), cheapest_by)


def _row(label: str, design: Design, result: Evaluation) -> Row:
    inventory = result.get("inventory")
    by_type = inventory.accelerators_by_type if inventory else {}
    values: dict[str, float | None] = {}
    missing: dict[str, str] = {}
    for metric, (section, attribute) in METRICS.items():
        found = result.get(section)
        value = getattr(found, attribute, None) if found is not None else None
        values[metric] = value
        if value is None:
            missing[metric] = _reason(result, section, found, metric)
    training = result.get("training")
    return Row(label, design.name, inventory.accelerators if inventory else 0,
               ", ".join(by_type) or "-", design.cost.currency, design.cost.basis, values,
               missing, training.fits_in_memory if training is not None else None)


def _reason(result: Evaluation, section: str, found: Any, metric: str) -> str:
    """Why ``metric`` is absent: the section's error, else a missing training estimate,
    else what the section itself says."""
    if section in result.errors:
        return f"{section}: {result.errors[section]}"
    if found is None:
        return f"no {section} estimate in this version"
    if metric not in _WITHOUT_TRAINING and result.get("training") is None:
        return _reason(result, "training", None, "time_to_train_days")
    unavailable = getattr(found, "unavailable", {})
    return unavailable.get(_WITHOUT_TRAINING.get(metric, "cost"), "not computed")


def _footing(rows: list[Row], preferred: str, fallback: str) -> str:
    """``preferred`` when every row has it, else ``fallback``."""
    return preferred if all(r.values[preferred] is not None for r in rows) else fallback


def _best(rows: list[Row], metric: str) -> str | None:
    known = [r for r in rows if r.values[metric] is not None and r.fits_in_memory is not False]
    return min(known, key=lambda r: r.values[metric]).design if known else None
