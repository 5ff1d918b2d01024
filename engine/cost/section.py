"""The cost section of an evaluation: buy and rent side by side, and the workload's bill.

The headline figures (``cost_per_gpu_hour``, ``cost_per_run``,
``cost_per_million_tokens``) follow ``cost.basis``; the section fails with
the reason if that basis has no price. The other basis is reported when it
can be priced, and ``unavailable`` says why when not. A run is charged for
every accelerator the training estimate uses (``gpus``) for its duration; an owned
cluster's other accelerators are free for other work, which is what
``utilisation`` assumes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from engine.catalog import Catalog
from engine.cost.assumptions import CATALOG_PRICE_SPREAD, assumed_prices
from engine.cost.buy import HOURS_PER_YEAR, Purchase, buy
from engine.cost.rent import Rental, rent
from engine.design import CostSettings, Design
from engine.errors import NO_TRAINING_WORKLOAD, EngineError, message
from engine.inventory import INVENTORY, Inventory
from engine.network import NETWORK, NetworkReport
from engine.phrases import Template
from engine.results import JsonResult
from engine.sections import LOWER, FigureSpec, Section, SectionSettings
from engine.training.section import TRAINING
from engine.trust import Trust, cost_bands, for_keys
from engine.trust.bands import PRICE_SET

if TYPE_CHECKING:
    from engine.sections import Evaluation

HOURS_PER_MONTH = HOURS_PER_YEAR / 12
T = TypeVar("T")
NO_TRAINING_ESTIMATE = Template("no training estimate for this design")


class TrainingFigures(Protocol):
    """What the cost and reliability models read from the training section (read-only,
    so a frozen training estimate is one)."""

    @property
    def time_to_train_days(self) -> float: ...

    @property
    def tokens_per_s(self) -> float: ...

    @property
    def gpus(self) -> int:      # accelerators the job uses
        ...


@dataclass(frozen=True)
class CostReport(JsonResult):
    """Money in ``currency``; ``buy`` and ``rent`` hold the parts lists."""

    currency: str
    basis: str
    accelerators: int
    cost_per_gpu_hour: float
    run_accelerators: int | None
    capex: float | None
    opex_per_year: float | None
    cost_per_run: float | None
    cost_per_million_tokens: float | None
    break_even_months: float | None
    buy: Purchase | None
    rent: Rental | None
    unavailable: dict[str, str] = field(default_factory=dict)
    # figure key -> the catalog price it rests on (the section's trust writes it)
    assumed: dict[str, str] = field(default_factory=dict, metadata={"json": False})
    price_caveats: tuple[str, ...] = ()   # "part: low confidence", "part: derived: ..."


def break_even_months(capex: float, energy_per_gpu_hour: float, rent_per_gpu_hour: float,
                      accelerators: int) -> float | None:
    """Months of full use after which owning costs less than renting.

    Owning costs ``capex`` once plus energy per hour of use; renting costs the
    rent per hour. ``None`` when renting costs no more than the energy alone.
    """
    saving_per_hour = (rent_per_gpu_hour - energy_per_gpu_hour) * accelerators
    if saving_per_hour <= 0:
        return None
    return capex / (saving_per_hour * HOURS_PER_MONTH)


def cost_section(design: Design, catalog: Catalog, inventory: Inventory,
                 network: NetworkReport | None, training: TrainingFigures | None) -> CostReport:
    """Price ``design`` both ways and bill ``training``'s run under ``cost.basis``."""
    if not inventory.accelerators:
        raise EngineError("the design has no accelerators to price")
    settings = design.cost
    unavailable: dict[str, str] = {}
    purchase = _priced(lambda: buy(design, catalog, inventory, network), "buy", unavailable)
    rental = _priced(lambda: rent(design, catalog), "rent", unavailable)
    chosen = purchase if settings.basis == "buy" else rental
    if chosen is None:
        raise EngineError(unavailable[settings.basis])
    per_hour = chosen.cost_per_gpu_hour
    n = inventory.accelerators
    run = per_million = used = None
    if training is None:
        unavailable["run"] = NO_TRAINING_ESTIMATE() if design.trains \
            else NO_TRAINING_WORKLOAD()
    else:
        used = training.gpus
        run = per_hour * used * training.time_to_train_days * 24
        per_million = per_hour * used / (training.tokens_per_s * 3600 / 1e6)
    even = None
    if purchase is not None and rental is not None:
        even = break_even_months(purchase.capex, purchase.energy_per_gpu_hour,
                                 rental.cost_per_gpu_hour, n)
    lines = (*(purchase.capex_parts if purchase else ()),
             *(rental.list_prices if rental else ()))
    return CostReport(
        settings.currency, settings.basis, n, per_hour, used,
        purchase.capex if purchase else None, purchase.opex_per_year if purchase else None,
        run, per_million, even, purchase, rental, unavailable, assumed_prices(design),
        tuple(f"{item.part}: {item.caveat}" for item in lines if item.caveat))


def _priced(price: Callable[[], T], basis: str, unavailable: dict[str, str]) -> T | None:
    """``price()``, or ``None`` with the reason recorded under ``basis``."""
    try:
        return price()
    except EngineError as exc:
        unavailable[basis] = message(exc)
        return None


def cost_trust(cost: CostReport, catalog: Catalog, done: Evaluation) -> Trust:
    """A run's cost follows the time's band, widened where the price is the catalog's; it
    covers the accelerators the job uses."""
    training = done.trust_of(TRAINING)
    days = done.result(TRAINING)
    run = {key: value for key in ("cost_per_run", "cost_per_million_tokens")
           if (value := getattr(cost, key)) is not None}
    band = training.bands.get("time_to_train_days")
    bands = {}
    if days is not None and band is not None and run:
        priced = cost.assumed.get("cost_per_run", "")
        bands = cost_bands(run, days.time_to_train_days, band,
                           CATALOG_PRICE_SPREAD if priced else 0.0, priced or PRICE_SET())
    covers = training.covers.get("time_to_train_days", "")
    return Trust(bands, for_keys(tuple(run), covers), cost.assumed)


COST = Section(
    "cost", "Cost", CostReport,
    lambda design, catalog, done: cost_section(
        design, catalog, done.require(INVENTORY), done.result(NETWORK), done.result(TRAINING)),
    needs=(INVENTORY, NETWORK, TRAINING),
    settings=SectionSettings("cost", "Cost", CostSettings), trust=cost_trust,
    figures=(
        FigureSpec("cost_per_run", "Cost per run", "money", LOWER, lambda s: s.cost_per_run,
                   order=90, needs_training=True, style="money", tile=True),
        FigureSpec("cost_per_million_tokens", "Cost per million tokens", "money", LOWER,
                   lambda s: s.cost_per_million_tokens, order=110, needs_training=True,
                   style="money"),
        FigureSpec("capex", "Capex (buy)", "money", LOWER, lambda s: s.capex, order=120,
                   unavailable="buy", style="money", banded=False),
    ))
