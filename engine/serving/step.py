"""Time of one serving iteration: a roofline per kernel class, plus communication.

An iteration of a replica runs its decode tokens (one per sequence) and its
prompt tokens through the model once. Following the roofline of LLM-Viewer
(Yuan et al. 2024, "LLM Inference Unveiled", arXiv:2402.16363), each part
takes the longer of its compute and its memory traffic on one GPU:

- **GEMMs**: ``2 x tokens x weights`` FLOPs against the weights read once
  per iteration plus their inputs and outputs. Compute runs on the
  training engine's efficiency curve (:func:`~engine.training.efficiency.gemm_seconds`,
  large GEMMs at ``GEMM_EFFICIENCY`` of the precision's peak, a fixed cost per
  GEMM), and a GEMM of fewer rows than a tile still pays the whole tile
  (:func:`~engine.training.efficiency.tile_fraction`). A MoE layer reads only
  the experts some token is routed to: with ``T`` tokens each choosing
  ``k`` of ``E`` experts evenly, a given expert is reached with probability
  ``1 - (1 - k/E)^T`` (``k`` experts at one token, all of them for large
  batches).
- **Attention**: the KV cache each decoding sequence reads (its whole
  context) and every new token's K and V written, against
  ``2 x context x (score + value widths)`` FLOPs per token and layer. A
  prompt chunk's attention reads its K and V through on-chip tiles
  (FlashAttention), so prompts count as compute there.

Memory traffic moves at ``MEMORY_EFFICIENCY`` of the HBM bandwidth
(:func:`~engine.training.efficiency.memory_seconds`). Communication is not
overlapped: per layer two TP all-reduces of the tokens' activations
(Megatron's layout, Shoeybi et al. 2019) over ``tp`` adjacent ranks; per
MoE layer an all-to-all to dispatch each token's ``top_k`` copies and one to
combine them over the ``ep`` ranks (stride ``tp``); between pipeline stages
one send of the activations. Every collective is timed on the design's own
fabric (:mod:`engine.collectives`).

Pipeline parallelism splits the batch into ``pp`` micro-batches that follow
each other through the stages, so an iteration takes ``pp`` stage times of
the fullest stage (the last: it also runs the output layer). Expert
parallelism runs attention data-parallel over the ``ep`` ranks, each with
``1/ep`` of the tokens. A fixed overhead is added per iteration.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.catalog import AcceleratorSpec
from engine.fabric import Fabric
from engine.serving.model import ACTIVATION_BYTES, ServedModel
from engine.training.comm import collective_seconds, send_seconds
from engine.training.efficiency import gemm_seconds, memory_seconds, tile_fraction
from engine.training.model import CORE_GEMMS, FFN_GEMMS, layers_per_stage

BOTTLENECKS = ("compute", "memory bandwidth", "communication")


@dataclass(frozen=True)
class Layout:
    """How each configuration splits a replica (aligned integer arrays)."""

    tp: np.ndarray
    pp: np.ndarray
    ep: np.ndarray


@dataclass(frozen=True)
class Iteration:
    """What one iteration of a replica holds (arrays over configurations)."""

    decode: np.ndarray           # sequences decoding one token each
    context: np.ndarray          # mean tokens a decoding sequence attends to
    prefill: np.ndarray          # prompt tokens
    prompt_context: np.ndarray   # mean tokens a prompt token attends to (causal)
    outputs: np.ndarray          # tokens whose logits are computed


@dataclass(frozen=True)
class Machine:
    """One replica's hardware: the accelerator, its peak in the math precision, the fabric."""

    accelerator: AcceleratorSpec
    fabric: Fabric
    peak_flops: float


