"""Renting a design's accelerators: list price per accelerator-hour x the discount.

``cost.discount`` is the fraction of list paid (0 < d <= 1): Jiemian News
(2024-01-12) reports regular customers paying 50-60% of list and a 2023 bid
closing at 20%. The rented host, NICs and network come with the instance
(the catalog's cloud prices are instance prices divided by accelerators).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from engine.catalog import Catalog
from engine.cost.parts import CostLine, line
from engine.cost.prices import rent_quote
from engine.design import Design
from engine.hardware import accelerator_of
from engine.structure import units


@dataclass(frozen=True)
class Rental:
    """The hourly price of every accelerator type, and of one accelerator on average."""

    discount: float
    list_prices: tuple[CostLine, ...]     # one accelerator-hour at list price, per type
    cost_per_gpu_hour: float              # after the discount, averaged over accelerators


def rent(design: Design, catalog: Catalog) -> Rental:
    """Price renting ``design``; raises :class:`EngineError` if a type has no rental price."""
    counts: Counter[str] = Counter()
    for node in design.nodes:
        if node.kind != "switch":
            counts[accelerator_of(catalog, node).id] += units(design, node) * node.accelerators
    lines = tuple(line(f"rent: {accel}", count, "accelerator-hour",
                       rent_quote(catalog.accelerator(accel), design.cost))
                  for accel, count in counts.items())
    hours = sum(counts.values())
    average = sum(item.amount for item in lines) / hours
    return Rental(design.cost.discount, lines, average * design.cost.discount)
