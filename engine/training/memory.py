"""Memory per GPU: weights, gradients, optimizer states, activations, buffers.

**Model states** follow Rajbhandari et al. 2020 (ZeRO, arXiv:1910.02054,
Sec. 3.1 and 5): mixed-precision Adam keeps 2 bytes of 16-bit weights, 2 of
16-bit gradients and K = 12 of fp32 master weights, momentum and variance
per parameter. ZeRO-1 shards the optimizer states over the data-parallel
group, ZeRO-2 the gradients too, ZeRO-3 the weights too. The group is
``dp x cp`` ranks for dense weights and ``dp x cp / ep`` for routed experts
(each expert lives on one EP rank). A GPU holds ``1/tp`` of its stage's
layers (experts: ``1/(tp x ep)``) and the embedding (first stage) or the
output layer (last stage).

**Activations** follow Korthikanti et al. 2022 (arXiv:2205.05198, Sec. 4):
per layer and micro-batch of ``b`` sequences of ``s`` tokens, a GPT layer
stores ``sbh(34 + 5as/h)`` bytes; tensor parallelism divides all but
``10 sbh`` by ``t``, sequence parallelism divides those too; selective
recomputation drops the ``5as^2b`` attention scores, full recomputation keeps
only the layer input (``2sbh``, divided by ``t`` with sequence parallelism)
plus one layer's activations while that layer is recomputed. Here the terms
come from the model's widths (grouped-query K and V, SwiGLU's three FFN
tensors, ``top_k`` routed copies of each token), dropout masks only when
dropout is used, and a fused attention kernel (FlashAttention) keeps fp32
softmax statistics instead of the scores. With 1F1B the first stage holds
``p`` micro-batches in flight, ``p + (p-1)/v`` with the interleaved schedule
(Korthikanti eq. 5 and Sec. 4.2.3), each later stage fewer (:func:`in_flight`);
the last stage holds the fp32 logits of the loss too (``4sbV/t``, once more
per multi-token-prediction module, whose blocks it also holds). With
uneven stages the first and last hold fewer layers, so the figure is that of
whichever of the first, second and last stages needs most.

**Buffers**: the CUDA context, library workspaces, NCCL buffers and
allocator slack (``FRAMEWORK_BYTES``), and under ZeRO-3 the gathered weights
of the layer in use and the one prefetched.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from engine.design import RECOMPUTE, TrainingOptions
from engine.training.grid import Grid, tokens_per_gpu
from engine.training.model import Transformer, stage_layers

ACTIVATION_BYTES = 2      # 16-bit activations and messages
FP8_BYTES = 1             # GEMM inputs cached (and MoE tokens dispatched) in FP8
WEIGHT_BYTES = 2          # Rajbhandari et al. 2020: 2 psi of fp16/bf16 weights
GRADIENT_BYTES = 2        # ... 2 psi of fp16/bf16 gradients
OPTIMIZER_BYTES = 12      # ... K psi, K = 12: fp32 weights, momentum, variance
LOGIT_BYTES = 4           # fp32 logits for the loss (Korthikanti et al. 2022, Sec. 4.3)
SOFTMAX_STAT_BYTES = 4    # FlashAttention's fp32 log-sum-exp per query and head
FRAMEWORK_BYTES = 3 * 2**30   # CUDA context ~0.5 GiB, cuBLAS/NCCL workspaces, allocator slack
FULL = RECOMPUTE.index("full")
SELECTIVE = RECOMPUTE.index("selective")


@dataclass(frozen=True)
class Memory:
    """Bytes per GPU of the fullest pipeline stage, by kind (arrays over configurations)."""

    weights: np.ndarray
    gradients: np.ndarray
    optimizer: np.ndarray
    activations: np.ndarray
    buffers: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return self.weights + self.gradients + self.optimizer + self.activations + self.buffers

    def take(self, index: np.ndarray) -> Memory:
        return Memory(*(getattr(self, f.name)[index] for f in dataclasses.fields(self)))


@dataclass(frozen=True)
class LayerActivations:
    """Bytes one layer stores for its backward pass, per micro-batch and GPU.

    ``scores``, ``rest`` and ``inputs`` are 16-bit sizes (the memory-bound
    kernels move them); ``saved`` is what FP8 caching and the cheap
    recomputations (norms, MLA up-projections, FFN activation) keep out of
    memory.
    """

    scores: np.ndarray    # attention scores and probabilities: what selective recompute drops
    rest: np.ndarray      # everything else the layer stores without recomputation
    inputs: np.ndarray    # the layer's input: all that full recomputation keeps
    saved: np.ndarray     # bytes of ``rest`` not stored (FP8 caching, cheap recomputation)

    @property
    def all(self) -> np.ndarray:
        return self.scores + self.rest

    def stored(self, recompute: np.ndarray) -> np.ndarray:
        """What stays in memory between a layer's forward and backward passes."""
        return np.where(recompute == FULL, self.inputs,
                        np.where(recompute == SELECTIVE, self.rest, self.all) - self.saved)


