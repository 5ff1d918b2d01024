"""``cluster-workbench sweep FILE --vary KEY=VALUES ... -o OUT.parquet``: a design space.

FILE is a layout file (its base design; the axes come from ``--vary``) or a sweep
file (docs/format.md), whose axes ``--vary`` adds to or replaces. Every point of the
grid, or a seeded random sample of it, is evaluated on a local process pool (one
worker per core), in this process (``--workers 0``) or on Dask (``--dask-workers N``
starts a local cluster, ``--scheduler ADDRESS`` joins one), and written as it comes
to Parquet or CSV, one row per point (docs/sweeps.md). A progress line goes to
stderr; Ctrl+C stops and keeps the rows written.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys

from engine.catalog import Catalog, load_catalog
from engine.design_space.axes import Axis, AxisError, read_axis
from engine.design_space.plan import SweepPlan
from engine.design_space.sweep_file import is_sweep_file, read_sweep_file
from engine.layout import load_design
from workbench.cli import summarise_cmd
from workbench.cli.progress import Progress
from workbench.sweep.backends import open_backend
from workbench.sweep.to_file import sweep_to_file

EXIT_INTERRUPTED = 130


EXAMPLES = (
    "cluster-workbench sweep examples/h800-1024.yaml --vary gpus=1024..16384x2 --vary "
    "cost.discount=0.2..1.0/9 -o space.parquet",
    "cluster-workbench sweep examples/sweeps/rent-h100-h200-a100.yaml -o space.csv --summary",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="layout file (.yaml) or sweep file")
    p.add_argument("--vary", action="append", default=[], metavar="KEY=VALUES",
                   help="an axis: a setting's key path (cost.discount), gpus, "
                        "accelerator_price, accelerator, switch, link or model, = a list "
                        "a,b,c or a range START..STOP/N, START..STOPxF, START..STOP+S")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="results file: .parquet or .csv")
    p.add_argument("--sample", type=_positive, metavar="N",
                   help="a random sample of N points of the grid (default: every point)")
    p.add_argument("--seed", type=int, metavar="S", help="the sample's seed (default 0)")
    p.add_argument("--figures", metavar="KEY,KEY", type=lambda t: tuple(t.split(",")),
                   help="headline figures to record (default: all)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N",
                       help="local worker processes (default: one per core; 0: this process)")
    where.add_argument("--dask-workers", type=_positive, metavar="N",
                       help="start a local Dask cluster of N worker processes")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on an existing Dask cluster (tcp://HOST:8786)")
    p.add_argument("--chunk", type=_positive, metavar="N",
                   help="points per task (default: enough for 8 tasks per worker, at most "
                        "1,000)")
    p.add_argument("--quiet", action="store_true", help="no progress line")
    p.add_argument("--summary", action="store_true",
                   help="print the Pareto front and the best per axis value afterwards")


def run(args: argparse.Namespace) -> int:
    catalog = load_catalog()
    plan = plan_from_args(args, catalog)
    if args.workers is not None and args.workers < 0:
        raise ValueError(f"--workers: must be 0 or more, got {args.workers}")
    try:
        backend = open_backend(args.workers, args.dask_workers, args.scheduler)
    except OSError as exc:
        raise ValueError(f"cannot reach the Dask scheduler at {args.scheduler}: {exc}") \
            from None
    progress = Progress(plan.size, args.quiet)
    try:
        written = sweep_to_file(plan, catalog, backend, args.output, args.chunk,
                                progress.update)
    finally:
        progress.close()
        backend.close()
    if written.interrupted:
        print(f"interrupted: {args.output} holds {written.points:,} of {plan.size:,} points",
              file=sys.stderr)
        return EXIT_INTERRUPTED
    print(f"{args.output}: {written.points:,} point{'' if written.points == 1 else 's'}")
    if args.summary:
        print()
        summary, table, axes = summarise_cmd.summary_of(args.output)
        summarise_cmd.print_summary(args.output, summary, table, axes)
    return 0


def plan_from_args(args: argparse.Namespace, catalog: Catalog) -> SweepPlan:
    """The sweep file's plan (or the layout file's design with no axes), with the flags'
    axes, sample and figures applied."""
    plan = read_sweep_file(args.file, catalog) if is_sweep_file(args.file) else \
        SweepPlan(load_design(args.file, catalog), ())
    axes = {a.key: a for a in plan.axes}
    for spec in args.vary:
        axis = _vary(spec, plan, catalog)
        axes[axis.key] = axis
    return dataclasses.replace(
        plan, axes=tuple(axes.values()),
        figures=args.figures if args.figures is not None else plan.figures,
        sample=args.sample if args.sample is not None else plan.sample,
        seed=args.seed if args.seed is not None else plan.seed)


def _vary(spec: str, plan: SweepPlan, catalog: Catalog) -> Axis:
    key, equals, values = spec.partition("=")
    if not equals or not key.strip():
        raise ValueError(f"--vary {spec}: write KEY=VALUES, such as cost.discount=0.2..1.0/9")
    try:
        return read_axis(key.strip(), values, plan.design, catalog)
    except AxisError as exc:
        raise ValueError(f"--vary {exc}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value
