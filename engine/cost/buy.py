"""Buying a design: what its parts cost once (capex) and to run each year (opex).

Capex is accelerators, server hosts (CPUs, memory, storage, NICs, chassis),
switches by network level and optics and cables per network link. Scale-up
links and switches (NVLink, NVSwitch trays) are part of the server or rack
price and are not priced again. Opex is energy: rated power (accelerator
TDP, the rest of the server, switches) x ``power_draw`` x ``pue`` x hours in
use x the electricity price. The cost of an accelerator-hour spreads capex
over ``amortisation_years`` of hours in use (``utilisation``) and adds the
energy of that hour.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from engine.catalog import Catalog, LinkSpec
from engine.cost.parts import CostLine, line, total
from engine.cost.prices import Quote, accelerator_quote, from_usd, port_rate_share, switch_quote
from engine.design import CostSettings, Design, Node
from engine.hardware import accelerator_of, switch_of
from engine.inventory import Inventory
from engine.network import NetworkReport
from engine.structure import physical_links, units
from engine.units import HOUR, YEAR

HOURS_PER_YEAR = YEAR / HOUR
POWER_PARTS = {"accelerators": "accelerators (TDP)", "server_overhead": "server hosts",
               "switches": "switches"}


@dataclass(frozen=True)
class Purchase:
    """Capex and opex with every line that makes them up."""

    capex: float
    capex_parts: tuple[CostLine, ...]
    opex_per_year: float
    opex_parts: tuple[CostLine, ...]
    amortisation_years: float
    cost_per_gpu_hour: float
    energy_per_gpu_hour: float        # opex of one accelerator-hour in use
    notes: tuple[str, ...] = ()


def buy(design: Design, catalog: Catalog, inventory: Inventory,
        network: NetworkReport | None) -> Purchase:
    """Price buying ``design``; raises :class:`EngineError` if an accelerator has no price."""
    settings = design.cost
    capex_parts = (*_compute_parts(design, catalog, settings),
                   *_switch_parts(design, catalog, network, settings),
                   *_link_parts(design, catalog, settings))
    opex_parts = _energy_parts(inventory, settings)
    capex, opex = total(capex_parts), total(opex_parts)
    hours_in_use = inventory.accelerators * HOURS_PER_YEAR * settings.utilisation
    per_hour = (capex / settings.amortisation_years + opex) / hours_in_use
    return Purchase(capex, capex_parts, opex, opex_parts, settings.amortisation_years,
                    per_hour, opex / hours_in_use, _notes(inventory))


def capex_as_of(design: Design, catalog: Catalog,
                network: NetworkReport | None) -> Callable[[str], float]:
    """``buy(design with cost.price_as_of = date).capex`` for many dates (the plan's price
    path): optics and cables have no dated price, so they are priced once, and they are
    added last and one by one, as :func:`buy` adds them, so the sums are equal."""
    optics = [item.amount for item in _link_parts(design, catalog, design.cost)]

    def capex(date: str) -> float:
        settings = dataclasses.replace(design.cost, price_as_of=date)
        dated = total((*_compute_parts(design, catalog, settings),
                       *_switch_parts(design, catalog, network, settings)))
        return sum(optics, dated)
    return capex


def _compute_parts(design: Design, catalog: Catalog,
                   settings: CostSettings) -> list[CostLine]:
    """Accelerators and their server hosts, node by node."""
    host = Quote(from_usd(settings.host_usd_per_accelerator, settings),
                 f"cost.host_usd_per_accelerator {settings.host_usd_per_accelerator:,.2f}")
    out = []
    quotes: dict[str, Quote] = {}         # by accelerator, for nodes without a price of their own
    for node in design.nodes:
        if node.kind == "switch":
            continue
        count = units(design, node) * node.accelerators
        spec = accelerator_of(catalog, node)
        if node.override("price_usd") is None:
            quote = quotes.get(spec.id) or quotes.setdefault(
                spec.id, accelerator_quote(spec, node, settings))
        else:
            quote = accelerator_quote(spec, node, settings)
        if quote.includes_host:
            out.append(line(f"servers with accelerators: {node.label}", count, "accelerator",
                            quote))
            continue
        out.append(line(f"accelerators: {node.label}", count, "accelerator", quote))
        out.append(line(f"server hosts: {node.label}", count, "accelerator", host))
    return out


def _switch_parts(design: Design, catalog: Catalog, network: NetworkReport | None,
                  settings: CostSettings) -> list[CostLine]:
    """Switch boxes by the network level the topology puts them at."""
    levels = switch_levels(network)
    out = []
    for node in design.nodes:
        if node.kind != "switch":
            continue
        spec = switch_of(catalog, node)
        if _scale_up_only(design, catalog, node) and node.override("price_usd") is None:
            out.append(CostLine(f"scale-up switches: {node.label}", units(design, node),
                                "switch", 0.0, 0.0, "part of the server or rack price"))
            continue
        where = levels.get(node.id, "not in the network")
        quote = switch_quote(spec, node, settings)
        out.append(line(f"switches, {where}: {node.label} ({spec.id})", units(design, node),
                        "switch", quote))
    return out


def switch_levels(network: NetworkReport | None) -> dict[str, str]:
    """Switch box id -> "level N" of the largest island that reaches it."""
    if network is None:
        return {}
    out: dict[str, str] = {}
    for report in sorted(network.islands, key=lambda r: -r.topology.accelerators):
        for level in report.topology.levels:
            for box in level.nodes:
                out.setdefault(box, f"level {level.level}")
    return out


def _scale_up_only(design: Design, catalog: Catalog, node: Node) -> bool:
    attached = [catalog.link(lk.type) for lk in design.links_of(node.id)]
    return bool(attached) and all(spec.scale_up for spec in attached)


def _link_parts(design: Design, catalog: Catalog, settings: CostSettings) -> list[CostLine]:
    """Optics and cables of every network (not scale-up) link, priced by line rate."""
    out = []
    quotes: dict[str, Quote] = {}         # by link type
    for link in design.links:
        spec = catalog.link(link.type)
        if spec.scale_up:
            continue
        quote = quotes.get(spec.id) or quotes.setdefault(spec.id, _optics_quote(spec, settings))
        out.append(line(f"optics and cables: {link.id} ({spec.id})",
                        physical_links(design, link), "link", quote))
    return out


def _optics_quote(spec: LinkSpec, settings: CostSettings) -> Quote:
    share = port_rate_share(spec.bandwidth_Bps)
    return Quote(from_usd(settings.optics_usd_per_link * share, settings),
                 f"cost.optics_usd_per_link {settings.optics_usd_per_link:g} per 400G "
                 f"x {share:g}")


def _energy_parts(inventory: Inventory, settings: CostSettings) -> tuple[CostLine, ...]:
    """Energy per year of each power part, in use ``utilisation`` of the hours."""
    hours = HOURS_PER_YEAR * settings.utilisation
    factor = settings.power_draw * settings.pue * hours
    price = Quote(from_usd(settings.electricity_usd_per_kwh, settings),
                  f"cost.electricity_usd_per_kwh {settings.electricity_usd_per_kwh:g}; "
                  f"kWh = kW x power_draw {settings.power_draw:g} x pue {settings.pue:g} "
                  f"x {hours:,.0f} h")
    return tuple(line(f"energy: {POWER_PARTS[name]}", kw * factor, "kWh per year", price)
                 for name, kw in inventory.power_parts_kw.items() if kw > 0)


def _notes(inventory: Inventory) -> tuple[str, ...]:
    notes = [f"{part}: no power figure in the catalog, its energy is left out"
             for part in inventory.power_unknown]
    notes += [f"{part}: TDP assumed (see the catalog entry), so is its energy"
              for part in inventory.power_assumed]
    return tuple(notes)
