"""``cluster-workbench estimate``: how long training takes, with which parallelism."""

from __future__ import annotations

import argparse
import sys

from engine.training import TrainingEstimate, estimate
from workbench.cli.output import number, print_json
from workbench.cli.training_args import add_training_flags, job_from_args, searched


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("estimate", help="time to train a model on a machine or a layout file")
    add_training_flags(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    job = job_from_args(args)
    result = estimate(job)
    if args.json:
        print_json(result)
    else:
        print_estimate(result, searched(args, job))
    if not result.fits_in_memory:
        print(f"cluster-workbench: warning: no configuration fits: the one shown needs "
              f"{result.memory_per_gpu_gib:.1f} GiB per GPU, the {result.accelerator} has "
              f"{result.memory_capacity_gib:.1f} GiB", file=sys.stderr)
    return 0


def print_estimate(e: TrainingEstimate, chosen: list[str]) -> None:
    p, b, m = e.parallelism, e.breakdown_s, e.memory_breakdown_gib
    rows = [
        ("job", f"{e.model} on {e.gpus:,} of {e.gpus_available:,} x {e.accelerator}, "
                f"{e.precision}, {_short(e.tokens)} tokens"),
        ("time to train", f"{number(e.time_to_train_days)} days"),
        ("iteration", f"{number(e.iteration_time_s)} s, {number(e.tokens_per_s)} tokens/s"),
        ("per GPU", f"{number(e.hardware_tflops_per_gpu)} TFLOP/s hardware, "
                    f"{number(e.model_tflops_per_gpu)} model; MFU {e.mfu:.1%}, HFU {e.hfu:.1%}"),
        ("memory per GPU", f"{number(e.memory_per_gpu_gib)} of {number(e.memory_capacity_gib)} "
                           f"GiB: weights {number(m.weights)}, gradients {number(m.gradients)}, "
                           f"optimizer {number(m.optimizer)}, activations "
                           f"{number(m.activations)}, buffers {number(m.buffers)}"),
        ("parallelism", f"tp {p.tp}, pp {p.pp}, dp {p.dp}, cp {p.cp}, ep {p.ep}, micro-batch "
                        f"{p.micro_batch} of {p.global_batch}, virtual stages "
                        f"{p.virtual_stages}, ZeRO {p.zero}, recompute {p.recompute}, "
                        f"sequence parallel {'on' if p.sequence_parallel else 'off'}"),
        ("searched", ", ".join(chosen) or "nothing (all given)"),
        ("time (s)", f"compute {number(b.compute)}, bubble {number(b.bubble)}, exposed "
                     f"communication {number(b.exposed_comm)}, optimizer {number(b.optimizer)}"),
        ("communication (s)", f"tp {number(b.tp_comm)}, pp {number(b.pp_comm)}, dp "
                              f"{number(b.dp_comm)}, cp {number(b.cp_comm)}, ep "
                              f"{number(b.ep_comm)} (hidden or not)"),
    ]
    width = max(len(label) for label, _ in rows)
    for label, text in rows:
        print(f"{label.ljust(width)}  {text}")


def _short(count: float) -> str:
    """A large count the way papers write it: 300B, 15.6T."""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if count >= scale:
            return f"{count / scale:.3g}{suffix}"
    return number(count)
