"""What the cost-over-time and seller panels draw, from the plan and seller sections.

**Cost over time**: each way of paying's cumulative cost by month-end
(:mod:`engine.plan`), on the calendar (so plans that start apart line up), with
the month owning beats renting marked.
**Seller**: the margin per accelerator-hour against the discount, one line
per share of hours sold: ``L d u - (F + u e)`` with the seller section's
list price ``L``, fixed costs ``F`` and energy per sold hour ``e``
(:mod:`engine.seller`); each line crosses zero at that utilisation's
break-even discount.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.plan import PlanReport
from engine.plan.schedule import month_index
from engine.seller import SellerReport

DISCOUNTS = np.linspace(0.1, 1.0, 91)
UTILISATIONS = (0.2, 0.3, 0.5, 0.8, 1.0)


@dataclass(frozen=True)
class CostOverTime:
    """Cumulative cost by way of paying, month by month (``months`` counts from 1;
    ``calendar`` is each month as months since year 0, :func:`month_index`)."""

    currency: str
    labels: tuple[str, ...]
    months: np.ndarray
    calendar: np.ndarray
    ways: dict[str, np.ndarray]
    chosen: str
    finish_date: str                      # the chosen way's
    owning_beats_renting: int | None      # index into ``labels``
    unavailable: dict[str, str]           # ways of paying that have no price, and why


@dataclass(frozen=True)
class SellerCurve:
    """Margin per accelerator-hour of the fleet against the discount, by hours sold; the
    design's list price (what a discount of 1 charges the buyer) and its hours sold."""

    currency: str
    discounts: np.ndarray
    margins: dict[float, np.ndarray]       # utilisation -> margin at each discount
    break_even: dict[float, float]         # utilisation -> break-even discount
    design_point: tuple[float, float]      # the design's discount and margin
    list_price: float
    utilisation: float
    break_even_utilisation: float | None   # at the design's discount


def cost_over_time(plan: PlanReport) -> CostOverTime:
    crossing = plan.owning_beats_renting
    return CostOverTime(
        plan.currency, plan.months, np.arange(1, len(plan.months) + 1, dtype=float),
        np.array([month_index(m, "plan month") for m in plan.months], dtype=float),
        {way: np.asarray(values) for way, values in plan.cumulative.items()}, plan.strategy,
        plan.finish_date, plan.months.index(crossing) if crossing is not None else None,
        dict(plan.unavailable))


def seller_curve(seller: SellerReport) -> SellerCurve:
    fixed = sum(v for k, v in seller.cost_parts.items() if k != "energy")
    energy = seller.cost_parts["energy"] / seller.utilisation     # per sold hour
    shares = sorted({*UTILISATIONS, seller.utilisation})
    margins = {u: seller.list_price_per_gpu_hour * DISCOUNTS * u - (fixed + u * energy)
               for u in shares}
    even = {u: (fixed + u * energy) / (seller.list_price_per_gpu_hour * u) for u in shares}
    return SellerCurve(seller.currency, DISCOUNTS, margins, even,
                       (seller.discount, seller.margin_per_gpu_hour),
                       seller.list_price_per_gpu_hour, seller.utilisation,
                       seller.break_even_utilisation)
