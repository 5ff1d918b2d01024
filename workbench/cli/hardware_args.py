"""The flags that describe a machine without a file, shared by collective, estimate, search."""

from __future__ import annotations

import argparse

from engine.catalog import Catalog, load_catalog
from engine.errors import InputError, Problem
from engine.fabric import Fabric, fabric_from_hardware
from engine.layout import load_design
from engine.topology import analyse


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


def fabric_from_args(args: argparse.Namespace, catalog: Catalog | None = None) -> Fabric:
    """The fabric of the file's island (largest, or ``--accelerator``), or of the flags."""
    catalog = catalog or load_catalog()
    if args.file:
        design = load_design(args.file)
        topology = analyse(design, catalog)
        accelerator = catalog.accelerator(args.accelerator).id if args.accelerator else None
        try:
            return topology.island(accelerator).fabric
        except KeyError:
            raise InputError([Problem("--accelerator", f"{args.file} has no {accelerator} "
                                      "accelerators")]) from None
    missing = [flag for flag, value in (("--accelerator", args.accelerator),
                                        ("--gpus", args.gpus)) if value is None]
    if missing:
        raise InputError([Problem(" and ".join(missing), "required without a layout file")])
    return fabric_from_hardware(catalog, args.accelerator, args.gpus, args.gpus_per_node,
                                args.nic_gbps, args.nics_per_node)
