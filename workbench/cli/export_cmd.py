"""``cluster-workbench export FILE --to infragraph|astra-sim -o OUT``: the field's formats."""

from __future__ import annotations

import argparse
import json

import yaml

from engine.catalog import load_catalog
from engine.layout import catalog_for, load_design
from engine.yamlio import atomic_write_text

TARGETS = ("infragraph", "astra-sim")


EXAMPLES = (
    "cluster-workbench export examples/dgx-h100-superpod.yaml --to infragraph -o pod.yaml",
    "cluster-workbench export examples/dgx-h100-superpod.yaml --to astra-sim -o astra/",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="layout file (.yaml)")
    p.add_argument("--to", required=True, choices=TARGETS, help="the format to write")
    p.add_argument("-o", "--output", required=True,
                   help="InfraGraph: a .yaml or .json file; astra-sim: a folder for "
                        "network.yml and system.json")


def run(args: argparse.Namespace) -> int:
    design = load_design(args.file)
    catalog = catalog_for(design, load_catalog())
    if args.to == "astra-sim":
        from engine.interop.astra_sim import write_astra
        for path in write_astra(design, args.output, catalog):
            print(f"wrote {path}")
        return 0
    from engine.interop.infragraph import design_to_infragraph
    data = design_to_infragraph(design, catalog)
    text = json.dumps(data, indent=1) + "\n" if args.output.lower().endswith(".json") else \
        yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=100)
    atomic_write_text(args.output, text)
    print(f"wrote {args.output}: {len(data['instances'])} instances, "
          f"{len(data['links'])} links, {len(data['edges'])} edges")
    return 0
