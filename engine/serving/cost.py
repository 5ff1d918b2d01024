"""What serving costs: per million output tokens and per request, bought or rented.

The price of an accelerator-hour comes from the cost engine
(:func:`engine.cost.cost_section`) under the design's ``cost.basis``: buying
spreads capex over the amortisation years of hours in use and adds energy
(power x PUE x electricity price); renting is the catalog's list price x the
discount. Serving is charged for every accelerator its replicas use, all the
time: ``cost per million = price per GPU-hour x GPUs / (output tokens/s x
3600) x 10^6``.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.cost import CostReport

SECONDS_PER_HOUR = 3600.0


@dataclass(frozen=True)
class Price:
    """One accelerator-hour in ``currency``, bought or rented (``basis``)."""

    per_gpu_hour: float
    currency: str
    basis: str


def price_of(report: CostReport) -> Price:
    return Price(report.cost_per_gpu_hour, report.currency, report.basis)


def cost_per_million_tokens(price: Price, gpus: float, tokens_per_s: float) -> float:
    return price.per_gpu_hour * gpus / (tokens_per_s * SECONDS_PER_HOUR) * 1e6


def cost_per_request(price: Price, gpus: float, requests_per_s: float) -> float:
    return price.per_gpu_hour * gpus / (requests_per_s * SECONDS_PER_HOUR)