@dataclass(frozen=True)
class StepTime:
    """Seconds of one iteration and the parts that bound it (arrays)."""

    seconds: np.ndarray
    compute: np.ndarray         # parts bound by compute
    memory: np.ndarray          # parts bound by HBM traffic
    communication: np.ndarray
    weight_bytes: np.ndarray    # weights read per GPU per iteration

    @property
    def bottleneck(self) -> np.ndarray:
        """Which of :data:`BOTTLENECKS` takes the most time, per configuration."""
        parts = np.stack([self.compute, self.memory, self.communication])
        return np.asarray(BOTTLENECKS, dtype=object)[np.argmax(parts, axis=0)]


def experts_reached(sm: ServedModel, tokens: np.ndarray) -> np.ndarray:
    """Share of a layer's routed experts at least one of ``tokens`` tokens is sent to."""
    m = sm.m
    if not m.experts:
        return np.zeros_like(np.asarray(tokens, dtype=float))
    return 1.0 - (1.0 - m.top_k / m.experts) ** np.asarray(tokens, dtype=float)


def step_time(sm: ServedModel, machine: Machine, layout: Layout, it: Iteration,
              overhead_s: float) -> StepTime:
    """The time of iteration ``it`` under each configuration of ``layout``."""
    m, tp, pp, ep = sm.m, layout.tp, layout.pp, layout.ep
    peak, bandwidth = machine.peak_flops, machine.accelerator.memory_bw_Bps
    layers = layers_per_stage(m, pp)
    moe = layers * m.moe_layers / m.layers
    dense = layers - moe
    tokens = (it.decode + it.prefill) / pp            # a micro-batch of the replica
    local = tokens / ep                               # its share on one attention group
    outputs = it.outputs / (pp * ep)

    replicated = layers * m.attention_weights + dense * m.ffn_weights + moe * (
        m.shared_experts * m.expert_weights + m.router_weights)
    reached = experts_reached(sm, tokens)
    experts_here = m.experts / ep * reached
    per_expert = tokens * m.top_k / np.maximum(m.experts * reached, 1.0)
    gemm_flops = (2 * local * replicated / tile_fraction(np.maximum(local, 1.0))
                  + 2 * tokens * m.top_k / ep * moe * m.expert_weights
                  / tile_fraction(np.maximum(per_expert, 1.0))
                  + 2 * outputs * m.hidden * m.vocab / tile_fraction(np.maximum(outputs, 1.0))
                  ) / tp
    gemms = layers * m.attention_gemms + dense * FFN_GEMMS \
        + moe * (experts_here * FFN_GEMMS + 1) + 1
    weights = sm.weight_bytes * (replicated + moe * experts_here * m.expert_weights
                                 + m.hidden * m.vocab) / tp
    activations = ACTIVATION_BYTES * local * layers * sm.activation_width / tp
    gemm_compute = gemm_seconds(gemm_flops, gemms, peak)
    gemm_memory = memory_seconds(weights + activations, bandwidth)

    kv = layers * sm.kv_bytes_per_token_layer(tp) * (it.decode * it.context / (pp * ep) + local)
    attention_flops = layers * 2 * (m.score_width + m.value_width) / tp * (
        it.decode * it.context + it.prefill * it.prompt_context) / (pp * ep)
    attention_compute = gemm_seconds(attention_flops, layers * CORE_GEMMS, peak)
    attention_memory = memory_seconds(kv, bandwidth)

    message = ACTIVATION_BYTES * local * m.hidden
    fabric = machine.fabric
    comm = 2 * layers * collective_seconds(fabric, "all_reduce", message, tp, 1) \
        + 2 * moe * collective_seconds(fabric, "all_to_all", message * m.top_k, ep, tp) \
        + send_seconds(fabric, message / tp, np.where(pp > 1, tp * ep, 0))

    compute = np.where(gemm_compute >= gemm_memory, gemm_compute, 0.0) + \
        np.where(attention_compute >= attention_memory, attention_compute, 0.0)
    memory = np.where(gemm_compute < gemm_memory, gemm_memory, 0.0) + \
        np.where(attention_compute < attention_memory, attention_memory, 0.0)
    return StepTime(pp * (compute + memory + comm) + overhead_s, pp * compute, pp * memory,
                    pp * comm, pp * weights)
