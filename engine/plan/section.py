"""The plan section: the date training finishes and what each way of paying has cost
by each month, under the price path (docs/engine.md, Plan).

Day by day over the horizon: buying pays each server's price in the month it
arrives and the energy of the accelerators that train; renting pays the rent
of the whole design while it trains (rented capacity is there on day one);
rent-then-buy rents until the bought servers have all arrived, then trains on
them; buy-then-sell buys and, once training is done, rents the capacity out
at the seller's discount and hours sold, less their energy. Owned hardware
is worth its straight-line book value x ``resale_fraction`` at the horizon.
Owning beats renting in the first month when renting the whole design
continuously has cost more than buying it at the start and running it.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from engine.catalog import Catalog
from engine.cost import COST, CostReport, TrainingFigures
from engine.cost.buy import capex_as_of
from engine.cost.prices import date_key
from engine.cost.rent import rent
from engine.design import Design
from engine.errors import EngineError, NotRequested, message
from engine.inventory import INVENTORY, Inventory
from engine.network import NETWORK, NetworkReport
from engine.phrases import Template
from engine.plan.schedule import (
    DAYS_PER_MONTH,
    arrivals,
    day_label,
    factor_at,
    finish_day,
    month_index,
    month_label,
    step_path,
)
from engine.plan.settings import STRATEGIES, PlanSettings
from engine.results import JsonResult
from engine.sections import LOWER, NEITHER, Evaluation, FigureSpec, Section, SectionSettings
from engine.seller.section import SETTINGS as SELLER_SETTINGS
from engine.training import TRAINING

SETTINGS = SectionSettings("plan", "Plan", PlanSettings)
OWNING = ("buy", "rent-then-buy", "buy-then-sell")
# Why the plan or one of its ways is missing, as a display may translate it.
NEEDS_PURCHASE_PRICE = Template("needs a purchase price: {reason}")
NO_RENT_PRICE = Template("no rent price")
NO_PRICE_BETWEEN = Template("no price between {start} and {end}: {reason}")
TIMES_A_RUN = Template("the plan times a training run: {reason}")
NEVER_IN_HORIZON = Template("never within the plan's horizon")


@dataclass(frozen=True)
class PlanReport(JsonResult):
    """Cumulative money by month-end in ``currency``, by way of paying."""

    currency: str
    strategy: str
    months: tuple[str, ...]
    finish_date: str                     # the chosen way's
    finish_days: dict[str, float]        # days from the start, by way of paying
    cumulative: dict[str, tuple[float, ...]]
    resale_value: dict[str, float]       # at the horizon, owning ways only
    net_at_horizon: dict[str, float]     # last cumulative less resale
    owning_beats_renting: str | None     # the month, under the price path
    unavailable: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Prices:
    """Monthly capex of the whole design and rent per accelerator-hour (list and paid)."""

    capex: Callable[[int], float]
    rent: Callable[[int], float] | None
    rent_list: Callable[[int], float] | None


def plan_section(design: Design, catalog: Catalog, inventory: Inventory,
                 network: NetworkReport | None, training: TrainingFigures,
                 cost: CostReport) -> PlanReport:
    settings = SETTINGS.of(design)
    start = month_index(settings.start, "plan.start")
    if cost.buy is None:
        raise EngineError(NEEDS_PURCHASE_PRICE(reason=cost.unavailable.get("buy")))
    prices, unavailable = _prices(design, catalog, inventory, network, settings, start)
    n, units = inventory.accelerators, inventory.servers or inventory.accelerators
    horizon = settings.horizon_months * DAYS_PER_MONTH
    day = np.arange(int(np.ceil(horizon)) + 1, dtype=float)
    month_of = start + (day // DAYS_PER_MONTH).astype(int)
    arrived = arrivals(units, settings)
    own_start = max(arrived)
    finish = {"rent": training.time_to_train_days, "rent-then-buy": training.time_to_train_days}
    finish["buy"] = finish["buy-then-sell"] = finish_day(training.time_to_train_days, arrived,
                                                         settings.ramp)
    energy = cost.buy.energy_per_gpu_hour * 24                  # per accelerator-day in use
    present = np.searchsorted(np.sort(arrived), day, side="right") / units
    bought = _purchases(day, arrived, prices.capex, start, units)
    daily: dict[str, np.ndarray] = {}
    rented = np.array([prices.rent(m) for m in month_of]) * 24 * n if prices.rent else None
    owned_running = present if settings.ramp == "partial" else (day >= own_start).astype(float)
    daily["buy"] = bought + energy * n * owned_running * (day < finish["buy"])
    if rented is not None and prices.rent_list is not None:
        daily["rent"] = rented * (day < finish["rent"])
        renting = day < min(own_start, finish["rent-then-buy"])
        daily["rent-then-buy"] = bought + rented * renting + energy * n * (
            (day >= own_start) & (day < finish["rent-then-buy"]))
        daily["buy-then-sell"] = daily["buy"] - _sales(design, prices.rent_list, month_of, n,
                                                        energy) * (day >= finish["buy"])
    else:
        for way in ("rent", "rent-then-buy", "buy-then-sell"):
            unavailable[way] = unavailable.get("rent") or NO_RENT_PRICE()
    if settings.strategy not in daily:
        raise EngineError(f"plan.strategy {settings.strategy}: {unavailable[settings.strategy]}")
    ends = np.minimum(np.round((np.arange(settings.horizon_months) + 1) * DAYS_PER_MONTH),
                      len(day)).astype(int)
    cumulative = {way: tuple(float(np.cumsum(v)[e - 1]) for e in ends)
                  for way, v in daily.items()}
    resale = {way: _resale(arrived, prices.capex, start, units, horizon, design,
                           settings.resale_fraction) for way in OWNING if way in daily}
    return PlanReport(
        design.cost.currency, settings.strategy,
        tuple(month_label(start + m) for m in range(settings.horizon_months)),
        day_label(start, finish[settings.strategy]),
        {way: finish[way] for way in STRATEGIES if way in daily}, cumulative, resale,
        {way: cumulative[way][-1] - resale.get(way, 0.0) for way in cumulative},
        _owning_beats_renting(prices, start, n, energy, settings.horizon_months),
        unavailable)


def _prices(design: Design, catalog: Catalog, inventory: Inventory,
            network: NetworkReport | None, settings: PlanSettings,
            start: int) -> tuple[_Prices, dict[str, str]]:
    """Month -> capex and rent, from the catalog's dated prices or the user's paths."""
    def last_day(month: int) -> str:
        return f"{month_label(month)}-31"

    def as_of(month: int) -> Design:
        return dataclasses.replace(design, cost=dataclasses.replace(
            design.cost, price_as_of=last_day(month)))

    dated = _dates(design, catalog)
    capex_at = capex_as_of(design, catalog, network)
    capex = _path(_memo(lambda m: capex_at(last_day(m)), dated),
                  settings.card_path, "plan.card_path", start, settings.horizon_months)
    unavailable: dict[str, str] = {}
    try:
        paid = _path(_memo(lambda m: rent(as_of(m), catalog).cost_per_gpu_hour, dated),
                     settings.rent_path, "plan.rent_path", start, settings.horizon_months)
    except EngineError as exc:
        unavailable["rent"] = message(exc)
        return _Prices(capex, None, None), unavailable
    discount = design.cost.discount
    return _Prices(capex, paid, lambda m: paid(m) / discount), unavailable


def _dates(design: Design, catalog: Catalog) -> list[tuple[int, int, int]]:
    """Every date of a catalog price of the design's hardware, sorted: between two of
    them, prices do not change."""
    out = set()
    for node in design.nodes:
        if node.kind == "switch":
            out.update(date_key(p.date) for p in catalog.switch(node.hardware).prices)
        else:
            spec = catalog.accelerator(node.hardware)
            out.update(date_key(p.date) for p in (*spec.prices, *spec.cloud_prices))
    return sorted(out)


def _memo(price: Callable[[int], float], dated: list[tuple[int, int, int]]
          ) -> Callable[[int], float]:
    """``price`` computed once per span between catalog price dates (an error included)."""
    seen: dict[int, float | EngineError] = {}

    def cached(month: int) -> float:
        span = bisect.bisect_right(dated, (month // 12, month % 12 + 1, 31))
        if span not in seen:
            try:
                seen[span] = price(month)
            except EngineError as exc:
                seen[span] = exc
        value = seen[span]
        if isinstance(value, EngineError):
            raise value
        return value
    return cached


def _path(price: Callable[[int], float], path: str, what: str, start: int,
          months: int) -> Callable[[int], float]:
    """A month's price: the catalog's in force then (before its first, its first), or the
    start's times the user's path."""
    if path:
        points, base = step_path(path, what), _priced(price, start, months)
        return lambda m: base * factor_at(points, m)
    table: dict[int, float] = {}
    for m in range(start, start + months):
        try:
            table[m] = price(m)
        except EngineError:
            continue
    if not table:
        raise EngineError(NO_PRICE_BETWEEN(start=month_label(start),
                                           end=month_label(start + months - 1),
                                           reason=_reason(price, start)))
    first = min(table)
    return lambda m: table.get(m, table[first])


def _priced(price: Callable[[int], float], start: int, months: int) -> float:
    """The first price in force from ``start`` on."""
    for m in range(start, start + months):
        try:
            return price(m)
        except EngineError:
            continue
    raise EngineError(f"no price from {month_label(start)}: {_reason(price, start)}")


def _reason(price: Callable[[int], float], month: int) -> str:
    try:
        price(month)
    except EngineError as exc:
        return message(exc)
    return ""


def _purchases(day: np.ndarray, arrived: list[float], capex: Callable[[int], float],
               start: int, units: int) -> np.ndarray:
    """Each server's price, paid on the day it arrives at that month's price."""
    out = np.zeros_like(day)
    for when in arrived:
        index = int(when)
        if index < len(day):
            out[index] += capex(start + int(when // DAYS_PER_MONTH)) / units
    return out


def _sales(design: Design, rent_list: Callable[[int], float], month_of: np.ndarray, n: int,
           energy: float) -> np.ndarray:
    """A day's rent earned on the capacity at the seller's discount and hours sold, less
    the energy of those hours."""
    seller = SELLER_SETTINGS.of(design)
    discount = design.cost.discount if seller.discount is None else seller.discount
    listed = np.array([rent_list(m) for m in month_of])
    return n * seller.utilisation * (listed * 24 * discount - energy)


def _resale(arrived: list[float], capex: Callable[[int], float], start: int, units: int,
            horizon: float, design: Design, fraction: float) -> float:
    """Owned servers' straight-line book value at the horizon x ``fraction``."""
    life = design.cost.amortisation_years * 365.25
    return fraction * sum(capex(start + int(when // DAYS_PER_MONTH)) / units
                          * max(0.0, 1 - (horizon - when) / life)
                          for when in arrived if when < horizon)


def _owning_beats_renting(prices: _Prices, start: int, n: int, energy: float,
                          months: int) -> str | None:
    """The first month-end when renting the design all along has cost more than buying it
    at the start and running it (no resale), under the price path."""
    if prices.rent is None:
        return None
    rented, capex = 0.0, prices.capex(start)
    for m in range(months):
        rented += prices.rent(start + m) * 24 * DAYS_PER_MONTH * n
        if rented >= capex + energy * n * DAYS_PER_MONTH * (m + 1):
            return month_label(start + m)
    return None


def _plan(design: Design, catalog: Catalog, done: Evaluation) -> PlanReport:
    """The plan of a training run; a design that trains nothing asks for none."""
    if TRAINING.name in done.skipped:
        raise NotRequested(TIMES_A_RUN(reason=done.skipped[TRAINING.name]))
    return plan_section(design, catalog, done.require(INVENTORY), done.result(NETWORK),
                        done.require(TRAINING), done.require(COST))


def _months_until_owning_pays(plan: PlanReport) -> float | None:
    """Owning beats renting at the end of this many months of the plan (None: never)."""
    crossing = plan.owning_beats_renting
    return None if crossing is None else float(plan.months.index(crossing) + 1)


PLAN = Section(
    "plan", "Plan", PlanReport, _plan,
    needs=(INVENTORY, NETWORK, TRAINING, COST),
    settings=SETTINGS,
    figures=(
        FigureSpec("plan_cost", "Plan's cost, net of resale", "money", LOWER,
                   lambda s: s.net_at_horizon[s.strategy], order=200, needs_training=True,
                   style="money", banded=False),
        FigureSpec("plan_finish_days", "Plan: training done after", "days", LOWER,
                   lambda s: s.finish_days[s.strategy], order=210, needs_training=True,
                   banded=False),
        FigureSpec("owning_beats_renting_months", "Owning beats renting after", "months",
                   NEITHER, _months_until_owning_pays, order=220, unavailable="rent",
                   missing=NEVER_IN_HORIZON(), banded=False),
    ),
    figures_on_request=True)
