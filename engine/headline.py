"""The headline figures of a design: the dozen numbers people compare designs by.

This module is the one place that says which figures are headlines, where
each is read from in an :class:`~engine.evaluate.Evaluation`, its unit,
which direction is better, why it is missing when it is, and how it is
written. The GUI's tiles, ``compare``, the comparison view, sweeps and the
HTML report all take their figures from :func:`headline`, so they agree to
the digit.

A figure the design cannot have is ``None`` with the reason: the section's
error, the missing training estimate it depends on, or what the section
says it could not price.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from engine.evaluate import Evaluation
from engine.units import number

HIGHER, LOWER, NEITHER = "higher", "lower", ""
_MONEY_SCALES = ((1e9, " bn"), (1e6, " M"), (1e3, " k"))


@dataclass(frozen=True)
class FigureSpec:
    """Where a headline figure comes from and how it reads.

    ``read`` takes the section's result and returns the value (``None`` if
    the section has none); ``unavailable`` is the key of the section's
    ``unavailable`` mapping that says why. ``needs_training`` figures are
    not ranked for a design whose workload does not fit in memory.
    """

    key: str
    label: str
    unit: str                  # "money" means the evaluation's currency
    better: str                # HIGHER, LOWER or NEITHER
    section: str
    read: Callable[[Any], float | None]
    needs_training: bool = False
    unavailable: str = "run"
    style: str = "number"      # number, count, fraction, money, power


@dataclass(frozen=True)
class Figure:
    """One headline figure of one design."""

    key: str
    label: str
    unit: str
    better: str
    value: float | None
    missing: str = ""          # why ``value`` is None
    failed: bool = False       # ... because a section of the evaluation failed
    qualifier: str = ""        # what the figure is of, e.g. the precision of peak compute
    floor: bool = False        # a lower bound: some parts have no published figure
    note: str = ""             # what a floor leaves out
    style: str = "number"

    @property
    def text(self) -> str:
        """The value as people read it, with its unit (``n/a`` when missing)."""
        return figure_text(self.value, self.style, self.unit, self.floor)


def _all_reduce_busbw(network: Any) -> float | None:
    figure = network.main().machine.get("all_reduce")
    return figure.busbw_GBps if figure is not None else None


FIGURES: tuple[FigureSpec, ...] = (
    FigureSpec("accelerators", "Accelerators", "", NEITHER, "inventory",
               lambda s: s.accelerators, style="count"),
    FigureSpec("peak_pflops", "Peak compute", "PFLOP/s", HIGHER, "inventory",
               lambda s: s.peak_pflops),
    FigureSpec("power_kw", "Power", "kW", LOWER, "inventory",
               lambda s: None if s.power_unknown and not s.power_kw else s.power_kw,
               style="power"),
    FigureSpec("all_reduce_busbw_GBps", "All-reduce busbw", "GB/s", HIGHER, "network",
               _all_reduce_busbw),
    FigureSpec("time_to_train_days", "Time to train", "days", LOWER, "training",
               lambda s: s.time_to_train_days, needs_training=True),
    FigureSpec("time_to_train_days_with_failures", "Time with failures", "days", LOWER,
               "reliability", lambda s: s.time_to_train_days_with_failures,
               needs_training=True),
    FigureSpec("mfu", "MFU", "%", HIGHER, "training", lambda s: s.mfu,
               needs_training=True, style="fraction"),
    FigureSpec("goodput", "Goodput", "%", HIGHER, "reliability", lambda s: s.goodput,
               style="fraction"),
    FigureSpec("cost_per_run", "Cost per run", "money", LOWER, "cost",
               lambda s: s.cost_per_run, needs_training=True, style="money"),
    FigureSpec("cost_per_run_with_failures", "Cost with failures", "money", LOWER,
               "reliability", lambda s: s.cost_per_run_with_failures, needs_training=True,
               unavailable="cost", style="money"),
    FigureSpec("cost_per_million_tokens", "Cost per million tokens", "money", LOWER, "cost",
               lambda s: s.cost_per_million_tokens, needs_training=True, style="money"),
    FigureSpec("capex", "Capex (buy)", "money", LOWER, "cost", lambda s: s.capex,
               unavailable="buy", style="money"),
)
SPECS: dict[str, FigureSpec] = {spec.key: spec for spec in FIGURES}
KEYS: tuple[str, ...] = tuple(SPECS)


def headline(evaluation: Evaluation, currency: str = "") -> tuple[Figure, ...]:
    """Every headline figure of ``evaluation``, in :data:`FIGURES` order.

    Money is in the cost section's currency (``currency`` when the design
    has no cost section).
    """
    cost = evaluation.get("cost")
    money = cost.currency if cost is not None else currency
    return tuple(_figure(evaluation, spec, money) for spec in FIGURES)


def by_key(figures: tuple[Figure, ...]) -> dict[str, Figure]:
    return {f.key: f for f in figures}


def _figure(evaluation: Evaluation, spec: FigureSpec, money: str) -> Figure:
    unit = money if spec.unit == "money" else spec.unit
    found = evaluation.get(spec.section)
    value = spec.read(found) if found is not None else None
    qualifier = floor_note = ""
    if spec.section == "inventory" and found is not None:
        qualifier = found.precision if spec.key == "peak_pflops" else ""
        if spec.key == "power_kw" and found.power_unknown:
            floor_note = f"no published power figure for {', '.join(found.power_unknown)}"
    if value is None:
        reason = floor_note or _reason(evaluation, spec, found)
        failed = any(reason.startswith(f"{name}: ") for name in evaluation.errors)
        return Figure(spec.key, spec.label, unit, spec.better, None, reason, failed,
                      qualifier, style=spec.style)
    return Figure(spec.key, spec.label, unit, spec.better, float(value), "", False, qualifier,
                  bool(floor_note), floor_note, spec.style)


def _reason(evaluation: Evaluation, spec: FigureSpec, found: Any) -> str:
    """The section's error, else the missing training estimate, else the section's own word."""
    if spec.section in evaluation.errors:
        return f"{spec.section}: {evaluation.errors[spec.section]}"
    if found is None:
        return f"no {spec.section} estimate"
    if spec.needs_training and evaluation.get("training") is None:
        training = evaluation.errors.get("training")
        return f"training: {training}" if training else "no training estimate"
    if spec.key == "all_reduce_busbw_GBps":
        return "a single accelerator: no collective"
    return getattr(found, "unavailable", {}).get(spec.unavailable, "not computed")


def figure_text(value: float | None, style: str, unit: str, floor: bool = False) -> str:
    """``value`` written with its unit: 1,024 · 45.8 days · 70.3 % · 7.15 M CNY · 1.2 MW."""
    if value is None:
        return "n/a"
    if style == "count":
        text = f"{round(value):,}"
    elif style == "fraction":
        text = f"{value * 100:.1f} %"
    elif style == "money":
        scale, suffix = next(((s, x) for s, x in _MONEY_SCALES if abs(value) >= s), (1.0, ""))
        text = f"{number(value / scale)}{suffix} {unit}".strip()
    elif style == "power":
        text = f"{number(value / 1e3)} MW" if value >= 1000 else f"{number(value)} kW"
    else:
        text = f"{number(value)} {unit}".strip()
    return f"≥ {text}" if floor else text

