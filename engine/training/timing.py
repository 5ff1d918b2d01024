"""Time of one training iteration, part by part, for every configuration of a grid.

One micro-batch on the slowest pipeline stage (the last, which also runs the
output layer, unless uneven stages left it lighter) takes its compute plus
the communication nothing hides. A pipeline of ``p`` stages with ``v``
virtual stages each runs ``m`` micro-batches in ``(m + (p-1)/v)`` such
steps: 1F1B and the interleaved schedule, bubble ``(p-1)/(m v)`` of the
useful time (Narayanan et al. 2021, Sec. 2.2). The data-parallel reduction
and the optimizer step follow.

Per layer and micro-batch:

- **compute**: the forward pass's GEMMs and memory-bound kernels
  (:mod:`~engine.training.efficiency`); the backward pass costs twice the
  forward (eq. 3); full recomputation runs the forward again, selective
  recomputation the attention scores (Korthikanti et al. 2022). FP8 GEMMs
  need their inputs quantized first, a pass through HBM that reads each
  16-bit input and writes it in FP8 (DeepSeek-V3, arXiv:2412.19437 Sec.
  3.5.2: activations are read, quantized and written back, then read again
  for the GEMM; the backward pass re-tiles them and quantizes the
  gradients).
- **tensor parallelism**: two all-reduces forward and two backward (and two
  more when the forward is recomputed), or an all-gather plus a
  reduce-scatter for each with sequence parallelism (Korthikanti et al. 2022,
  Sec. 4.2.2), of ``b s h`` 16-bit values over ``tp`` adjacent ranks: inside
  the scale-up domain when ``tp`` fits in it, across the network when not.
- **context parallelism**: ring attention passes every K and V chunk round
  the ``cp`` ranks (one all-gather forward, an all-gather and a
  reduce-scatter of the gradients backward), overlapped with the attention
  it feeds (Megatron-Core's context parallelism; Liu et al. 2023, ring
  attention, arXiv:2310.01889).
- **expert parallelism**: an all-to-all to dispatch each token's ``top_k``
  copies and one to combine them, forward and backward (Lepikhin et al.
  2020, GShard, arXiv:2006.16668), over ``ep`` ranks stride ``tp``.
- **pipeline**: each of the ``v`` chunks sends its output forward and its
  input gradient back to the stage ``tp x cp x dp`` ranks away; each TP rank
  sends ``1/tp`` of it and, without sequence parallelism, the receivers
  all-gather it over the scale-up fabric (Narayanan et al. 2021, Sec. 4.1,
  scatter/gather).

Per iteration, the gradients of a stage are all-reduced over the ``dp x cp``
ranks that hold the same weights (stride ``tp``; routed experts over
``dp x cp / ep``, stride ``tp x ep``), or reduce-scattered and all-gathered
under ZeRO: ZeRO-1 once per iteration, ZeRO-2 reduces every micro-batch,
ZeRO-3 also gathers the weights for every forward and backward pass
(Rajbhandari et al. 2020). With ``overlap_dp_comm`` a reduction hides behind
the backward pass of the micro-batch that produced it and a gather behind a
forward pass; what is longer than that pass is exposed. The optimizer step
streams the optimizer states through HBM.

Hidden communication takes SMs from the compute it hides behind, one of two
ways: NCCL's kernels hold SMs only while they run, charged as
``overlap_contention`` of the hidden time; or kernels that hold
``reserved_comm_sms`` SMs for the whole step (DeepSeek-V3's dispatch and
combine, arXiv:2412.19437 Sec. 3.2.2) leave every kernel the rest, at
``(SMs - reserved) / SMs`` of the peak, and then cost nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.fabric import Fabric
from engine.training.comm import collective_seconds, send_seconds
from engine.training.efficiency import (
    elementwise_seconds,
    gemm_seconds,
    large_gemm_efficiency,
    memory_seconds,
    tile_fraction,
)
from engine.training.grid import Grid, tokens_per_gpu
from engine.training.job import Job
from engine.training.memory import (
    ACTIVATION_BYTES,
    FP8_BYTES,
    FULL,
    GRADIENT_BYTES,
    LOGIT_BYTES,
    SELECTIVE,
    LayerActivations,
    layer_activations,
    sharded_parameters,
    stage_parameters,
)
from engine.training.model import (
    CORE_GEMMS,
    FFN_GEMMS,
    Transformer,
    attention_core_flops,
    layers_per_stage,
    stage_layers,
)

# Adam reads the fp32 weights, momentum, variance and the 16-bit gradient, and writes
# the three states and the 16-bit weights: 2 x (3 x 4 + 2) bytes per parameter.
OPTIMIZER_TRAFFIC_BYTES = 28


@dataclass(frozen=True)
class Breakdown:
    """Seconds per iteration (arrays over configurations).

    ``compute`` and ``bubble`` are the pipeline's busy and idle time,
    ``*_comm`` the full duration of each kind of communication (hidden or
    not), ``*_exposed`` the part of each the iteration pays for (what nothing
    hides, plus the contention share of what is hidden), and ``exposed_comm``
    their sum.
    """

    compute: np.ndarray
    bubble: np.ndarray
    tp_comm: np.ndarray
    pp_comm: np.ndarray
    dp_comm: np.ndarray
    cp_comm: np.ndarray
    ep_comm: np.ndarray
    optimizer: np.ndarray
    exposed_comm: np.ndarray
    tp_exposed: np.ndarray
    pp_exposed: np.ndarray
    dp_exposed: np.ndarray
    cp_exposed: np.ndarray
    ep_exposed: np.ndarray

    @property
    def iteration(self) -> np.ndarray:
        return self.compute + self.bubble + self.exposed_comm + self.optimizer


@dataclass(frozen=True)
class LayerCompute:
    """Seconds of one average layer's forward pass for one micro-batch."""

    forward: np.ndarray
    gemms: np.ndarray      # the forward's GEMMs alone
    scores: np.ndarray     # the attention scores' share (GEMMs and softmax)

    def total(self, recompute: np.ndarray) -> np.ndarray:
        """Forward, backward (twice the forward) and what recomputation repeats."""
        again = np.where(recompute == FULL, self.forward,
                         np.where(recompute == SELECTIVE, self.scores, 0.0))
        return 3 * self.forward + again


