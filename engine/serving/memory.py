"""Memory per GPU while serving, and the largest batch that fits.

A GPU holds its share of the weights (``1/tp`` of its stage's layers, routed
experts ``1/(tp x ep)``, the embedding or output layer at the ends), the
runtime's own buffers (the training model's ``FRAMEWORK_BYTES``: CUDA
context, library workspaces, NCCL buffers), the activations of one
iteration's token budget and the fp32 logits of the sequences it samples,
and the KV cache. A continuous batch allocates cache pages as sequences
grow (PagedAttention, Kwon et al. 2023, SOSP), so a sequence holds on
average its prompt and half its output; a static batch holds every sequence
at the full length by its last step. The engine may fill ``usable_memory``
of the device.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.serving.model import ACTIVATION_BYTES, ServedModel
from engine.serving.step import Layout
from engine.serving.workload import ServingWorkload
from engine.training.memory import FRAMEWORK_BYTES, LOGIT_BYTES
from engine.training.model import layers_per_stage


@dataclass(frozen=True)
class ServingMemory:
    """Bytes per GPU of the fullest stage (arrays over configurations)."""

    weights: np.ndarray
    fixed: np.ndarray              # runtime buffers and the token budget's activations
    kv_per_sequence: np.ndarray    # cache one sequence holds (mean over its life)
    per_sequence: np.ndarray       # ... plus its logits
    capacity: float

    @property
    def max_batch(self) -> np.ndarray:
        """Sequences per replica that fit beside the weights (0: not even the weights)."""
        room = self.capacity - self.weights - self.fixed
        return np.maximum(0, np.floor(room / self.per_sequence)).astype(np.int64)

    def total(self, batch: np.ndarray) -> np.ndarray:
        return self.weights + self.fixed + batch * self.per_sequence


def weight_bytes_per_gpu(sm: ServedModel, layout: Layout) -> np.ndarray:
    """Weights one GPU of the fullest stage holds."""
    m, tp, pp, ep = sm.m, layout.tp, layout.pp, layout.ep
    layers = layers_per_stage(m, pp)
    moe = layers * m.moe_layers / m.layers
    per_layer = layers * m.attention_weights + (layers - moe) * m.ffn_weights + moe * (
        m.shared_experts * m.expert_weights + m.router_weights + m.experts / ep * m.expert_weights)
    ends = np.where((pp == 1) & (not m.tied_embeddings), 2, 1) * m.embedding_weights
    return sm.weight_bytes * (per_layer + ends) / tp


def serving_memory(sm: ServedModel, layout: Layout, workload: ServingWorkload,
                   capacity_bytes: float) -> ServingMemory:
    """Memory of every configuration of ``layout`` serving ``workload``'s requests."""
    m, tp, pp, ep = sm.m, layout.tp, layout.pp, layout.ep
    options = workload.options
    inp, out = workload.input_tokens, workload.output_tokens
    held = inp + out if options.batching == "static" else inp + out / 2
    layers = layers_per_stage(m, pp)
    kv = layers * sm.kv_bytes_per_token_layer(tp) * held / ep
    logits = LOGIT_BYTES * m.vocab / tp / ep
    budget = options.max_batch_tokens / ep
    activations = ACTIVATION_BYTES * budget * (2 * m.hidden + max(
        m.qkv_width, m.mean_ffn_activation_width) / tp)
    return ServingMemory(weight_bytes_per_gpu(sm, layout),
                         FRAMEWORK_BYTES + activations, kv, kv + logits,
                         capacity_bytes * options.usable_memory)
