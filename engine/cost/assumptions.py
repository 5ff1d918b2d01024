"""Which money figures rest on a price the user did not set, and how far such a price may be off.

A catalog price is a dated public quote, not the user's: Chinese prices of
one part moved by a fifth within weeks in 2023 (an 8 x H800 server about
2.3 M CNY before the 2023-10-17 export rule, over 2.7 M days after, Caixin),
and rental discounts of 20-60% of list are reported (Jiemian News,
2024-01-12). A figure priced from the catalog is marked assumed and its band
widened by ``CATALOG_PRICE_SPREAD``; a price the user set is taken as exact.
"""

from __future__ import annotations

from engine.design import Design
from engine.phrases import Template

CATALOG_PRICE_SPREAD = 0.2
RUN_FIGURES = ("cost_per_gpu_hour", "cost_per_run", "cost_per_million_tokens")
BUY_ASSUMED = Template("catalog accelerator prices, assumed: set cost.accelerator_price_usd "
                       "to your quote")
RENT_ASSUMED = Template("catalog list prices{discount}: set cost.rent_usd_per_hour to your "
                        "quote")
DISCOUNT_ASSUMED = Template(" x an assumed discount of {discount:g}")


def assumed_prices(design: Design) -> dict[str, str]:
    """Figure key -> the catalog price it rests on, for each money figure the user did not
    price (the run's figures follow ``cost.basis``; capex is always bought)."""
    settings = design.cost
    accelerators = [n for n in design.nodes if n.kind != "switch"]
    bought = settings.accelerator_price_usd is not None or all(
        n.override("price_usd") is not None for n in accelerators)
    buy = "" if bought else BUY_ASSUMED()
    discount = DISCOUNT_ASSUMED(discount=settings.discount) if settings.discount < 1 else ""
    rent = "" if settings.rent_usd_per_hour is not None else RENT_ASSUMED(discount=discount)
    run = buy if settings.basis == "buy" else rent
    notes = {"capex": buy, **dict.fromkeys(RUN_FIGURES, run)}
    return {key: note for key, note in notes.items() if note}
