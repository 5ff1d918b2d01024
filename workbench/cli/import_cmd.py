"""``cluster-workbench import FILE -o DESIGN.yaml``: a design from another tool's file."""

from __future__ import annotations

import argparse

from engine.layout import save_design

EXAMPLES = (
    "cluster-workbench import topo.xml -o server.yaml --accelerator h100-sxm",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="NCCL topology (.xml) or InfraGraph (.yaml, .yml, .json)")
    p.add_argument("-o", "--output", required=True, help="layout file to write (.yaml)")
    p.add_argument("--accelerator", help="catalog accelerator, when the file does not say")


def run(args: argparse.Namespace) -> int:
    from engine.interop.importers import import_design
    design = import_design(args.file, accelerator=args.accelerator)
    save_design(design, args.output)
    print(f"wrote {args.output}: {design.name}")
    for line in design.description.splitlines()[1:]:
        print(f"  {line}")
    return 0
