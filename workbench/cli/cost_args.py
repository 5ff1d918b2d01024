"""The flags that change cost settings, shared by estimate, serve and compare.

Each flag names one :class:`~engine.design.CostSettings` field and is held
to that setting's rules (:mod:`engine.rules`), so a bad value is one clear
line naming the flag. Prices given on the command line are in USD, like the
settings. An estimate is priced on its layout file's design, or, from flags
alone, on servers of the reference size whose network is not drawn and so not
priced; either design is checked by the rule set before it is priced.
"""

from __future__ import annotations

import argparse
import dataclasses

from engine.cost import CostReport, TrainingFigures, cost_section
from engine.design import CURRENCIES, CostSettings, Design, Node
from engine.errors import InputError, Problem
from engine.inventory import take_inventory
from engine.network import network_section
from engine.rules import problems, settings_problems
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
#: Key path of each flag's setting -> the flag, to name it in a problem.
_FLAG_OF = {f"cost.{name}": "--" + flag.replace("_", "-") for flag, name in FLAG_SETTINGS.items()}


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
    """``base`` with every cost flag given applied; raises :class:`InputError` naming the
    flag of each value the cost settings' rules refuse."""
    changes: dict[str, object] = {name: getattr(args, flag) for flag, name in
                                  FLAG_SETTINGS.items() if getattr(args, flag, None) is not None}
    for basis in ("buy", "rent"):
        if getattr(args, basis, False):
            changes["basis"] = basis
    settings = dataclasses.replace(base, **changes)
    _refuse(settings_problems("cost", settings))
    return settings


def estimate_cost(args: argparse.Namespace, hardware: Hardware,
                  training: TrainingFigures | None) -> CostReport:
    """What the estimated run costs (the hardware alone without ``training``), with the cost
    flags applied."""
    design = hardware.design or _servers(hardware)
    design = dataclasses.replace(design, cost=cost_settings_from_args(args, design.cost))
    catalog = hardware.catalog
    _refuse(problems(design, catalog))
    network = network_section(design, catalog) if hardware.design else None
    return cost_section(design, catalog, take_inventory(design, catalog), network, training)


def _servers(hardware: Hardware) -> Design:
    """The flags' machine as servers of one scale-up domain each, with no network drawn."""
    per_server = hardware.fabric.tiers[0].fanout
    return Design(name="servers from flags", nodes=(Node(
        "servers", "server", hardware.accelerator.id,
        replicas=hardware.fabric.ranks // per_server, accelerators=per_server),))


def _refuse(found: list[Problem]) -> None:
    """Raise the problems found, each set by a flag named by that flag."""
    if found:
        raise InputError([dataclasses.replace(p, path=_FLAG_OF.get(p.path, p.path))
                          for p in found])
