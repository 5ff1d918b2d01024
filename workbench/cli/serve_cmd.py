"""``cluster-workbench serve``: what a machine delivers serving a model, and what it costs."""

from __future__ import annotations

import argparse

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
from engine.serving.workload import SCENARIOS
from engine.settings import settings_of
from engine.units import number
from workbench.cli.cost_args import UNDRAWN_NETWORK, add_cost_flags, estimate_cost
from workbench.cli.hardware_args import add_hardware_flags, hardware_from_args
from workbench.cli.output import print_json
from workbench.cli.training_args import add_model_flags, amount, count, model_from_args

CUSTOM_VOCAB = 32000        # a shape without --vocab: Llama 2's tokenizer


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="tokens per second, latency and cost of serving a model")
    add_hardware_flags(p)
    add_model_flags(p, seq=False)
    work = p.add_argument_group("requests")
    work.add_argument("--input-tokens", type=count, required=True, metavar="I",
                      help="mean prompt tokens per request")
    work.add_argument("--output-tokens", type=count, required=True, metavar="O",
                      help="mean generated tokens per request")
    work.add_argument("--scenario", choices=SCENARIOS, default="offline",
                      help="offline (default), server (Poisson arrivals, p99 targets) or "
                           "interactive (a fixed concurrency)")
    work.add_argument("--batch", type=count, metavar="B",
                      help="sequences per replica (default: searched; 1 is a single stream)")
    work.add_argument("--concurrency", type=count, metavar="C",
                      help="requests in flight in the whole system (interactive)")
    work.add_argument("--ttft-ms", type=amount, metavar="T", help="time to first token target")
    work.add_argument("--tpot-ms", type=amount, metavar="P", help="time per output token target")
    work.add_argument("--precision", choices=SERVING_PRECISIONS, default="bf16",
                      help="weights and GEMMs (default bf16)")
    work.add_argument("--kv-precision", choices=SERVING_PRECISIONS,
                      help="KV cache (default: the precision; fp8 for fp4)")
    par = p.add_argument_group("parallelism of a replica (left out: searched)")
    labels = {s.name: s.info.label for s in settings_of(ServingParallelism)}
    for name, label in labels.items():
        par.add_argument(f"--{name}", type=count, metavar="N", help=label)
    add_cost_flags(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    hardware = hardware_from_args(args)
    model_id = args.model or (hardware.design.workload.model if hardware.design else None)
    spec = model_from_args(args, hardware.catalog, model_id, defaults={
        "seq": args.input_tokens + args.output_tokens, "vocab": CUSTOM_VOCAB})
    workload = workload_from_args(args, spec.id)
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


def workload_from_args(args: argparse.Namespace, model: str) -> ServingWorkload:
    """The serving workload the flags describe; an input error for flags that contradict."""
    problems = []
    if args.concurrency and args.scenario != "interactive":
        problems.append(Problem("--concurrency", "only the interactive scenario holds a fixed "
                                "number of requests in flight"))
    if args.scenario == "interactive" and not (args.concurrency or args.batch):
        problems.append(Problem("--scenario", "interactive needs --concurrency (or --batch)"))
    if problems:
        raise InputError(problems)
    return ServingWorkload(
        model=model, input_tokens=args.input_tokens, output_tokens=args.output_tokens,
        scenario=args.scenario, batch=args.batch, concurrency=args.concurrency,
        ttft_ms=args.ttft_ms, tpot_ms=args.tpot_ms, precision=args.precision,
        kv_precision=args.kv_precision,
        parallelism=ServingParallelism(args.tp, args.pp, args.ep, args.replicas))


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
