"""The best serving configurations of a model on a machine, ranked, and why others fail.

Every layout (tp x pp x ep, and the replicas the GPUs hold) that the model's
shape allows is crossed with batches per replica: powers of two and the
largest batch memory allows (or the batch given; in the interactive
scenario the concurrency spread over the replicas). Rules reject rows with
a reason each (:class:`~engine.training.config.Rule`, first broken rule
counted): divisibility, GPUs, memory, the token budget, then the latency
targets once the rows are timed. All of it is column arithmetic on numpy
arrays, as the training search (:mod:`engine.training.grid`).

Scenarios: ``offline`` takes the replicas' full rate; ``interactive`` holds
``concurrency`` requests in flight; ``server`` takes the highest load whose
p99 TTFT (the unqueued TTFT plus the p99 wait of :mod:`~engine.serving.queueing`)
meets the target. TPOT targets are checked against the batch's TPOT (a
full batch, the p99 case). Rows are ranked by output tokens per second per
GPU, or by cost per million output tokens; within 2% the one using more of
the GPUs comes first (more system throughput), then the simpler layout (less
model parallelism), then the smaller batch.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from engine.catalog import AcceleratorSpec, ModelSpec
from engine.catalog.specs import SERVING_PRECISIONS
from engine.errors import InfeasibleConfig, InputError, Problem
from engine.fabric import Fabric
from engine.serving.batching import replica_figures
from engine.serving.cost import Price, cost_per_million_tokens, cost_per_request
from engine.serving.memory import serving_memory
from engine.serving.model import ServedModel, served_model
from engine.serving.queueing import max_load, mean_wait, p99_wait
from engine.serving.result import ServingEstimate, ServingLayout, StepParts
from engine.serving.step import Layout, Machine
from engine.serving.workload import ServingWorkload
from engine.training.config import Columns, Rule, apply_rules
from engine.training.grid import _divisors, _powers_of_two, _upto
from engine.training.result import GIB

RANKINGS = ("throughput", "cost")
TIE = 0.02
LARGEST_BATCH = 2**14


@dataclass(frozen=True)
class ServingSearch:
    """The best configurations, how many were timed, and the count of each rejection."""

    top: tuple[ServingEstimate, ...]
    evaluated: int           # rows (layout x batch) that passed the divisibility rules
    feasible: int            # ... and fit and met the targets
    rejected: dict[str, int]


def peak_flops(accelerator: AcceleratorSpec, precision: str) -> float:
    """The accelerator's dense peak in ``precision``; an input error naming what it has."""
    peak = accelerator.peak_flops(precision)
    if not peak:
        have = [p for p in SERVING_PRECISIONS if accelerator.peak_flops(p)]
        raise InputError([Problem("precision", f"{accelerator.id} has no {precision} peak "
                                  f"(it has {', '.join(have)})")])
    return peak


def serving_search(spec: ModelSpec, accelerator: AcceleratorSpec, fabric: Fabric,
                   workload: ServingWorkload, price: Price | None = None, top: int = 10,
                   rank: str = "throughput") -> ServingSearch:
    """The ``top`` configurations by ``rank``; :class:`InfeasibleConfig` with the reasons
    if none can serve."""
    if rank not in RANKINGS:
        raise InputError([Problem("rank", f"must be one of {', '.join(RANKINGS)}")])
    sm = served_model(spec, workload.precision, workload.cache_precision,
                      workload.options.mla_compressed_kv)
    machine = Machine(accelerator, fabric, peak_flops(accelerator, workload.precision))
    rejected: Counter[str] = Counter()
    rows = apply_rules(_layouts(sm, workload, fabric.ranks),
                       _layout_rules(sm, workload, fabric.ranks), rejected)
    rows = _with_batches(sm, rows, workload, accelerator)
    evaluated = rows["tp"].size
    least = float(np.min(rows["weights"] + rows["fixed"])) if evaluated else None
    rows = apply_rules(rows, _memory_rules(workload), rejected)
    rows = _timed(sm, machine, rows, workload)
    rows = apply_rules(rows, _target_rules(workload), rejected)
    if not rows["tp"].size:
        raise InfeasibleConfig(_nothing_serves(spec, accelerator, fabric.ranks, rejected,
                                               least, workload.options.usable_memory))
    order = _ranked(rows, price, rank)[:top]
    return ServingSearch(tuple(_estimate(sm, rows, int(i), workload, machine, price)
                               for i in order), evaluated, rows["tp"].size,
                         dict(rejected.most_common()))


def serving_estimate(spec: ModelSpec, accelerator: AcceleratorSpec, fabric: Fabric,
                     workload: ServingWorkload, price: Price | None = None,
                     rank: str = "throughput") -> ServingEstimate:
    """The best configuration (see :func:`serving_search`)."""
    return serving_search(spec, accelerator, fabric, workload, price, 1, rank).top[0]


