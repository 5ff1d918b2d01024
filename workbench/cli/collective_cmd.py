"""``cluster-workbench collective``: one collective's time and bandwidth, nccl-tests style."""

from __future__ import annotations

import argparse

import numpy as np

from engine.collectives import ALGORITHMS, OPS, CollectiveResult, collective
from engine.network import collective_trust
from engine.units import format_bytes, parse_size
from workbench.cli.figure_text import Banded
from workbench.cli.hardware_args import add_hardware_flags, hardware_from_args
from workbench.cli.output import print_json, print_table

EXAMPLES = (
    "cluster-workbench collective --op all_reduce --bytes 1GiB examples/dgx-h100-superpod.yaml",
    "cluster-workbench collective --op all_gather --sweep 8B:8GiB --accelerator h100-sxm --gpus 64",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--op", required=True, choices=OPS)
    size = p.add_mutually_exclusive_group(required=True)
    size.add_argument("--bytes", type=size_arg, metavar="SIZE",
                      help="message size: 8, 256MB, 1GiB ...")
    size.add_argument("--sweep", metavar="MIN:MAX",
                      help="every power of two from MIN to MAX, like nccl-tests -f 2")
    p.add_argument("--ranks", type=int, help="ranks taking part (default: all)")
    p.add_argument("--stride", type=int, default=1,
                   help="distance between consecutive ranks (8: one rank per 8-GPU server)")
    p.add_argument("--algorithm", default="auto",
                   help=f"{'|'.join(ALGORITHMS)}, optionally /LL, /LL128 or /Simple")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    add_hardware_flags(p)


def size_arg(text: str) -> int:
    """A size flag; argparse shows this message instead of a generic one."""
    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def sweep_sizes(text: str) -> np.ndarray:
    low, sep, high = text.partition(":")
    if not sep:
        raise ValueError(f"--sweep takes MIN:MAX, e.g. 8B:8GiB; got {text!r}")
    start, stop = parse_size(low), parse_size(high)
    if stop < start:
        raise ValueError(f"--sweep: {high} is smaller than {low}")
    count = int(np.floor(np.log2(stop / start))) + 1
    return start * 2.0 ** np.arange(count)


def run(args: argparse.Namespace) -> int:
    hardware = hardware_from_args(args)
    fabric = hardware.fabric
    sizes = sweep_sizes(args.sweep) if args.sweep else np.array([float(args.bytes)])
    result = collective(fabric, args.op, sizes, args.ranks, args.stride, args.algorithm)
    trusts = [collective_trust(fabric, hardware.accelerator, result, i, args.stride)
              for i in range(sizes.size)]
    rows = [{**result.row(i), **trusts[i].to_json()} for i in range(sizes.size)]
    if args.json:
        print_json(rows if args.sweep else rows[0])
        return 0
    if args.sweep:
        _print_sweep(result, rows)
    else:
        busbw = Banded(trusts[0]).text("busbw_GBps", float(result.busbw_GBps[0]))
        print_table(["op", "bytes", "ranks", "algorithm", "time_us", "algbw_GBps",
                     "busbw_GBps", "bottleneck"],
                    [[r["op"], r["bytes"], r["ranks"], r["algorithm"], r["time_s"] * 1e6,
                      r["algbw_GBps"], busbw, r["bottleneck"]] for r in rows],
                    right=[False, True, True, False, True, True, True, False])
    for label, reason in dict.fromkeys((b.label, b.reason) for t in trusts
                                       if (b := t.bands.get("busbw_GBps"))):
        print(f"band: {label}: {reason}")
    return 0


def _print_sweep(result: CollectiveResult, rows: list[dict]) -> None:
    print(f"# {result.op} on {result.ranks} ranks (model; nccl-tests columns)")
    cells = [[format_bytes(s), f"{t * 1e6:.2f}", f"{a:.2f}", f"{b:.2f}",
              "{:.2f}-{:.2f}".format(*r["bands"]["busbw_GBps"]), str(alg), str(lim)]
             for s, t, a, b, alg, lim, r in zip(result.bytes, result.time_s, result.algbw_GBps,
                                                result.busbw_GBps, result.algorithm,
                                                result.bottleneck, rows, strict=True)]
    print_table(["size", "time(us)", "algbw(GB/s)", "busbw(GB/s)", "busbw band", "algorithm",
                 "bottleneck"], cells, right=[True, True, True, True, True, False, False])
