"""How a replica batches requests: throughput, time to first token, time per output token.

Requests have ``I`` prompt tokens and ``O`` output tokens (the first comes
out of the prefill, the other ``O - 1`` from decode iterations); an
iteration holds at most ``max_batch_tokens`` tokens.

- **Continuous batching with chunked prefill** (Orca, Yu et al. 2022;
  Sarathi-Serve, Agrawal et al. 2024): ``B`` sequences share every
  iteration, and prompts enter in chunks beside the decodes. In the steady
  state the replica finishes ``B`` requests in a cycle that processes
  ``B(I + O - 1)`` tokens in ``n = max(O - 1, B(I + O - 1)/budget)``
  iterations (each sequence gains one token an iteration; no iteration holds
  more than the budget). Each iteration carries ``B(O - 1)/n`` decodes at a
  mean context of ``I + O/2`` and the rest in prompt chunks. TPOT is the
  cycle over ``O - 1``; a new prompt takes ``ceil(I / (budget - B))``
  iterations beside ``B`` decodes to its first token.
- **Static batching**: the ``B`` prompts are prefilled in
  ``ceil(BI / budget)`` iterations, then ``O - 1`` decode iterations run the
  batch to the end; on average a request's first token comes halfway through
  the prefills.
- **Disaggregated** (DistServe, Zhong et al. 2024; Splitwise, Patel et al.
  2024): prefill replicas run prompts only, as many as fit the budget per
  iteration, and pass each request's KV cache over the network to a decode
  replica, which runs ``B`` decodes an iteration. Replicas are split
  between the two pools in the proportion that balances their rates, so one
  replica delivers ``1 / (1/prefill rate + 1/decode rate)`` requests a
  second; TTFT is one prompt alone plus the KV transfer, TPOT a pure decode
  iteration.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.serving.model import ServedModel
from engine.serving.step import Iteration, Layout, Machine, StepTime, step_time
from engine.serving.workload import ServingWorkload
from engine.training.comm import send_seconds
from engine.training.model import layers_per_stage


@dataclass(frozen=True)
class ReplicaFigures:
    """One replica at batch ``B`` (arrays over configurations)."""

    requests_per_s: np.ndarray
    ttft_s: np.ndarray          # from admission, nobody queueing ahead
    tpot_s: np.ndarray
    step: StepTime              # the iteration that sets the pace


def replica_figures(sm: ServedModel, machine: Machine, layout: Layout, batch: np.ndarray,
                    workload: ServingWorkload) -> ReplicaFigures:
    """Serve ``workload``'s requests ``batch`` at a time under each configuration."""
    options = workload.options
    if options.disaggregated:
        return _disaggregated(sm, machine, layout, batch, workload)
    if options.batching == "static":
        return _static(sm, machine, layout, batch, workload)
    return _continuous(sm, machine, layout, batch, workload)


def _iteration(decode: np.ndarray, context: float, prefill: np.ndarray, prompt: float,
               outputs: np.ndarray) -> Iteration:
    decode, prefill, outputs = np.broadcast_arrays(np.asarray(decode, dtype=float),
                                                   np.asarray(prefill, dtype=float),
                                                   np.asarray(outputs, dtype=float))
    return Iteration(decode, np.full(decode.shape, float(context)), prefill,
                     np.full(decode.shape, prompt / 2), outputs)


def _continuous(sm: ServedModel, machine: Machine, layout: Layout, batch: np.ndarray,
                workload: ServingWorkload) -> ReplicaFigures:
    inp, out = workload.input_tokens, workload.output_tokens
    options = workload.options
    budget, overhead = options.max_batch_tokens, options.step_overhead_ms / 1e3
    work = batch * (inp + out - 1)
    n = np.maximum.reduce([np.full(batch.shape, out - 1.0), work / budget,
                           np.ones(batch.shape)])
    decode = batch * (out - 1) / n
    steady = step_time(sm, machine, layout, _iteration(
        decode, inp + out / 2, work / n - decode, inp, decode + batch / n), overhead)
    cycle = n * steady.seconds
    chunk = np.clip(budget - batch, 1, inp)
    first = step_time(sm, machine, layout, _iteration(
        batch, inp + out / 2, chunk, inp, batch + 1), overhead)
    return ReplicaFigures(batch / cycle, np.ceil(inp / chunk) * first.seconds,
                          cycle / (out - 1) if out > 1 else np.zeros(batch.shape),
                          steady)


def _static(sm: ServedModel, machine: Machine, layout: Layout, batch: np.ndarray,
            workload: ServingWorkload) -> ReplicaFigures:
    inp, out = workload.input_tokens, workload.output_tokens
    options = workload.options
    overhead = options.step_overhead_ms / 1e3
    k = np.ceil(batch * inp / options.max_batch_tokens)
    prefill = k * step_time(sm, machine, layout, _iteration(
        np.zeros(batch.shape), 0.0, batch * inp / k, inp, batch / k), overhead).seconds
    decode = step_time(sm, machine, layout, _iteration(
        batch, inp + out / 2, np.zeros(batch.shape), inp, batch), overhead)
    cycle = prefill + (out - 1) * decode.seconds
    return ReplicaFigures(batch / cycle, prefill * (k + 1) / (2 * k), decode.seconds, decode)


def _disaggregated(sm: ServedModel, machine: Machine, layout: Layout, batch: np.ndarray,
                   workload: ServingWorkload) -> ReplicaFigures:
    inp, out = workload.input_tokens, workload.output_tokens
    options = workload.options
    budget, overhead = options.max_batch_tokens, options.step_overhead_ms / 1e3
    none = np.zeros(batch.shape)
    prompts = max(1, budget // inp)
    chunk = min(inp, budget)
    full = step_time(sm, machine, layout, _iteration(none, 0.0, none + prompts * inp, inp,
                                                     none + prompts), overhead)
    alone = step_time(sm, machine, layout, _iteration(none, 0.0, none + chunk, inp,
                                                      none + 1), overhead)
    decode = step_time(sm, machine, layout, _iteration(batch, inp + out / 2, none, inp,
                                                       batch), overhead)
    replica = layout.tp * layout.pp * layout.ep
    cache = inp * layers_per_stage(sm.m, layout.pp) * sm.kv_bytes_per_token_layer(layout.tp)
    transfer = send_seconds(machine.fabric, cache, replica)
    prefill_seconds = np.ceil(inp / chunk) * full.seconds / prompts
    decode_seconds = (out - 1) * decode.seconds / batch
    return ReplicaFigures(1.0 / (prefill_seconds + decode_seconds),
                          np.ceil(inp / chunk) * alone.seconds + transfer, decode.seconds,
                          decode)
