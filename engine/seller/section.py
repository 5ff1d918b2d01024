"""The seller's section: margin per accelerator-hour and the break-even discount and
utilisation of renting the design out.

Per accelerator-hour of the fleet (sold or not), at list price ``L``,
discount ``d`` and hours sold ``u``: revenue ``L d u``; cost ``F + u e``,
where ``F`` is fixed (capex / (depreciation years x 8,766 h), staff and
upkeep, rented space) and ``e`` the energy of an hour in use (the
inventory's power x ``cost.power_draw`` x PUE x electricity price; idle
hours draw nothing, which flatters a seller with few hours sold). The
margin is their difference; the break-even discount ``(F + u e) / (L u)``
and the break-even utilisation ``F / (L d - e)`` make it zero. A discount
above 1 or a utilisation above 1 means the rental cannot pay at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.cost import COST, CostReport
from engine.cost.buy import HOURS_PER_YEAR
from engine.cost.prices import from_usd
from engine.design import CostSettings, Design
from engine.errors import EngineError
from engine.inventory import INVENTORY, Inventory
from engine.phrases import Template
from engine.results import JsonResult
from engine.sections import HIGHER, LOWER, FigureSpec, Section, SectionSettings
from engine.seller.settings import SellerSettings

SETTINGS = SectionSettings("seller", "Seller", SellerSettings)
# Why the seller's figures are missing, as a display may translate it.
NEEDS_CAPEX = Template("needs the capex: {reason}")
NO_PURCHASE = Template("no purchase")
NO_LIST_PRICE = Template("no list price ({reason}); or set seller.list_usd_per_gpu_hour")
NO_RENTAL = Template("no rental")


@dataclass(frozen=True)
class SellerReport(JsonResult):
    """Money per accelerator-hour of the fleet in ``currency`` unless named per sold hour."""

    currency: str
    accelerators: int
    list_price_per_gpu_hour: float
    discount: float
    utilisation: float
    revenue_per_gpu_hour: float
    cost_per_gpu_hour: float
    cost_parts: dict[str, float]          # depreciation, energy, staff and upkeep, space
    margin_per_gpu_hour: float
    margin_per_sold_gpu_hour: float
    margin_fraction: float | None         # of revenue
    break_even_discount: float
    break_even_utilisation: float | None  # None: even full use loses money per hour
    notes: tuple[str, ...] = field(default=())


def seller_section(design: Design, inventory: Inventory, cost: CostReport) -> SellerReport:
    """The rental business of ``design``; needs its purchase and a list price."""
    settings, buyer = SETTINGS.of(design), design.cost
    if cost.buy is None:
        raise EngineError(NEEDS_CAPEX(reason=cost.unavailable.get("buy") or NO_PURCHASE()))
    n = inventory.accelerators
    list_price = _list_price(settings, cost, buyer)
    discount = buyer.discount if settings.discount is None else settings.discount
    electricity = settings.electricity_usd_per_kwh
    kwh_price = from_usd(buyer.electricity_usd_per_kwh if electricity is None else electricity,
                         buyer)
    pue = buyer.pue if settings.pue is None else settings.pue
    kw_per_gpu = inventory.power_kw / n
    energy = kw_per_gpu * buyer.power_draw * pue * kwh_price
    fixed = {"depreciation": cost.buy.capex / (settings.depreciation_years * HOURS_PER_YEAR * n),
             "staff and upkeep": from_usd(settings.operations_usd_per_gpu_year, buyer)
             / HOURS_PER_YEAR,
             "space": from_usd(settings.space_usd_per_kw_month, buyer) * kw_per_gpu * 12
             / HOURS_PER_YEAR}
    u = settings.utilisation
    parts = {**fixed, "energy": u * energy}
    revenue, spent = list_price * discount * u, sum(parts.values())
    margin = revenue - spent
    per_sold = list_price * discount - energy
    return SellerReport(
        buyer.currency, n, list_price, discount, u, revenue, spent, parts, margin, margin / u,
        margin / revenue if revenue else None, spent / (list_price * u),
        sum(fixed.values()) / per_sold if per_sold > 0 else None,
        tuple(f"{p}: no power figure, its energy is left out" for p in inventory.power_unknown))


def _list_price(settings: SellerSettings, cost: CostReport, buyer: CostSettings) -> float:
    """The seller's list price per accelerator-hour: its own, else the buyer's."""
    if settings.list_usd_per_gpu_hour is not None:
        price = from_usd(settings.list_usd_per_gpu_hour, buyer)
    elif cost.rent is None:
        raise EngineError(NO_LIST_PRICE(reason=cost.unavailable.get("rent") or NO_RENTAL()))
    else:
        price = sum(item.amount for item in cost.rent.list_prices) / cost.accelerators
    if price <= 0:
        raise EngineError("the list price is 0 per accelerator-hour: no rental earns anything")
    return price


SELLER = Section(
    "seller", "Seller", SellerReport,
    lambda design, catalog, done: seller_section(design, done.require(INVENTORY),
                                                 done.require(COST)),
    needs=(INVENTORY, COST),
    settings=SETTINGS,
    figures=(
        FigureSpec("seller_margin_per_gpu_hour", "Seller's margin per GPU-hour", "money",
                   HIGHER, lambda s: s.margin_per_gpu_hour, order=180, style="money",
                   banded=False),
        FigureSpec("break_even_discount", "Break-even discount (of list)", "%", LOWER,
                   lambda s: s.break_even_discount, order=185, style="fraction",
                   banded=False),
        FigureSpec("break_even_utilisation", "Break-even hours sold", "%", LOWER,
                   lambda s: s.break_even_utilisation, order=190, style="fraction",
                   missing="never: a sold hour does not pay its energy", banded=False),
    ),
    figures_on_request=True)