def _layouts(sm: ServedModel, workload: ServingWorkload, gpus: int) -> Columns:
    m, fixed = sm.m, workload.parallelism
    powers = _powers_of_two(gpus)
    tp = [fixed.tp] if fixed.tp else _upto(gpus, powers, _divisors(m.heads))
    pp = [fixed.pp] if fixed.pp else _upto(min(gpus, m.layers), powers, _divisors(m.layers))
    ep = [fixed.ep] if fixed.ep else _upto(gpus, powers, _divisors(m.experts)) \
        if m.experts else [1]
    mesh = np.meshgrid(tp, pp, ep, indexing="ij")
    rows = {name: axis.ravel().astype(np.int64)
            for name, axis in zip(("tp", "pp", "ep"), mesh, strict=True)}
    size = rows["tp"] * rows["pp"] * rows["ep"]
    rows["replicas"] = np.full_like(size, fixed.replicas) if fixed.replicas else gpus // size
    return rows


def _layout_rules(sm: ServedModel, workload: ServingWorkload, gpus: int) -> tuple[Rule, ...]:
    m = sm.m
    rules = [
        Rule(f"tp must divide the {m.heads} attention heads", lambda c: m.heads % c["tp"] != 0),
        Rule(f"tp and the {m.kv_heads} key-value heads must divide one another",
             lambda c: (m.kv_heads % c["tp"] != 0) & (c["tp"] % m.kv_heads != 0)),
        Rule(f"pp must not exceed the {m.layers} layers", lambda c: c["pp"] > m.layers),
        Rule("ep needs experts to spread" if not m.experts else
             f"ep must divide the {m.experts} experts",
             lambda c: (c["ep"] > 1) & ((m.experts == 0) | (m.experts % c["ep"] != 0))),
        Rule(f"tp x pp x ep x replicas must not exceed the {gpus} GPUs",
             lambda c: (c["replicas"] < 1)
             | (c["tp"] * c["pp"] * c["ep"] * c["replicas"] > gpus)),
    ]
    if workload.options.disaggregated:
        rules.append(Rule("disaggregated prefill and decode need two replicas",
                          lambda c: c["replicas"] < 2))
    return tuple(rules)


