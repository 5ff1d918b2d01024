"""``cluster-workbench export FILE --to infragraph|astra-sim -o OUT``: the field's formats."""

from __future__ import annotations

import argparse

from engine.catalog import load_catalog
from engine.interop.exporters import TARGETS
from engine.layout import catalog_for, load_design

EXAMPLES = (
    "cluster-workbench export examples/dgx-h100-superpod.yaml --to infragraph -o pod.yaml",
    "cluster-workbench export examples/dgx-h100-superpod.yaml --to astra-sim -o astra/",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="layout file (.yaml)")
    p.add_argument("--to", required=True, choices=tuple(TARGETS), help="the format to write")
    p.add_argument("-o", "--output", required=True,
                   help="InfraGraph: a .yaml or .json file; astra-sim: a folder for "
                        "network.yml and system.json")


def run(args: argparse.Namespace) -> int:
    from engine.interop.exporters import export_design
    design = load_design(args.file)
    for line in export_design(design, args.to, args.output,
                              catalog_for(design, load_catalog())):
        print(line)
    return 0
