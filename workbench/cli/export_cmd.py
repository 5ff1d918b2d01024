"""``cluster-workbench export FILE --to infragraph|astra-sim -o OUT``: the field's formats."""

from __future__ import annotations

import argparse

from engine.catalog import load_catalog
from engine.interop.exporters import TARGETS
from engine.layout import catalog_for, load_design


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a design as an InfraGraph or ASTRA-sim inputs")
    p.add_argument("file", help="layout file (.yaml)")
    p.add_argument("--to", required=True, choices=tuple(TARGETS), help="the format to write")
    p.add_argument("-o", "--output", required=True,
                   help="InfraGraph: a .yaml or .json file; astra-sim: a folder for "
                        "network.yml and system.json")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from engine.interop.exporters import export_design
    design = load_design(args.file)
    for line in export_design(design, args.to, args.output,
                              catalog_for(design, load_catalog())):
        print(line)
    return 0