def layer_compute(m: Transformer, grid: Grid, acts: LayerActivations, peak: float,
                  efficiency: float, attention_peak: float, attention_efficiency: float,
                  bandwidth: float, quantized: bool = False) -> LayerCompute:
    """Forward time of an average layer: its GEMMs and its memory-bound kernels, with
    ``quantized`` (FP8 GEMMs) the casts of the GEMMs' inputs among them.

    Context parallelism runs the attention as ``cp`` ring steps over chunks
    of ``s / 2cp`` queries (load-balanced halves), each step its own kernels.
    """
    tokens = tokens_per_gpu(m, grid)
    chunk = np.where(grid.cp > 1, m.seq_len / (2 * grid.cp), m.seq_len)
    score_flops = tokens * attention_core_flops(m) / grid.tp / tile_fraction(chunk)
    score_gemms = gemm_seconds(score_flops, CORE_GEMMS * grid.cp, attention_peak,
                               attention_efficiency)
    experts_here = m.experts / grid.ep + m.shared_experts
    ffn_gemms = (m.dense_layers * FFN_GEMMS
                 + m.moe_layers * (experts_here * FFN_GEMMS + 1)) / m.layers
    weight_flops = 2 * tokens * (m.attention_weights + m.mean_active_ffn_weights) / grid.tp
    gemms = gemm_seconds(weight_flops, m.attention_gemms + ffn_gemms, peak,
                         efficiency) + score_gemms
    scores = score_gemms + elementwise_seconds(acts.scores, bandwidth)
    casts = memory_seconds((ACTIVATION_BYTES + FP8_BYTES) * tokens * m.mean_gemm_input_width
                           / grid.tp, bandwidth) if quantized else 0.0
    return LayerCompute(gemms + elementwise_seconds(acts.all, bandwidth) + casts, gemms,
                        scores)