def _with_batches(sm: ServedModel, rows: Columns, workload: ServingWorkload,
                  accelerator: AcceleratorSpec) -> Columns:
    """Each layout once per batch it is tried at, with its memory figures."""
    layout = Layout(rows["tp"], rows["pp"], rows["ep"])
    memory = serving_memory(sm, layout, workload, accelerator.memory_bytes)
    rows = {**rows, "max_batch": memory.max_batch, "weights": memory.weights,
            "fixed": memory.fixed, "per_sequence": memory.per_sequence,
            "kv_per_sequence": memory.kv_per_sequence}
    if workload.scenario == "interactive" and workload.concurrency:
        rows["batch"] = -(-workload.concurrency // rows["replicas"])
        return rows
    if workload.batch:
        rows["batch"] = np.full_like(rows["tp"], workload.batch)
        return rows
    options = np.asarray(_powers_of_two(LARGEST_BATCH))
    n = rows["tp"].size
    index = np.concatenate([np.repeat(np.arange(n), options.size), np.arange(n)])
    batch = np.concatenate([np.tile(options, n), rows["max_batch"]])
    extra = np.arange(batch.size) >= n * options.size
    keep = ~extra | ((batch >= 1) & ~np.isin(batch, options))
    out = {name: values[index][keep] for name, values in rows.items()}
    out["batch"] = batch[keep]
    return out


def _memory_rules(workload: ServingWorkload) -> tuple[Rule, ...]:
    budget = workload.options.max_batch_tokens
    rules = [
        Rule("the weights and runtime buffers do not fit in a GPU's memory",
             lambda c: c["max_batch"] < 1),
        Rule("the KV cache of the batch does not fit in memory",
             lambda c: c["batch"] > c["max_batch"]),
    ]
    if workload.options.batching == "continuous" and not workload.options.disaggregated:
        rules.append(Rule(f"the batch must leave room for prompts in the {budget}-token "
                          "budget of an iteration", lambda c: c["batch"] >= budget))
    return tuple(rules)


def _timed(sm: ServedModel, machine: Machine, rows: Columns,
           workload: ServingWorkload) -> Columns:
    """Throughput and latencies of every row under the workload's scenario."""
    batch = rows["batch"].astype(float)
    figures = replica_figures(sm, machine, Layout(rows["tp"], rows["pp"], rows["ep"]), batch,
                              workload)
    replicas = rows["replicas"]
    rate = figures.requests_per_s * replicas
    load = np.ones(batch.shape)
    wait = p99 = np.zeros(batch.shape)
    options = workload.options
    if workload.scenario == "interactive" and workload.concurrency:
        load = workload.concurrency / (replicas * batch)
    elif workload.scenario == "server":
        target = (workload.ttft_ms if workload.ttft_ms is not None
                  else options.server_ttft_ms) / 1e3
        mu, cv2 = figures.requests_per_s, options.service_cv2
        load = max_load(target - figures.ttft_s, mu, batch, cv2)
        wait = mean_wait(load, mu, batch, cv2)
        p99 = p99_wait(load, mu, batch, cv2)
    step = figures.step
    capped = (rows["batch"] >= rows["max_batch"]) & (workload.batch is None) & \
        (workload.scenario != "interactive")
    return {**rows, "requests_per_s": rate * load, "load": load,
            "ttft_s": figures.ttft_s + wait, "ttft_p99_s": figures.ttft_s + p99,
            "tpot_s": figures.tpot_s, "step_s": step.seconds, "compute_s": step.compute,
            "memory_s": step.memory, "comm_s": step.communication,
            "bottleneck": np.where(capped, "memory capacity", step.bottleneck)}


def _target_rules(workload: ServingWorkload) -> tuple[Rule, ...]:
    options = workload.options
    ttft, tpot = workload.ttft_ms, workload.tpot_ms
    if workload.scenario == "server":
        ttft = options.server_ttft_ms if ttft is None else ttft
        tpot = options.server_tpot_ms if tpot is None else tpot
    rules = []
    if workload.scenario == "server":
        rules.append(Rule(f"p99 TTFT over the {ttft:g} ms target at any load",
                          lambda c: c["load"] <= 0.0))
    elif ttft is not None:
        rules.append(Rule(f"TTFT over the {ttft:g} ms target",
                          lambda c: c["ttft_s"] * 1e3 > ttft))
    if tpot is not None:
        rules.append(Rule(f"TPOT over the {tpot:g} ms target",
                          lambda c: c["tpot_s"] * 1e3 > tpot))
    return tuple(rules)


def _gpus(rows: Columns) -> np.ndarray:
    return rows["tp"] * rows["pp"] * rows["ep"] * rows["replicas"]


def _ranked(rows: Columns, price: Price | None, rank: str) -> np.ndarray:
    """Row indices best first: by the ranking in steps of ``TIE``, then the simpler."""
    per_gpu = rows["requests_per_s"] / _gpus(rows)
    value = 1.0 / per_gpu if rank == "throughput" or price is None else \
        price.per_gpu_hour * _gpus(rows) / rows["requests_per_s"]
    step = np.floor(np.log(value / value.min()) / np.log1p(TIE))
    return np.lexsort((rows["batch"], rows["tp"] * rows["pp"] * rows["ep"], -_gpus(rows), step))


def _estimate(sm: ServedModel, rows: Columns, i: int, workload: ServingWorkload,
              machine: Machine, price: Price | None) -> ServingEstimate:
    inp, out = workload.input_tokens, workload.output_tokens
    requests = float(rows["requests_per_s"][i])
    gpus = int(_gpus(rows)[i])
    batch = int(rows["batch"][i])
    kv = batch * float(rows["kv_per_sequence"][i])
    memory = float(rows["weights"][i] + rows["fixed"][i] + batch * rows["per_sequence"][i])
    return ServingEstimate(
        output_tokens_per_s=requests * out, input_tokens_per_s=requests * inp,
        requests_per_s=requests, ttft_ms=float(rows["ttft_s"][i]) * 1e3,
        tpot_ms=float(rows["tpot_s"][i]) * 1e3,
        per_gpu_output_tokens_per_s=requests * out / gpus, batch_per_replica=batch,
        parallelism=ServingLayout(*(int(rows[k][i]) for k in ("tp", "pp", "ep", "replicas"))),
        memory_per_gpu_gib=memory / GIB, kv_cache_gib=kv / GIB,
        max_batch_by_memory=int(rows["max_batch"][i]), fits_in_memory=True,
        bottleneck=str(rows["bottleneck"][i]),
        cost_per_million_output_tokens=cost_per_million_tokens(price, gpus, requests * out)
        if price else None,
        cost_per_request=cost_per_request(price, gpus, requests) if price else None,
        currency=price.currency if price else None,
        ttft_p99_ms=float(rows["ttft_p99_s"][i]) * 1e3, load=float(rows["load"][i]),
        step_ms=StepParts(*(float(rows[k][i]) * 1e3
                            for k in ("step_s", "compute_s", "memory_s", "comm_s"))),
        weights_gib=float(rows["weights"][i]) / GIB,
        memory_capacity_gib=machine.accelerator.memory_bytes * workload.options.usable_memory
        / GIB,
        gpus=gpus, gpus_available=machine.fabric.ranks, model=sm.m.name,
        accelerator=machine.accelerator.id, scenario=workload.scenario,
        precision=workload.precision, kv_precision=workload.cache_precision,
        input_tokens=inp, output_tokens=out,
        cost_per_gpu_hour=price.per_gpu_hour if price else None,
        cost_basis=price.basis if price else None)


def _nothing_serves(spec: ModelSpec, accelerator: AcceleratorSpec, gpus: int,
                    rejected: Counter[str], least: float | None, usable: float) -> str:
    """Why nothing can serve: each reason with its count, and the closest fit."""
    reasons = "; ".join(f"{reason} ({count:,})" for reason, count in rejected.most_common())
    message = f"no configuration of {spec.id} can serve on {gpus:,} x {accelerator.id}: " \
              f"{reasons or 'no layout to try'}"
    if least is not None:
        message += f"; the lightest layout needs {least / GIB:.1f} GiB per GPU before " \
                   f"any KV cache, the engine may use {accelerator.memory_bytes * usable / GIB:.1f}"
    return message
