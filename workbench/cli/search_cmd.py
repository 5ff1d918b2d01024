"""``cluster-workbench search``: the best parallel configurations, ranked, and why others fail."""

from __future__ import annotations

import argparse

from engine.training import SearchResult, search
from workbench.cli.output import print_json, print_table
from workbench.cli.training_args import add_training_flags, count, job_from_args

COLUMNS = ("rank", "tp", "pp", "dp", "cp", "ep", "mb", "v", "zero", "recompute", "sp",
           "iter s", "MFU %", "GiB/GPU", "days")


EXAMPLES = (
    "cluster-workbench search --model llama3-70b --accelerator h100-sxm --gpus 512 --top 5",
    "cluster-workbench search examples/a800-1024.yaml --recompute selective --json",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_training_flags(p)
    p.add_argument("--top", type=count, default=10, metavar="N", help="how many to list")
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    result = search(job_from_args(args), top=args.top)
    if args.json:
        print_json(result)
    else:
        print_search(result)
    return 0


def print_search(result: SearchResult) -> None:
    rows = []
    for rank, e in enumerate(result.top, 1):
        p = e.parallelism
        rows.append([rank, p.tp, p.pp, p.dp, p.cp, p.ep, p.micro_batch, p.virtual_stages,
                     p.zero, p.recompute, "on" if p.sequence_parallel else "off",
                     e.iteration_time_s, 100 * e.mfu, e.memory_per_gpu_gib,
                     e.time_to_train_days])
    print_table(COLUMNS, rows, right=[r not in ("recompute", "sp") for r in COLUMNS])
    print(f"\n{result.evaluated:,} configurations evaluated, {result.fitting:,} fit in memory")
    for reason, n in result.rejected.items():
        print(f"  rejected {n:>9,}: {reason}")