def layer_activations(m: Transformer, grid: Grid, options: TrainingOptions,
                      precision: str) -> LayerActivations:
    """Korthikanti et al. 2022's per-layer activations, generalised (module docstring).

    With FP8 GEMMs the inputs of the projections and experts are cached in
    FP8 (DeepSeek-V3, arXiv:2412.19437 Sec. 3.3.3; Transformer Engine keeps
    the FP8 casts it multiplied for the backward pass).
    """
    tokens = tokens_per_gpu(m, grid)
    tp = grid.tp
    shard = np.where(grid.sequence_parallel, tp, 1)
    hidden = tokens * m.hidden
    # Two norm inputs, the QKV input and the FFN input (8 sbh), two 1-byte dropout masks.
    replicated = hidden * (4 * ACTIVATION_BYTES + (2 if options.dropout else 0)) / shard
    widths = m.qkv_width + m.value_width + m.mean_ffn_activation_width
    split = ACTIVATION_BYTES * tokens * widths / tp
    if options.flash_attention:
        scores = SOFTMAX_STAT_BYTES * tokens * m.heads / tp
    else:   # softmax output, and with dropout its mask and output: 5as^2b (2as^2b without)
        scores = (2 + (3 if options.dropout else 0)) * m.heads * m.seq_len * tokens / tp
    cached = FP8_BYTES if precision == "fp8" else ACTIVATION_BYTES
    projection_inputs = 0 if options.recompute_norms else 2 * cached
    saved_replicated = hidden * (2 * ACTIVATION_BYTES - projection_inputs) / shard
    up_proj = options.recompute_mla_up_proj and m.latent_width
    qkv_saved = ACTIVATION_BYTES * (m.qkv_width - m.latent_width) if up_proj else 0
    down = 0 if options.recompute_ffn_activation else cached * m.mean_ffn_down_width
    gemm_inputs = (ACTIVATION_BYTES - cached) * (m.value_width + m.mean_routed_width) + \
        ACTIVATION_BYTES * m.mean_ffn_down_width - down
    return LayerActivations(scores=scores, rest=replicated + split,
                            inputs=ACTIVATION_BYTES * hidden / shard,
                            saved=saved_replicated + tokens * (qkv_saved + gemm_inputs) / tp)


