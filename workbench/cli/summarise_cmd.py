"""``cluster-workbench summarise RESULTS``: what a sweep found, and a plot of its front.

The Pareto front of time to train against cost per run, fastest first, and for each
value of each axis its cheapest and fastest point (:mod:`engine.design_space.front`);
``--json`` for scripts; ``-o FRONT.png|.svg`` draws the front (Qt is imported only then).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from engine.atomic_file import check_writable
from engine.design_space.front import Summary
from engine.headline import figure_spec
from workbench.cli.output import print_json
from workbench.sweep.results_file import summary_of
from workbench.sweep.summary_text import Table, figure, record, value_text, where

EXAMPLES = (
    "cluster-workbench summarise space.parquet -o front.png",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="RESULTS", help="results of `sweep` (.parquet or .csv)")
    p.add_argument("-o", "--output", metavar="PLOT", help="draw the front to a .png or .svg")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    summary, table, axes = summary_of(args.file)
    if args.output:
        check_writable(args.output)              # before the summary is printed
    if args.json:
        print_json(summary_json(summary, table, axes))
    else:
        print_summary(args.file, summary, table, axes)
    if args.output:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from workbench.sweep.front_plot import write_front
        write_front(table, axes, summary, Path(args.output))
        print(f"{args.output}: the front of {summary.complete:,} points")
    return 0


def print_summary(path: str, summary: Summary, table: Table, axes: list[str]) -> None:
    axes = summary.varying(axes)
    x, y = figure_spec(summary.x).label.lower(), figure_spec(summary.y).label.lower()
    print(f"{path}: {summary.points:,} points, {summary.complete:,} with a {x} and a {y}")
    print()
    print(f"Pareto front, {x} against {y} ({len(summary.front)} points, fastest first):")
    for row in summary.front:
        print(f"  {figure(table, summary.x, row):>14}  {figure(table, summary.y, row):>14}  "
              f"{where(table, axes, row)}")
    for axis in axes:
        print()
        print(f"Best per {axis}:")
        for best in summary.best[axis]:
            print(f"  {value_text(best.value)} ({best.points:,} points)")
            if best.cheapest is None or best.fastest is None:
                print("    no point has both figures")
                continue
            for label, row in (("cheapest", best.cheapest), ("fastest", best.fastest)):
                print(f"    {label:<9} {figure(table, summary.y, row)} in "
                      f"{figure(table, summary.x, row)}: {where(table, axes, row, axis)}")


def summary_json(summary: Summary, table: Table, axes: list[str]) -> dict[str, object]:
    def one(row: int | None) -> object:
        return None if row is None else record(table, axes, row, summary)
    return {"points": summary.points, "complete": summary.complete,
            "front": [one(row) for row in summary.front],
            "best": {axis: [{"value": b.value, "points": b.points,
                             "cheapest": one(b.cheapest), "fastest": one(b.fastest)}
                            for b in summary.best[axis]] for axis in axes}}

