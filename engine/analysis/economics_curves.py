"""What the cost-over-time and seller panels draw, from the plan and seller sections.

**Cost over time**: each way of paying's cumulative cost by month-end
(:mod:`engine.plan`), with the month owning beats renting marked.
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
from engine.seller import SellerReport

DISCOUNTS = np.linspace(0.1, 1.0, 91)
UTILISATIONS = (0.2, 0.3, 0.5, 0.8, 1.0)


@dataclass(frozen=True)
class CostOverTime:
    """Cumulative cost by way of paying, month by month (``months`` counts from 1)."""

    currency: str
    labels: tuple[str, ...]
    months: np.ndarray
    ways: dict[str, np.ndarray]
    chosen: str
    owning_beats_renting: int | None      # index into ``labels``


@dataclass(frozen=True)
class SellerCurve:
    """Margin per accelerator-hour of the fleet against the discount, by hours sold."""

    currency: str
    discounts: np.ndarray
    margins: dict[float, np.ndarray]       # utilisation -> margin at each discount
    break_even: dict[float, float]         # utilisation -> break-even discount
    design_point: tuple[float, float]      # the design's discount and margin


def cost_over_time(plan: PlanReport) -> CostOverTime:
    crossing = plan.owning_beats_renting
    return CostOverTime(
        plan.currency, plan.months, np.arange(1, len(plan.months) + 1, dtype=float),
        {way: np.asarray(values) for way, values in plan.cumulative.items()}, plan.strategy,
        plan.months.index(crossing) if crossing is not None else None)


def seller_curve(seller: SellerReport) -> SellerCurve:
    fixed = sum(v for k, v in seller.cost_parts.items() if k != "energy")
    energy = seller.cost_parts["energy"] / seller.utilisation     # per sold hour
    shares = sorted({*UTILISATIONS, seller.utilisation})
    margins = {u: seller.list_price_per_gpu_hour * DISCOUNTS * u - (fixed + u * energy)
               for u in shares}
    even = {u: (fixed + u * energy) / (seller.list_price_per_gpu_hour * u) for u in shares}
    return SellerCurve(seller.currency, DISCOUNTS, margins, even,
                       (seller.discount, seller.margin_per_gpu_hour))