def iteration_time(job: Job, grid: Grid) -> Breakdown:
    """Every part of an iteration's time for every configuration of ``grid``."""
    m, workload, machine = job.model, job.workload, job.machine
    options, fabric = workload.options, machine.fabric
    share = machine.compute_share(options.reserved_comm_sms)
    peak = share * machine.peak_flops(workload.precision)
    # FP8 recipes run the attention core and the output layer in 16 bits (DeepSeek-V3,
    # arXiv:2412.19437 Sec. 3.3; Transformer Engine's FP8 covers the linear layers only).
    wide_precision = "bf16" if workload.precision == "fp8" else workload.precision
    wide = share * machine.peak_flops(wide_precision)
    part = machine.accelerator.id
    efficiency = large_gemm_efficiency(workload.precision, part, options.fp8_kernels)
    wide_efficiency = large_gemm_efficiency(wide_precision, part)
    bandwidth = machine.accelerator.memory_bw_Bps
    full = grid.recompute == FULL
    layer = layer_compute(m, grid, layer_activations(m, grid, options, workload.precision),
                          peak, efficiency, wide, wide_efficiency, bandwidth,
                          workload.precision == "fp8")
    head = _output_layer(m, grid, peak, efficiency, wide, wide_efficiency, bandwidth)
    per_layer = layer.total(grid.recompute)

    activation = ACTIVATION_BYTES * tokens_per_gpu(m, grid) * m.hidden
    gathered = collective_seconds(fabric, "all_gather", activation, grid.tp, 1)
    tp_layer = _tensor_parallel(fabric, grid, activation, gathered, full)
    contention = 0.0 if options.reserved_comm_sms else options.overlap_contention
    tp_exposed = _exposed(tp_layer, (3 + full) * layer.gemms, contention) \
        if options.overlap_tp_comm else tp_layer
    cp_layer = _context_parallel(m, fabric, grid, full)
    cp_exposed = _exposed(cp_layer, (3 + full) * layer.scores, contention)
    ep_layer = _expert_parallel(m, fabric, grid, full, workload.precision)
    dualpipe = options.dualpipe
    ep_exposed = _exposed(ep_layer, per_layer, contention) if dualpipe else ep_layer
    layers, head = _slowest_stage(m, grid, per_layer + tp_exposed + cp_exposed
                                  + ep_exposed * m.moe_layers / m.layers, head, dualpipe)
    busy = layers * per_layer + head
    pp_mb = _pipeline_sends(fabric, grid, activation, gathered)
    pp_exposed = _exposed(pp_mb, busy, contention) \
        if options.overlap_p2p_comm or dualpipe else pp_mb

    moe_layers = layers * m.moe_layers / m.layers
    exposed_mb = layers * (tp_exposed + cp_exposed) + moe_layers * ep_exposed + pp_exposed
    micro_batches = workload.global_batch // (grid.dp * grid.micro_batch)
    forward = layers * layer.forward + head / 3
    dp_total, dp_exposed = _data_parallel(m, grid, fabric, micro_batches, full,
                                          forward, busy - forward,
                                          contention if options.overlap_dp_comm else None)
    optimizer = memory_seconds(OPTIMIZER_TRAFFIC_BYTES * sharded_parameters(m, grid, 1),
                               bandwidth)
    return Breakdown(
        compute=micro_batches * busy,
        bubble=_bubble_steps(grid, dualpipe, forward, busy) * (busy + exposed_mb),
        tp_comm=micro_batches * layers * tp_layer,
        pp_comm=micro_batches * pp_mb,
        dp_comm=dp_total,
        cp_comm=micro_batches * layers * cp_layer,
        ep_comm=micro_batches * moe_layers * ep_layer,
        optimizer=optimizer,
        exposed_comm=micro_batches * exposed_mb + dp_exposed,
        tp_exposed=micro_batches * layers * tp_exposed,
        pp_exposed=micro_batches * pp_exposed,
        dp_exposed=dp_exposed,
        cp_exposed=micro_batches * layers * cp_exposed,
        ep_exposed=micro_batches * moe_layers * ep_exposed)


