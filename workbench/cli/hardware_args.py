"""The flags that describe a machine without a file, shared by collective, estimate, search."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from engine.catalog import AcceleratorSpec, Catalog, load_catalog
from engine.design import Design
from engine.errors import InputError, Problem
from engine.fabric import Fabric, fabric_from_hardware
from engine.hardware import accelerator_of
from engine.layout import catalog_for, load_design
from engine.topology import analyse


@dataclass(frozen=True)
class Hardware:
    """A machine from the flags or a file, and the catalog and design behind it.

    With a file, the catalog includes the file's own entries.
    """

    accelerator: AcceleratorSpec
    fabric: Fabric
    catalog: Catalog
    design: Design | None = None


def add_hardware_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="layout file (or give the hardware flags)")
    group = parser.add_argument_group("hardware (when no file is given)")
    group.add_argument("--accelerator", metavar="ID",
                       help="catalog accelerator id (with a file: which island)")
    group.add_argument("--gpus", type=int, metavar="N", help="accelerators in all")
    group.add_argument("--gpus-per-node", type=int, metavar="G",
                       help="accelerators per server (default: the reference server's)")
    group.add_argument("--nic-gbps", type=float, metavar="B",
                       help="NIC line rate in Gb/s (default: the reference server's)")
    group.add_argument("--nics-per-node", type=int, metavar="K",
                       help="NICs per server (default: the reference server's)")


def hardware_from_args(args: argparse.Namespace, catalog: Catalog | None = None) -> Hardware:
    """The file's island (largest, or ``--accelerator``'s), overrides applied, or the flags'."""
    catalog = catalog or load_catalog()
    if args.file:
        design = load_design(args.file)
        catalog = catalog_for(design, catalog)
        topology = analyse(design, catalog)
        accelerator = catalog.accelerator(args.accelerator).id if args.accelerator else None
        try:
            island = topology.island(accelerator)
        except KeyError:
            raise InputError([Problem("--accelerator", f"{args.file} has no {accelerator} "
                                      "accelerators")]) from None
        return Hardware(accelerator_of(catalog, design.node(island.nodes[0])), island.fabric,
                        catalog, design)
    missing = [flag for flag, value in (("--accelerator", args.accelerator),
                                        ("--gpus", args.gpus)) if value is None]
    if missing:
        raise InputError([Problem(" and ".join(missing), "required without a layout file")])
    fabric = fabric_from_hardware(catalog, args.accelerator, args.gpus, args.gpus_per_node,
                                  args.nic_gbps, args.nics_per_node)
    return Hardware(catalog.accelerator(args.accelerator), fabric, catalog)


def fabric_from_args(args: argparse.Namespace, catalog: Catalog | None = None) -> Fabric:
    """The fabric of the file's island (largest, or ``--accelerator``), or of the flags."""
    return hardware_from_args(args, catalog).fabric
