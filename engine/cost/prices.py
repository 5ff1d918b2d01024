"""Which price to use for a thing, in the result's currency, and where it comes from.

Order of precedence for an accelerator: the node's ``price_usd`` override,
then ``cost.accelerator_price_usd``, then the catalog's newest dated card
price (on or before ``cost.price_as_of`` if set), then its newest whole
server, system or rack price divided by the accelerators it holds
(``cost.buy_unit: server`` puts whole servers first). Among prices of the
same date the one already in the result currency wins, so nothing is
converted that need not be. Rental prices follow the same rule over the
catalog's cloud prices of the chosen terms; among the newest, the cheapest
(a buyer takes the best quote of the day). A quote carries its price's
caveat (low confidence, derived), which the parts list shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from engine.catalog import AcceleratorSpec, CloudPrice, PricePoint, SwitchSpec
from engine.catalog.specs import PRICE_KINDS
from engine.design import CostSettings, Node
from engine.errors import EngineError
from engine.phrases import Template

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
HOST_INCLUDED = ("server", "rack")     # price kinds that already pay for the host
WHOLE = ("server", "system", "rack")   # price kinds for more than one accelerator
LATEST = "latest"
RATE_400G_Bps = 400e9 / 8              # the port rate the per-port settings price
# Why nothing prices an accelerator, as a display may translate it.
NO_PRICE = Template("no price for {accelerator}{when} in the catalog: set "
                    "cost.accelerator_price_usd or the node's price_usd")
AS_OF = Template(" on or before {date}")
NO_CLOUD_PRICE = Template("no {kind} cloud price for {accelerator} in the catalog: set "
                          "cost.rent_usd_per_hour (--price-per-gpu-hour) or buy")


@dataclass(frozen=True)
class Quote:
    """One unit price in the result currency, with its provenance for the parts list."""

    amount: float
    source: str
    date: str = ""
    includes_host: bool = False
    caveat: str = ""                   # "low confidence", "derived: ..." or ""


def date_key(text: str) -> tuple[int, int, int]:
    """A sortable form of a catalog date ("2024-01-12", "2023 (mid-year)", "undated")."""
    match = _DATE.match(text.strip())
    if not match:
        return (0, 0, 0)
    year, month, day = (int(part or 0) for part in match.groups())
    return (year, month, day)


def to_currency(amount: float, currency: str, settings: CostSettings) -> float:
    """``amount`` of ``currency`` (USD or CNY) in the result currency."""
    if currency == settings.currency:
        return amount
    usd = amount / settings.cny_per_usd if currency == "CNY" else amount
    return usd * settings.cny_per_usd if settings.currency == "CNY" else usd


def from_usd(amount: float, settings: CostSettings) -> float:
    return to_currency(amount, "USD", settings)


def _as_of(settings: CostSettings) -> tuple[int, int, int] | None:
    if settings.price_as_of in ("", LATEST):
        return None
    key = date_key(settings.price_as_of)
    if key == (0, 0, 0):
        raise EngineError(f"cost.price_as_of: not a date: {settings.price_as_of!r} "
                          "(use YYYY-MM-DD or latest)")
    return key


def newest_price(points: tuple[PricePoint, ...], kinds: tuple[str, ...],
                 settings: CostSettings) -> PricePoint | None:
    """The newest point of ``kinds`` on or before ``price_as_of``; same date: own currency."""
    limit = _as_of(settings)
    usable = [p for p in points if p.kind in kinds
              and (limit is None or date_key(p.date) <= limit)]
    if not usable:
        return None
    return max(usable, key=lambda p: (date_key(p.date), p.currency == settings.currency))


def _described(point: PricePoint, per: str) -> str:
    qualifier = f"{point.qualifier} " if point.qualifier else ""
    return f"{point.source}: {qualifier}{point.amount:,.0f} {point.currency} per {per}"


def _override(node: Node, settings: CostSettings) -> Quote | None:
    """The node's own ``price_usd``, if the user set one."""
    price = node.override("price_usd")
    if price is None:
        return None
    return Quote(from_usd(price, settings), f"node {node.label}: price_usd {price:,.0f}")


