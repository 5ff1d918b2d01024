"""A line of a parts list: how many, at what unit price, from which source."""

from __future__ import annotations

from dataclasses import dataclass

from engine.cost.prices import Quote


@dataclass(frozen=True)
class CostLine:
    """``quantity`` x ``unit_price`` = ``amount``, in the result currency."""

    part: str
    quantity: float
    unit: str
    unit_price: float
    amount: float
    source: str
    date: str = ""
    caveat: str = ""          # the price's: "low confidence", "derived: ..." or ""


def line(part: str, quantity: float, unit: str, quote: Quote) -> CostLine:
    return CostLine(part, quantity, unit, quote.amount, quantity * quote.amount, quote.source,
                    quote.date, quote.caveat)


def total(lines: tuple[CostLine, ...]) -> float:
    return sum(item.amount for item in lines)
