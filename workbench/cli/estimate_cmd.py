"""``cluster-workbench estimate``: how long training takes, with which parallelism."""

from __future__ import annotations

import argparse
import sys

from engine.cost import COST, CostReport
from engine.errors import EngineError, InputError
from engine.evaluate import Evaluation, assess
from engine.training import TRAINING, TrainingEstimate, estimate
from engine.units import number
from workbench.cli.cost_args import UNDRAWN_NETWORK, add_cost_flags, estimate_cost
from workbench.cli.figure_text import Banded
from workbench.cli.hardware_args import hardware_from_args
from workbench.cli.output import print_json
from workbench.cli.training_args import add_training_flags, job_from_args, searched

EXAMPLES = (
    "cluster-workbench estimate --model gpt3-175b --accelerator a100-80gb --gpus 1024 "
    "--tokens 300e9",
    "cluster-workbench estimate examples/h800-1024.yaml --tp 8 --pp 4 --usable-memory 0.9",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_training_flags(p)
    add_cost_flags(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    hardware = hardware_from_args(args)
    job = job_from_args(args, hardware=hardware)
    result = estimate(job)
    try:
        cost, why = estimate_cost(args, hardware, result), ""
    except InputError:
        raise
    except EngineError as exc:
        cost, why = None, str(exc)
    scope = "" if hardware.design else UNDRAWN_NETWORK
    done = assess("estimate", {TRAINING: result, **({COST: cost} if cost else {})},
                  hardware.catalog)
    if args.json:
        print_json({**done.section_json(TRAINING.name),
                    "cost": done.section_json(COST.name) if cost else None,
                    "cost_unavailable": why or None, "cost_scope": scope or None})
    else:
        print_estimate(result, searched(args, job), done)
        print_cost(cost, why, scope, done)
    if not result.fits_in_memory:
        print(f"cluster-workbench: warning: no configuration fits: the one shown needs "
              f"{result.memory_per_gpu_gib:.1f} GiB per GPU, the {result.accelerator} has "
              f"{result.memory_capacity_gib:.1f} GiB", file=sys.stderr)
    return 0


def print_estimate(e: TrainingEstimate, chosen: list[str], done: Evaluation) -> None:
    p, b, m = e.parallelism, e.breakdown_s, e.memory_breakdown_gib
    bands = Banded(done.trust_of(TRAINING))
    rows = [
        ("job", f"{e.model} on {e.gpus:,} of {e.gpus_available:,} x {e.accelerator}, "
                f"{e.precision}, {_short(e.tokens)} tokens"),
        ("time to train", e.does_not_fit or bands.text("time_to_train_days",
                                                        e.time_to_train_days, "days")),
        ("iteration", f"{bands.text('iteration_time_s', e.iteration_time_s, 's')}, "
                      f"{bands.text('tokens_per_s', e.tokens_per_s, 'tokens/s')}"),
        ("per GPU", f"{bands.text('hardware_tflops_per_gpu', e.hardware_tflops_per_gpu, 'TFLOP/s')}"
                    f" hardware, {number(e.model_tflops_per_gpu)} model; MFU "
                    f"{bands.text('mfu', e.mfu, style='fraction')}, HFU {e.hfu:.1%}"),
        *bands.notes_rows("time_to_train_days"),
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


def print_cost(cost: CostReport | None, why: str, scope: str, done: Evaluation) -> None:
    """The run's bill under the chosen basis, and the other basis when it is priced."""
    if cost is None:
        print(f"{'cost':<17}  n/a: {why}")
        return
    cur = cost.currency
    bands = Banded(done.trust_of(COST))
    run = bands.text("cost_per_run", cost.cost_per_run, cur, "money")
    per_million = bands.text("cost_per_million_tokens", cost.cost_per_million_tokens, cur)
    rows = [("cost", f"{cost.basis}, {number(cost.cost_per_gpu_hour)} {cur} per GPU-hour: "
                     f"{run} per run, {per_million} per million tokens"),
            *bands.notes_rows("cost_per_run")]
    if cost.rent is not None:
        line = cost.rent.list_prices[0]
        rows.append(("rent price", f"{number(line.unit_price)} {cur} list x discount "
                                   f"{cost.rent.discount:g} ({line.source}"
                                   f"{', ' + line.date if line.date else ''})"))
    if cost.buy is not None:
        part = cost.buy.capex_parts[0]
        even = ""
        if cost.rent is not None:
            even = "; renting stays cheaper" if cost.break_even_months is None else \
                f"; cheaper than renting after {number(cost.break_even_months)} months of use"
        rows.append(("buy", f"capex {_money(cost.capex)} {cur}, "
                            f"{number(cost.buy.cost_per_gpu_hour)} {cur} per GPU-hour{even}"))
        rows.append(("accelerator price", f"{number(part.unit_price)} {cur} ({part.source}"
                                          f"{', ' + part.date if part.date else ''})"))
    rows += [("not priced", text) for text in (*cost.unavailable.values(), scope) if text]
    for label, text in rows:
        print(f"{label:<17}  {text}")


def _money(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value / 1e6:,.2f}M" if abs(value) >= 1e6 else number(value)


def _short(count: float) -> str:
    """A large count the way papers write it: 300B, 15.6T."""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if count >= scale:
            return f"{count / scale:.3g}{suffix}"
    return number(count)