def accelerator_quote(spec: AcceleratorSpec, node: Node, settings: CostSettings) -> Quote:
    """The price of one accelerator of ``node``; raises if nothing prices it."""
    override = _override(node, settings)
    if override is not None:
        return override
    if settings.accelerator_price_usd is not None:
        return Quote(from_usd(settings.accelerator_price_usd, settings),
                     f"cost.accelerator_price_usd {settings.accelerator_price_usd:,.0f}")
    ways = (_card_quote, _whole_quote)
    for way in ways if settings.buy_unit == "card" else reversed(ways):
        quote = way(spec, settings)
        if quote is not None:
            return quote
    when = AS_OF(date=settings.price_as_of) if _as_of(settings) else ""
    raise EngineError(NO_PRICE(accelerator=spec.id, when=when))


def _card_quote(spec: AcceleratorSpec, settings: CostSettings) -> Quote | None:
    card = newest_price(spec.prices, ("card",), settings)
    if card is None:
        return None
    return Quote(to_currency(card.amount, card.currency, settings), _described(card, "card"),
                 card.date, caveat=card.provenance.caveat())


def _whole_quote(spec: AcceleratorSpec, settings: CostSettings) -> Quote | None:
    """A whole server's, system's or rack's price divided by the accelerators it holds."""
    whole = newest_price(spec.prices, WHOLE, settings)
    if whole is None:
        return None
    per = spec.server.accelerators
    return Quote(to_currency(whole.amount, whole.currency, settings) / per,
                 f"{_described(whole, whole.kind)} ({spec.server.name}) / {per}",
                 whole.date, whole.kind in HOST_INCLUDED, whole.provenance.caveat())


def newest_cloud_price(prices: tuple[CloudPrice, ...], kind: str,
                       settings: CostSettings) -> CloudPrice | None:
    """The cheapest of the newest cloud prices of ``kind`` on or before ``price_as_of``."""
    limit = _as_of(settings)
    usable = [p for p in prices if p.kind == kind
              and (limit is None or date_key(p.date) <= limit)]
    if not usable:
        return None
    newest = max(date_key(p.date) for p in usable)
    return min((p for p in usable if date_key(p.date) == newest),
               key=lambda p: to_currency(p.per_hour, p.currency, settings))


def rent_quote(spec: AcceleratorSpec, settings: CostSettings) -> Quote:
    """List price of one accelerator-hour before the discount; raises if none is known.

    Reserved terms without a reserved catalog price are the on-demand price
    times ``cost.reserved_fraction``.
    """
    if settings.rent_usd_per_hour is not None:
        return Quote(from_usd(settings.rent_usd_per_hour, settings),
                     f"cost.rent_usd_per_hour {settings.rent_usd_per_hour:g}")
    row = newest_cloud_price(spec.cloud_prices, settings.rent_kind, settings)
    factor, note = 1.0, ""
    if row is None and settings.rent_kind == "reserved":
        row = newest_cloud_price(spec.cloud_prices, "on-demand", settings)
        factor, note = settings.reserved_fraction, \
            f" x cost.reserved_fraction {settings.reserved_fraction:g}"
    if row is None:
        raise EngineError(NO_CLOUD_PRICE(kind=settings.rent_kind, accelerator=spec.id))
    where = " ".join(part for part in (row.provider, row.instance, row.region) if part)
    return Quote(to_currency(row.per_hour * factor, row.currency, settings),
                 f"{row.source}: {where} {row.per_hour:g} {row.currency}/h {row.kind}{note}",
                 row.date, caveat=row.provenance.caveat())


def switch_quote(spec: SwitchSpec, node: Node, settings: CostSettings) -> Quote:
    """The price of one switch: override, catalog, else ports x the per-port setting."""
    override = _override(node, settings)
    if override is not None:
        return override
    point = newest_price(spec.prices, PRICE_KINDS, settings)
    if point is not None:
        return Quote(to_currency(point.amount, point.currency, settings),
                     _described(point, "switch"), point.date, caveat=point.provenance.caveat())
    ports_400g = spec.ports * port_rate_share(spec.port_Bps)
    return Quote(from_usd(ports_400g * settings.switch_usd_per_port, settings),
                 f"{spec.ports} ports x {spec.port_Bps * 8 / 1e9:g} Gb/s at "
                 f"cost.switch_usd_per_port {settings.switch_usd_per_port:g} per 400G")



def port_rate_share(rate_Bps: float) -> float:
    """A port or link's rate as a multiple of 400 Gb/s, the rate the settings price."""
    return rate_Bps / RATE_400G_Bps
