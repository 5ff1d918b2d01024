"""Buying against renting over time, and what a run's bill is made of.

**Over time.** After ``m`` months of full use, owning has cost the capex
plus the energy of every accelerator-hour, renting the rent of every
accelerator-hour (730.5 hours a month, as the break-even of
:mod:`engine.cost.section`); the two lines cross at
:func:`engine.cost.break_even_months`. The horizon is the amortisation
period, or longer to show a later break-even.

**A run's bill** (``cost_per_run`` under ``cost.basis``) is split in the
proportions of what makes up the accelerator-hour: when buying, each capex
line's yearly share (amount / amortisation years) and each energy line;
when renting, each accelerator type's rent. Lines are summed by kind, a
line's kind being its label up to the first colon or comma
("switches, level 2: Spine" is "switches"). The time failures add
(:mod:`engine.reliability`) is a part of its own.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from engine.cost import CostLine, CostReport, break_even_months
from engine.cost.section import HOURS_PER_MONTH
from engine.errors import EngineError
from engine.reliability import ReliabilityReport

POINTS = 121
FAILURES_PART = "time lost to failures"
_KIND = re.compile(r"^[^:,]+")


@dataclass(frozen=True)
class BuyRentCurve:
    """Cumulative cost of owning and of renting the whole design, month by month."""

    currency: str
    accelerators: int
    months: np.ndarray
    buy: np.ndarray
    rent: np.ndarray
    break_even_months: float | None
    break_even_cost: float | None        # what either way has cost by then


@dataclass(frozen=True)
class RunCost:
    """A run's cost in parts (largest first), and the run's total with failures if known."""

    currency: str
    basis: str
    parts: tuple[tuple[str, float], ...]
    cost_per_run: float
    with_failures: float | None


def buy_rent_curve(cost: CostReport) -> BuyRentCurve:
    """Both ways of paying for the design over the months; an error if either has no price."""
    if cost.buy is None or cost.rent is None:
        missing = "; ".join(f"{basis}: {cost.unavailable[basis]}" for basis in ("buy", "rent")
                            if basis in cost.unavailable)
        raise EngineError(f"needs both a purchase and a rental price ({missing})")
    n = cost.accelerators
    purchase, rental = cost.buy, cost.rent
    even = break_even_months(purchase.capex, purchase.energy_per_gpu_hour,
                             rental.cost_per_gpu_hour, n)
    horizon = 12 * purchase.amortisation_years
    if even is not None:
        horizon = max(horizon, 1.25 * even)
    months = np.linspace(0.0, horizon, POINTS)
    per_month = n * HOURS_PER_MONTH
    return BuyRentCurve(cost.currency, n, months,
                        purchase.capex + purchase.energy_per_gpu_hour * per_month * months,
                        rental.cost_per_gpu_hour * per_month * months, even,
                        None if even is None else rental.cost_per_gpu_hour * per_month * even)


def run_cost(cost: CostReport, reliability: ReliabilityReport | None) -> RunCost:
    """``cost_per_run`` split by what the accelerator-hour pays for, plus failures' share."""
    if cost.cost_per_run is None:
        raise EngineError(cost.unavailable.get("run", "no run to bill"))
    if cost.basis == "buy" and cost.buy is not None:
        years = cost.buy.amortisation_years
        yearly = [(line, line.amount / years) for line in cost.buy.capex_parts]
        yearly += [(line, line.amount) for line in cost.buy.opex_parts]
    elif cost.rent is not None:
        yearly = [(line, line.amount) for line in cost.rent.list_prices]
    else:
        raise EngineError(cost.unavailable.get(cost.basis, f"no {cost.basis} price"))
    parts = _by_kind(yearly, cost.cost_per_run)
    with_failures = reliability.cost_per_run_with_failures if reliability else None
    if with_failures is not None and with_failures > cost.cost_per_run:
        parts.append((FAILURES_PART, with_failures - cost.cost_per_run))
    return RunCost(cost.currency, cost.basis, tuple(parts), cost.cost_per_run, with_failures)


def line_kind(line: CostLine) -> str:
    """"switches, level 2: Spine (qm9700)" -> "switches"."""
    match = _KIND.match(line.part)
    return match.group(0).strip() if match else line.part


def _by_kind(weights: list[tuple[CostLine, float]], total: float) -> list[tuple[str, float]]:
    """``total`` split in proportion to ``weights``, summed by kind, largest first, no zeros."""
    summed: dict[str, float] = defaultdict(float)
    for line, weight in weights:
        summed[line_kind(line)] += weight
    whole = sum(summed.values())
    if whole <= 0:
        return [("accelerator-hours", total)]
    parts = [(kind, total * weight / whole) for kind, weight in summed.items() if weight > 0]
    return sorted(parts, key=lambda part: -part[1])
