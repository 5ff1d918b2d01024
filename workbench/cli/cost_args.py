"""The flags that change cost settings, shared by estimate, serve and compare.

Each flag names one :class:`~engine.design.CostSettings` field and is checked
against that setting's limits, so a bad value is one clear line naming the
flag. Prices given on the command line are in USD, like the settings. An
estimate is priced on its layout file's design, or, from flags alone, on
servers of the reference size whose network is not drawn and so not priced.
"""

from __future__ import annotations

import argparse
import dataclasses
import math

from engine.cost import CostReport, TrainingFigures, cost_section
from engine.design import CURRENCIES, CostSettings, Design, Node
from engine.errors import InputError, Problem
from engine.inventory import take_inventory
from engine.network import network_section
from engine.settings import settings_of
from workbench.cli.hardware_args import Hardware

UNDRAWN_NETWORK = "no layout file: switches, optics and cables are not priced"

# flag (argparse dest) -> CostSettings field
FLAG_SETTINGS = {
    "price_per_gpu_hour": "rent_usd_per_hour",
    "discount": "discount",
    "electricity_price": "electricity_usd_per_kwh",
    "pue": "pue",
    "currency": "currency",
}


def add_cost_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("cost")
    group.add_argument("--price-per-gpu-hour", type=float, metavar="USD",
                       help="rental price per accelerator-hour in USD (default: the catalog's)")
    group.add_argument("--discount", type=float, metavar="D",
                       help="fraction of the list price paid, 0 < D <= 1 (default: the file's)")
    basis = group.add_mutually_exclusive_group()
    basis.add_argument("--buy", action="store_true",
                       help="headline costs for buying the hardware (default: the file's, "
                            "else renting)")
    basis.add_argument("--rent", action="store_true", help="headline costs for renting")
    group.add_argument("--electricity-price", type=float, metavar="USD",
                       help="USD per kWh")
    group.add_argument("--pue", type=float, metavar="P",
                       help="power usage effectiveness (facility / IT power)")
    group.add_argument("--currency", choices=CURRENCIES, help="currency of the results")


def cost_settings_from_args(args: argparse.Namespace, base: CostSettings) -> CostSettings:
    """``base`` with every cost flag given applied; raises :class:`InputError` if out of range."""
    limits = {s.name: s.info for s in settings_of(CostSettings)}
    changes: dict[str, object] = {}
    problems = []
    for flag, name in FLAG_SETTINGS.items():
        value = getattr(args, flag, None)
        if value is None:
            continue
        info = limits[name]
        if isinstance(value, float) and (
                not math.isfinite(value)
                or (info.minimum is not None and value < info.minimum)
                or (info.maximum is not None and value > info.maximum)):
            low = "" if info.minimum is None else f" >= {info.minimum:g}"
            high = "" if info.maximum is None else f" <= {info.maximum:g}"
            problems.append(Problem("--" + flag.replace("_", "-"),
                                    f"must be a number{low}{' and' if low and high else ''}"
                                    f"{high}, got {value:g}"))
            continue
        changes[name] = value
    if problems:
        raise InputError(problems)
    for basis in ("buy", "rent"):
        if getattr(args, basis, False):
            changes["basis"] = basis
    return dataclasses.replace(base, **changes)


def estimate_cost(args: argparse.Namespace, hardware: Hardware,
                  training: TrainingFigures | None) -> CostReport:
    """What the estimated run costs (the hardware alone without ``training``), with the cost
    flags applied."""
    design = hardware.design or _servers(hardware)
    design = dataclasses.replace(design, cost=cost_settings_from_args(args, design.cost))
    catalog = hardware.catalog
    network = network_section(design, catalog) if hardware.design else None
    return cost_section(design, catalog, take_inventory(design, catalog), network, training)


def _servers(hardware: Hardware) -> Design:
    """The flags' machine as servers of one scale-up domain each, with no network drawn."""
    per_server = hardware.fabric.tiers[0].fanout
    return Design(name="servers from flags", nodes=(Node(
        "servers", "server", hardware.accelerator.id,
        replicas=hardware.fabric.ranks // per_server, accelerators=per_server),))
