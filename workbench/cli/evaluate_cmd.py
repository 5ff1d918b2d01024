"""``cluster-workbench evaluate FILE``: every estimate of a design, headless."""

from __future__ import annotations

import argparse

from engine.evaluate import evaluate
from engine.headline import asked
from engine.layout import load_design
from engine.scenarios import scenarios_of
from workbench.cli.figure_text import print_figures
from workbench.cli.output import print_json, print_tree

EXAMPLES = (
    "cluster-workbench evaluate examples/llama3-16k-h100-roce.yaml",
    "cluster-workbench evaluate examples/what-if-a800-h800-h20.yaml --scenarios --json",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="layout file (.yaml)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--scenarios", action="store_true",
                   help="also evaluate the file's what-if scenarios")


def run(args: argparse.Namespace) -> int:
    design = load_design(args.file)
    designs = scenarios_of(design) if args.scenarios else [design]
    evaluations = [evaluate(d) for d in designs]
    results = [e.to_json() for e in evaluations]
    if args.json:
        print_json(results if args.scenarios else results[0])
        return 0
    for index, (evaluation, data) in enumerate(zip(evaluations, results, strict=True)):
        if index:
            print()
        print(f"Design: {data.pop('design')}")
        print(" headline: value (80% band) [notes]")
        print_figures(asked(evaluation), indent=1)
        print_tree(data, indent=1, currency=_currency(data))
    return 0


def _currency(data: dict) -> str | None:
    """The evaluation's currency, for the money of sections that do not name it."""
    return next((data[key]["currency"] for key in ("cost", "plan", "serving")
                 if isinstance(data.get(key), dict) and "currency" in data[key]), None)