def _output_layer(m: Transformer, grid: Grid, peak: float, efficiency: float, wide: float,
                  wide_efficiency: float, bandwidth: float) -> np.ndarray:
    """Seconds per micro-batch of the last stage's work beside its blocks, forward and
    backward (no recomputation): the logits GEMM and fp32 cross-entropy, once more per MTP
    module, and each module's ``2h x h`` projection."""
    tokens = tokens_per_gpu(m, grid)
    logits = tokens * m.vocab / grid.tp
    loss = gemm_seconds(2 * logits * m.hidden, 1, wide, wide_efficiency) \
        + elementwise_seconds(LOGIT_BYTES * logits, bandwidth)
    projection = gemm_seconds(2 * tokens * m.mtp_projection_weights / grid.tp, 1, peak,
                              efficiency)
    return 3 * ((1 + m.mtp_depth) * loss + m.mtp_depth * projection)


def _bubble_steps(grid: Grid, dualpipe: bool, forward: np.ndarray, busy: np.ndarray) -> \
        np.ndarray:
    """The pipeline's idle time in steps of one micro-batch on a stage.

    1F1B and interleaving: ``(p-1)/v`` (Narayanan et al. 2021, Sec. 2.2).
    DualPipe: ``(p/2 - 1)(F&B + B - 3W)`` (DeepSeek-V3, arXiv:2412.19437
    Table 2), where ``F&B`` (a forward and a backward chunk run together)
    takes ``F + B`` and the weight-gradient half ``W`` of the backward pass
    ``B/2``: ``(p/2 - 1)(F + B/2)``, two thirds of a step without
    recomputation.
    """
    if not dualpipe:
        return (grid.pp - 1) / grid.virtual_stages
    backward = busy - forward
    return np.maximum(grid.pp / 2 - 1, 0) * (forward + backward / 2) / busy


def _slowest_stage(m: Transformer, grid: Grid, layer: np.ndarray, head: np.ndarray,
                   dualpipe: bool) -> tuple[np.ndarray, np.ndarray]:
    """(blocks, output-layer seconds) per micro-batch of the rank that takes longest.

    With uneven stages the last holds fewer blocks but also runs the output
    layer; it is the slowest when that outweighs the blocks it gave up. Under
    DualPipe rank ``i`` holds stages ``i`` and ``p-1-i`` and runs each
    micro-batch on one of them (arXiv:2412.19437 Sec. 3.2.1), so a rank takes
    half of its two stages: the first rank half of both ends, the others a
    middle stage's.
    """
    split = stage_layers(m, grid.pp)
    ends, middle = split.last, split.middle
    if dualpipe:
        paired = grid.pp > 1
        ends = np.where(paired, (split.first + split.last) / 2, ends)
        head = np.where(paired, head / 2, head)
        middle = np.where(grid.pp > 2, middle, 0)
    last = ends * layer + head >= middle * layer
    return np.where(last, ends, middle), np.where(last, head, 0.0)


def _exposed(comm: np.ndarray, compute: np.ndarray, contention: float) -> np.ndarray:
    """Communication overlapped with ``compute``: what outlasts it, plus the contention
    share of what it hides (the communication kernels take SMs from the compute)."""
    return np.maximum(0.0, comm - compute) + contention * np.minimum(comm, compute)


def _tensor_parallel(fabric: Fabric, grid: Grid, activation: np.ndarray,
                     gathered: np.ndarray, full: np.ndarray) -> np.ndarray:
    """Seconds per layer and micro-batch: 4 collectives, 6 when the forward is recomputed."""
    reduce = np.where(grid.sequence_parallel,
                      gathered + collective_seconds(fabric, "reduce_scatter", activation,
                                                    grid.tp, 1),
                      collective_seconds(fabric, "all_reduce", activation, grid.tp, 1))
    return (4 + 2 * full) * reduce


def _context_parallel(m: Transformer, fabric: Fabric, grid: Grid, full: np.ndarray) -> \
        np.ndarray:
    """Seconds per layer and micro-batch of passing K and V of the sequence's local heads."""
    kv = ACTIVATION_BYTES * grid.micro_batch * m.seq_len * m.kv_width / grid.tp
    gather = collective_seconds(fabric, "all_gather", kv, grid.cp, grid.tp)
    return (2 + full) * gather + collective_seconds(fabric, "reduce_scatter", kv, grid.cp,
                                                    grid.tp)


