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
(Korthikanti eq. 5 and Sec. 4.2.3); the last stage holds one, plus the fp32
logits of the loss (``4sbV/t``).

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
from engine.training.model import Transformer, layers_per_stage

ACTIVATION_BYTES = 2      # 16-bit activations and messages (FP8 recipes keep these in bf16)
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
    """Bytes one layer stores for its backward pass, per micro-batch and GPU."""

    scores: np.ndarray    # attention scores and probabilities: what selective recompute drops
    rest: np.ndarray      # everything else the layer stores without recomputation
    inputs: np.ndarray    # the layer's input: all that full recomputation keeps

    @property
    def all(self) -> np.ndarray:
        return self.scores + self.rest

    def stored(self, recompute: np.ndarray) -> np.ndarray:
        """What stays in memory between a layer's forward and backward passes."""
        return np.where(recompute == FULL, self.inputs,
                        np.where(recompute == SELECTIVE, self.rest, self.all))


def layer_activations(m: Transformer, grid: Grid, options: TrainingOptions) -> LayerActivations:
    """Korthikanti et al. 2022's per-layer activations, generalised (module docstring)."""
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
    return LayerActivations(scores=scores, rest=replicated + split,
                            inputs=ACTIVATION_BYTES * hidden / shard)


def stage_parameters(m: Transformer, grid: Grid) -> tuple[np.ndarray, np.ndarray]:
    """(dense, routed-expert) parameters one GPU of the fullest stage holds."""
    per_layer = m.attention_weights + m.mean_replicated_ffn_weights
    embeddings = np.where((grid.pp == 1) & (not m.tied_embeddings), 2, 1) * m.embedding_weights
    layers = layers_per_stage(m, grid.pp)
    dense = (layers * per_layer + embeddings) / grid.tp
    experts = layers * m.expert_weights_total / m.layers / (grid.tp * grid.ep)
    return dense, experts


def sharded_parameters(m: Transformer, grid: Grid, stage: int) -> np.ndarray:
    """Parameters per GPU of a kind of state that ZeRO stage ``stage`` and above shard."""
    dense, experts = stage_parameters(m, grid)
    on = grid.zero >= stage
    group = grid.dp * grid.cp
    return dense / np.where(on, group, 1) + experts / np.where(on, group // grid.ep, 1)


def memory_per_gpu(m: Transformer, grid: Grid, global_batch: int,
                   options: TrainingOptions) -> Memory:
    """Memory of the fullest stage's GPUs for every configuration of ``grid``."""
    acts = layer_activations(m, grid, options)
    per_layer = acts.stored(grid.recompute)
    working = np.where(grid.recompute == FULL, acts.all, 0.0)
    micro_batches = global_batch // (grid.dp * grid.micro_batch)
    in_flight = np.minimum(micro_batches, np.where(
        grid.virtual_stages > 1, grid.pp + (grid.pp - 1) / grid.virtual_stages, grid.pp))
    layers = layers_per_stage(m, grid.pp)
    first = layers * per_layer * in_flight + working
    logits = LOGIT_BYTES * tokens_per_gpu(m, grid) * m.vocab / grid.tp
    last = layers * per_layer + working + logits
    gathered = 2 * WEIGHT_BYTES * sum(stage_parameters(m, grid)) / layers
    return Memory(
        weights=WEIGHT_BYTES * sharded_parameters(m, grid, 3),
        gradients=GRADIENT_BYTES * sharded_parameters(m, grid, 2),
        optimizer=OPTIMIZER_BYTES * sharded_parameters(m, grid, 1),
        activations=np.maximum(first, last),
        buffers=FRAMEWORK_BYTES + np.where(grid.zero == 3, gathered, 0.0))
