"""``cluster-workbench serve``: what a machine delivers serving a model, and what it costs.

With a layout file that has a serving workload, that workload is the
default and each flag given overrides its field; without one, the model
defaults to the file's training model and the request shape must be given.
"""

from __future__ import annotations

import argparse
import dataclasses

from engine.catalog.specs import SERVING_PRECISIONS
from engine.errors import EngineError, InputError, Problem
from engine.serving import (
    Price,
    ServingEstimate,
    ServingParallelism,
    ServingWorkload,
    price_of,
    serving_estimate,
)
from engine.serving.section import SERVING_SETTINGS
from engine.serving.workload import SCENARIOS
from engine.settings import settings_of
from engine.units import number
from workbench.cli.cost_args import UNDRAWN_NETWORK, add_cost_flags, estimate_cost
from workbench.cli.hardware_args import add_hardware_flags, hardware_from_args
from workbench.cli.output import print_json
from workbench.cli.training_args import add_model_flags, amount, count, model_from_args

CUSTOM_VOCAB = 32000        # a shape without --vocab: Llama 2's tokenizer


EXAMPLES = (
    "cluster-workbench serve examples/chatbot-gpt35-class-a100.yaml",
    "cluster-workbench serve --model llama3-70b --accelerator h100-sxm --gpus 8 "
    "--input-tokens 2000 --output-tokens 200 --scenario server --ttft-ms 500",
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_hardware_flags(p)
    add_model_flags(p, seq=False)
    work = p.add_argument_group("requests")
    work.add_argument("--input-tokens", type=count, metavar="I",
                      help="mean prompt tokens per request (required without a file's "
                           "serving workload)")
    work.add_argument("--output-tokens", type=count, metavar="O",
                      help="mean generated tokens per request (as --input-tokens)")
    work.add_argument("--scenario", choices=SCENARIOS,
                      help="offline (default), server (Poisson arrivals, p99 targets) or "
                           "interactive (a fixed concurrency)")
    work.add_argument("--batch", type=count, metavar="B",
                      help="sequences per replica (default: searched; 1 is a single stream)")
    work.add_argument("--concurrency", type=count, metavar="C",
                      help="requests in flight in the whole system (interactive)")
    work.add_argument("--ttft-ms", type=amount, metavar="T", help="time to first token target")
    work.add_argument("--tpot-ms", type=amount, metavar="P", help="time per output token target")
    work.add_argument("--precision", choices=SERVING_PRECISIONS,
                      help="weights and GEMMs (default bf16)")
    work.add_argument("--kv-precision", choices=SERVING_PRECISIONS,
                      help="KV cache (default: the precision; fp8 for fp4)")
    par = p.add_argument_group("parallelism of a replica (left out: searched)")
    labels = {s.name: s.info.label for s in settings_of(ServingParallelism)}
    for name, label in labels.items():
        par.add_argument(f"--{name}", type=count, metavar="N", help=label)
    add_cost_flags(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    hardware = hardware_from_args(args)
    design = hardware.design
    base = SERVING_SETTINGS.of(design) if design and SERVING_SETTINGS.present(design) \
        else None
    workload = workload_from_args(args, base)
    model_id = args.model or (base.model if base else design.workload.model if design
                              else None)
    spec = model_from_args(args, hardware.catalog, model_id, defaults={
        "seq": workload.input_tokens + workload.output_tokens, "vocab": CUSTOM_VOCAB})
    workload = dataclasses.replace(workload, model=spec.id)
    try:
        price, why = price_of(estimate_cost(args, hardware, None)), ""
    except InputError:
        raise
    except EngineError as exc:
        price, why = None, str(exc)
    result = serving_estimate(spec, hardware.accelerator, hardware.fabric, workload, price)
    if args.json:
        print_json(result.to_json())
    else:
        print_serving(result, price, why or ("" if hardware.design else UNDRAWN_NETWORK))
    return 0


FLAG_FIELDS = ("input_tokens", "output_tokens", "scenario", "batch", "concurrency", "ttft_ms",
               "tpot_ms", "precision", "kv_precision")


def workload_from_args(args: argparse.Namespace,
                       base: ServingWorkload | None = None) -> ServingWorkload:
    """``base`` (a file's serving workload) with the flags given applied, or the flags'
    workload; an input error for flags that are missing or contradict. The model is
    ``base``'s, for the caller to set."""
    problems = []
    if base is None:
        missing = [flag for flag, value in (("--input-tokens", args.input_tokens),
                                            ("--output-tokens", args.output_tokens))
                   if value is None]
        if missing:
            raise InputError([Problem(" and ".join(missing), "required without a serving "
                                      "workload in a layout file")])
    given = {name: getattr(args, name) for name in FLAG_FIELDS
             if getattr(args, name) is not None}
    if args.scenario not in (None, "interactive") and args.concurrency is None:
        given["concurrency"] = None              # the file's concurrency was interactive's
    start = base or ServingWorkload()
    parallelism = {name: getattr(args, name) for name in ("tp", "pp", "ep", "replicas")
                   if getattr(args, name) is not None}
    workload = dataclasses.replace(start, **given, parallelism=dataclasses.replace(
        start.parallelism, **parallelism))
    if workload.concurrency and workload.scenario != "interactive":
        problems.append(Problem("--concurrency", "only the interactive scenario holds a fixed "
                                "number of requests in flight"))
    if workload.scenario == "interactive" and not (workload.concurrency or workload.batch):
        problems.append(Problem("--scenario", "interactive needs --concurrency (or --batch)"))
    if problems:
        raise InputError(problems)
    return workload


def print_serving(e: ServingEstimate, price: Price | None, note: str) -> None:
    p, s = e.parallelism, e.step_ms
    p99 = f" (p99 {number(e.ttft_p99_ms)} ms at {e.load:.0%} load)" \
        if e.scenario == "server" else ""
    speed = f" ({number(1e3 / e.tpot_ms)} tokens/s per user)" if e.tpot_ms else ""
    rows = [
        ("serving", f"{e.model} on {e.gpus:,} of {e.gpus_available:,} x {e.accelerator}, "
                    f"{e.precision} weights, {e.kv_precision} KV cache, {e.scenario}; "
                    f"{e.input_tokens:,} tokens in, {e.output_tokens:,} out per request"),
        ("throughput", f"{number(e.output_tokens_per_s)} output tokens/s "
                       f"({number(e.per_gpu_output_tokens_per_s)} per GPU), "
                       f"{number(e.input_tokens_per_s)} input tokens/s, "
                       f"{number(e.requests_per_s)} requests/s"),
        ("latency", f"TTFT {number(e.ttft_ms)} ms{p99}, TPOT {number(e.tpot_ms)} ms{speed}"),
        ("parallelism", f"tp {p.tp}, pp {p.pp}, ep {p.ep}, replicas {p.replicas}; batch "
                        f"{e.batch_per_replica} per replica (memory allows "
                        f"{e.max_batch_by_memory})"),
        ("memory per GPU", f"{number(e.memory_per_gpu_gib)} of {number(e.memory_capacity_gib)} "
                           f"GiB: weights {number(e.weights_gib)}, KV cache "
                           f"{number(e.kv_cache_gib)}"),
        ("iteration", f"{number(s.total)} ms: compute-bound {number(s.compute)}, "
                      f"memory-bound {number(s.memory)}, communication "
                      f"{number(s.communication)}; bottleneck {e.bottleneck}"),
    ]
    if price is None:
        rows.append(("cost", f"n/a: {note}"))
    else:
        rows.append(("cost", f"{price.basis}, {number(price.per_gpu_hour)} {price.currency} "
                             f"per GPU-hour: {number(e.cost_per_million_output_tokens)} "
                             f"{price.currency} per million output tokens, "
                             f"{number(e.cost_per_request)} {price.currency} per request"))
        if note:
            rows.append(("not priced", note))
    width = max(len(label) for label, _ in rows)
    for label, text in rows:
        print(f"{label.ljust(width)}  {text}")