def _expert_parallel(m: Transformer, fabric: Fabric, grid: Grid, full: np.ndarray,
                     precision: str) -> np.ndarray:
    """Seconds per MoE layer and micro-batch: dispatch and combine, each pass.

    Node-limited routing (DeepSeek-V3, arXiv:2412.19437 Sec. 2.1.2 and 3.2.2)
    sends a token once to each of at most ``route_nodes`` nodes, which
    forward it to its experts over the scale-up fabric: when the group
    leaves the scale-up domain, the network carries ``min(top_k,
    route_nodes)`` copies instead of ``top_k``. With FP8 the dispatch and
    its mirror in the backward pass move FP8 tokens, the combine stays 16-bit
    (Sec. 3.3.3).
    """
    shard = np.where(grid.sequence_parallel, grid.tp, 1)
    leaves = grid.ep * grid.tp > fabric.tiers[0].fanout
    copies = np.where(leaves & (m.route_nodes > 0), min(m.top_k, m.route_nodes or m.top_k),
                      m.top_k)
    tokens = tokens_per_gpu(m, grid) * copies * m.hidden / shard
    dispatch = FP8_BYTES if precision == "fp8" else ACTIVATION_BYTES
    return (2 + full) * (collective_seconds(fabric, "all_to_all", dispatch * tokens, grid.ep,
                                            grid.tp)
                         + collective_seconds(fabric, "all_to_all", ACTIVATION_BYTES * tokens,
                                              grid.ep, grid.tp))


def _pipeline_sends(fabric: Fabric, grid: Grid, activation: np.ndarray,
                    gathered: np.ndarray) -> np.ndarray:
    """Seconds per micro-batch of a stage's sends, forward and back, per virtual stage.

    Each TP rank sends its ``1/tp`` share; without SP the receivers gather it
    back over the scale-up fabric.
    """
    staged = grid.pp > 1
    distance = np.where(staged, grid.tp * grid.cp * grid.dp, 0)
    send = send_seconds(fabric, activation / grid.tp, distance) + \
        np.where(staged & ~grid.sequence_parallel, gathered, 0.0)
    return 2 * grid.virtual_stages * send


def _data_parallel(m: Transformer, grid: Grid, fabric: Fabric, micro_batches: np.ndarray,
                   full: np.ndarray, forward: np.ndarray, backward: np.ndarray,
                   contention: float | None) -> tuple[np.ndarray, np.ndarray]:
    """(total, exposed) seconds of gradient reduction and ZeRO's gathers per iteration.

    Collectives go layer by layer: FSDP gathers and reduces one transformer
    block at a time, and DDP and Megatron-Core fill buckets of about a layer's
    gradients (25 MB, 40M parameters); each pays its collective's latency.
    ``contention`` is None without overlap, else the share of hidden time still charged.
    """
    dense, experts = stage_parameters(m, grid)
    layers = layers_per_stage(m, grid.pp)
    groups = ((GRADIENT_BYTES * dense / layers, grid.dp * grid.cp, grid.tp),
              (GRADIENT_BYTES * experts / layers, grid.dp * grid.cp // grid.ep,
               grid.tp * grid.ep))

    def op(name: str) -> np.ndarray:
        return layers * sum(collective_seconds(fabric, name, size, ranks, stride)
                            for size, ranks, stride in groups)

    all_reduce, reduce_scatter, all_gather = op("all_reduce"), op("reduce_scatter"), \
        op("all_gather")
    zero = grid.zero
    reduce_once = np.where(zero == 0, all_reduce, np.where(zero == 1, reduce_scatter, 0.0))
    gather_once = np.where((zero == 1) | (zero == 2), all_gather, 0.0)
    reduce_each = np.where(zero >= 2, reduce_scatter, 0.0)
    gather_forward = np.where(zero == 3, all_gather, 0.0)
    gather_backward = gather_forward * (1 + full)
    total = reduce_once + gather_once + micro_batches * (reduce_each + gather_forward
                                                         + gather_backward)
    if contention is None:
        return total, total
    exposed = _exposed(reduce_once, backward, contention) + \
        _exposed(gather_once, forward, contention) + \
        micro_batches * (_exposed(reduce_each + gather_backward, backward, contention)
                         + _exposed(gather_forward, forward, contention))
    return total, exposed