def stage_parameters(m: Transformer, grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """(dense, routed-expert) parameters one GPU of the stage holding the most holds."""
    split = stage_layers(m, grid.pp)
    stages = [_parameters(m, grid, layers, other) for layers, other in
              ((split.first, m.embedding_weights), (split.middle, 0),
               (split.last, _output_weights(m, grid)))]
    heaviest = np.argmax(np.stack([dense + experts for dense, experts in stages]), axis=0)
    return tuple(np.choose(heaviest, [stage[kind] for stage in stages]) for kind in (0, 1))


def _output_embeddings(m: Transformer, grid: Grid) -> np.ndarray:
    """Embedding-sized matrices on the last stage: the output layer (a copy of the input
    embedding when tied, as Megatron-LM keeps on the last stage), and the input
    embedding too when there is one stage."""
    return np.where(grid.pp == 1, 1 if m.tied_embeddings else 2, 1)


def _output_weights(m: Transformer, grid: Grid, shares_first: bool = False) -> np.ndarray:
    """Weights of the last stage beside its blocks: the output embeddings and the MTP
    projections, and, unless it shares a rank with the first stage (DualPipe), a copy of
    the input embedding for the MTP modules, which embed the next tokens (Megatron-Core
    keeps one there; tied, the output layer is it)."""
    copy = (grid.pp > 1) & (m.mtp_depth > 0) & (not m.tied_embeddings) & (not shares_first)
    return (_output_embeddings(m, grid) + copy) * m.embedding_weights \
        + m.mtp_depth * m.mtp_projection_weights


def _parameters(m: Transformer, grid: Grid, layers: np.ndarray,
                other: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
    """(dense, routed-expert) parameters per GPU of a stage of ``layers`` blocks and
    ``other`` weights beside them (embeddings, projections)."""
    per_layer = m.attention_weights + m.mean_replicated_ffn_weights
    dense = (layers * per_layer + other) / grid.tp
    experts = layers * m.expert_weights_total / m.layers / (grid.tp * grid.ep)
    return dense, experts


def _sharded(dense: np.ndarray, experts: np.ndarray, grid: Grid, stage: int) -> np.ndarray:
    """Parameters per GPU of a kind of state that ZeRO stage ``stage`` and above shard."""
    on = grid.zero >= stage
    group = grid.dp * grid.cp
    return dense / np.where(on, group, 1) + experts / np.where(on, group // grid.ep, 1)


def sharded_parameters(m: Transformer, grid: Grid, stage: int) -> np.ndarray:
    """Parameters per GPU of a kind of state that ZeRO stage ``stage`` and above shard,
    on the stage holding the most."""
    return _sharded(*stage_parameters(m, grid), grid, stage)


def in_flight(grid: Grid, stage: np.ndarray | int, micro_batches: np.ndarray) -> np.ndarray:
    """Micro-batches whose activations pipeline stage ``stage`` (0 first) holds at once.

    1F1B: ``p - k`` on stage ``k``; interleaved with ``v`` virtual stages, ``p +
    (p - 1 - 2k) / v`` (Korthikanti et al. 2022 eq. 5 on the first stage; each
    later stage warms up with two fewer chunks, Megatron-LM's schedule); never
    more than the micro-batches of an iteration.
    """
    p, v = grid.pp, grid.virtual_stages
    held = np.where(v > 1, p + (p - 1 - 2 * np.asarray(stage)) / v, p - np.asarray(stage))
    return np.minimum(micro_batches, np.maximum(1, held))


def memory_per_gpu(m: Transformer, grid: Grid, global_batch: int,
                   options: TrainingOptions, precision: str) -> Memory:
    """Memory of the fullest stage's GPUs for every configuration of ``grid``.

    The first stage holds the most micro-batches in flight and the embedding,
    the second the most layers of those between (when uneven stages leave the
    first lighter), the last the output layer and its fp32 logits: whichever
    needs most sets the figure.
    """
    acts = layer_activations(m, grid, options, precision)
    per_layer = acts.stored(grid.recompute)
    working = np.where(grid.recompute == FULL, acts.all, 0.0)
    micro_batches = global_batch // (grid.dp * grid.micro_batch)
    logits = LOGIT_BYTES * tokens_per_gpu(m, grid) * m.vocab * (1 + m.mtp_depth) / grid.tp
    split = stage_layers(m, grid.pp)
    embedding = m.embedding_weights
    if options.dualpipe:
        # Rank i holds stages i and p-1-i (both ends on the first rank, which shares the
        # embedding with the MTP modules), p + 1 micro-batches of one stage in flight
        # (DeepSeek-V3, arXiv:2412.19437 Sec. 2.2 and Table 2).
        piped = grid.pp > 1
        held = np.where(piped, (grid.pp + 1) / 2, 1.0)
        stages = [(np.where(piped, split.first + split.last, split.first),
                   np.where(piped, embedding, 0) + _output_weights(m, grid, shares_first=True),
                   held, logits),
                  (np.where(piped, 2 * split.middle, split.middle), 0, held, 0.0)]
    else:
        stages = [(split.first, embedding, in_flight(grid, 0, micro_batches), 0.0),
                  (split.middle, 0, in_flight(grid, 1, micro_batches), 0.0),
                  (split.last, _output_weights(m, grid),
                   in_flight(grid, grid.pp - 1, micro_batches), logits)]
    memories = [_stage_memory(grid, layers, _parameters(m, grid, layers, other),
                              layers * per_layer * held + working + extra)
                for layers, other, held, extra in stages]
    fullest = np.argmax(np.stack([stage.total for stage in memories]), axis=0)
    return Memory(*(np.choose(fullest, [getattr(stage, f.name) for stage in memories])
                    for f in dataclasses.fields(Memory)))


def _stage_memory(grid: Grid, layers: np.ndarray, parameters: tuple[np.ndarray, np.ndarray],
                  activations: np.ndarray) -> Memory:
    """Memory of one stage's GPUs: its parameters' states, activations and buffers."""
    dense, experts = parameters
    gathered = 2 * WEIGHT_BYTES * (dense + experts) / layers
    return Memory(
        weights=WEIGHT_BYTES * _sharded(dense, experts, grid, 3),
        gradients=GRADIENT_BYTES * _sharded(dense, experts, grid, 2),
        optimizer=OPTIMIZER_BYTES * _sharded(dense, experts, grid, 1),
        activations=activations,
        buffers=FRAMEWORK_BYTES + np.where(grid.zero == 3, gathered, 0.0))
