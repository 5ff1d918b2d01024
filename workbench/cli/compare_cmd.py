"""``cluster-workbench compare A B ...``: what-if designs side by side, and who wins.

Text puts the designs in columns and the figures in rows, with "n/a (k)"
where a design has no figure and the reasons listed under the table; ``--csv``
and ``--json`` give one record per design. Cost flags apply to every design,
and all money is in one currency (``--currency``, else the first design's).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import sys
from pathlib import Path
from typing import Any

from engine.catalog import load_catalog
from engine.compare import METRICS, Comparison, Row, compare
from engine.layout import load_design
from workbench.cli.cost_args import add_cost_flags, cost_settings_from_args
from workbench.cli.output import number, print_json, print_table

LABELS = {
    "time_to_train_days": "time to train (days)",
    "mfu": "MFU",
    "cost_per_run": "cost per run",
    "cost_per_million_tokens": "cost per million tokens",
    "goodput": "goodput",
    "time_to_train_days_with_failures": "time with failures (days)",
    "cost_per_run_with_failures": "cost per run with failures",
    "capex": "capex (buy)",
}
FRACTIONS = ("mfu", "goodput")
MONEY = ("cost_per_run", "cost_per_million_tokens", "cost_per_run_with_failures", "capex")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("compare", help="what-if table of several designs: time, cost, goodput")
    p.add_argument("files", nargs="+", metavar="FILE", help="layout files (.yaml)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="one CSV row per design")
    fmt.add_argument("--json", action="store_true", help="machine-readable output")
    add_cost_flags(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    designs = []
    for path in args.files:
        design = load_design(path)
        cost = cost_settings_from_args(args, design.cost)
        designs.append((Path(path).stem, dataclasses.replace(design, cost=cost)))
    result = compare(designs, load_catalog(), args.currency)
    if args.json:
        print_json(result)
    elif args.csv:
        _print_csv(result)
    else:
        _print_text(result)
    return 0


def _print_text(result: Comparison) -> None:
    notes: dict[str, int] = {}
    fits = {True: "yes", False: "NO (not ranked)", None: "-"}
    rows = [["accelerators", *(f"{r.accelerators:,} x {r.accelerator}" for r in result.rows)],
            ["cost basis", *(f"{r.basis}, {r.currency}" for r in result.rows)],
            ["fits in memory", *(fits[r.fits_in_memory] for r in result.rows)]]
    for metric in METRICS:
        cells = []
        for row in result.rows:
            value = row.values[metric]
            if value is None:
                reason = row.missing[metric]
                cells.append(f"n/a ({notes.setdefault(reason, len(notes) + 1)})")
            else:
                cells.append(_shown(metric, value))
        rows.append([LABELS[metric], *cells])
    print_table(["", *(r.design for r in result.rows)], rows,
                right=[False, *([True] * len(result.rows))])
    print()
    print(answer(result))
    for reason, index in notes.items():
        print(f"({index}) {reason}")


def _shown(metric: str, value: float) -> str:
    if metric in FRACTIONS:
        return f"{value:.1%}"
    if metric in MONEY and abs(value) >= 1e6:
        return f"{value / 1e6:,.2f}M"
    return number(value)


def answer(result: Comparison) -> str:
    """Which design trains fastest and which is cheapest, in two sentences."""
    rows = {r.design: r for r in result.rows}
    footing = {"time_to_train_days_with_failures": "counting failures",
               "time_to_train_days": "without failures",
               "cost_per_run_with_failures": "counting failures",
               "cost_per_run": "without failures"}
    if result.fastest is None:
        fastest = "Fastest: cannot tell, no design has a training time."
    else:
        days = rows[result.fastest].values[result.fastest_by]
        fastest = f"Fastest: {result.fastest}, {days:.1f} days {footing[result.fastest_by]}."
    if result.cheapest is None:
        cheapest = "Cheapest: cannot tell, no design has a cost per run."
    else:
        row = rows[result.cheapest]
        money = _shown(result.cheapest_by, row.values[result.cheapest_by])
        verb = "bought" if row.basis == "buy" else "rented"
        cheapest = (f"Cheapest: {result.cheapest}, {money} {row.currency} per run "
                    f"{footing[result.cheapest_by]} ({verb}).")
    return f"{fastest} {cheapest}"


def _print_csv(result: Comparison) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["design", "name", "accelerators", "accelerator", "currency", "basis",
                     "fits_in_memory", *METRICS, "notes"])
    for row in result.rows:
        writer.writerow(_record(row))


def _record(row: Row) -> list[Any]:
    values = ["" if row.values[m] is None else row.values[m] for m in METRICS]
    notes = "; ".join(f"{m}: {reason}" for m, reason in row.missing.items())
    return [row.design, row.name, row.accelerators, row.accelerator, row.currency, row.basis,
            row.fits_in_memory, *values, notes]
