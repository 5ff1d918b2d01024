"""``cluster-workbench evaluate FILE``: every estimate of a design, headless."""

from __future__ import annotations

import argparse

from engine.evaluate import evaluate
from engine.headline import asked
from engine.layout import load_design
from engine.scenarios import scenarios_of
from workbench.cli.output import print_figures, print_json, print_tree


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="every estimate of a layout file")
    p.add_argument("file", help="layout file (.yaml)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--scenarios", action="store_true",
                   help="also evaluate the file's what-if scenarios")
    p.set_defaults(run=run)


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
        print_tree(data, indent=1)
    return 0
