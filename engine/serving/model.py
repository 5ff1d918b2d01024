"""A model as a serving step sees it: bytes per weight, KV cache per token, GEMM shapes.

Sizes come from the training model (:func:`engine.training.model.transformer`),
so dense, grouped-query, MoE and MLA models are counted one way everywhere.
The KV cache holds, per token and layer, K and V of every key-value head
(``2 x kv_heads x head_dim`` values), or with MLA's compressed cache the
latent and the decoupled RoPE key (``kv_lora_rank + qk_rope_head_dim``,
DeepSeek-V2 Sec. 2.1), at the KV precision. Tensor parallelism splits the
key-value heads; a rank holds at least one whole head, so ``tp`` beyond the
head count replicates them (vLLM's rule); MLA's latent is shared by all heads
and every TP rank keeps all of it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.catalog import ModelSpec
from engine.errors import InputError, Problem
from engine.training.model import Transformer, transformer

BYTES_PER_VALUE = {"bf16": 2.0, "fp16": 2.0, "fp8": 1.0, "int8": 1.0, "fp4": 0.5}
ACTIVATION_BYTES = 2.0        # activations and messages stay 16-bit in quantised serving


@dataclass(frozen=True)
class ServedModel:
    """Sizes of one model at one weight and KV precision."""

    m: Transformer
    weight_bytes: float         # per weight
    kv_bytes: float             # per cached value
    kv_width: int               # cached values per token and layer
    kv_groups: int              # ways TP can split the cache (1: every rank holds it all)

    @property
    def kv_bytes_per_token(self) -> float:
        """Bytes of KV cache one token takes in the whole model."""
        return self.m.layers * self.kv_width * self.kv_bytes

    def kv_bytes_per_token_layer(self, tp: np.ndarray | int) -> np.ndarray:
        """Bytes one token's K and V of one layer take on one TP rank."""
        return self.kv_width * self.kv_bytes / np.minimum(tp, self.kv_groups)

    @property
    def activation_width(self) -> float:
        """Values a token's GEMMs read and write in one layer (inputs and outputs once each):
        QKV and output projections, the FFN's up, gate and down projections."""
        m = self.m
        return 4 * m.hidden + m.qkv_width + m.value_width + 2 * m.mean_ffn_activation_width


def served_model(spec: ModelSpec, precision: str, kv_precision: str,
                 mla_compressed_kv: bool = True) -> ServedModel:
    """``spec`` with weights in ``precision`` and its KV cache in ``kv_precision``."""
    problems = [Problem(key, f"must be one of {', '.join(BYTES_PER_VALUE)}, got {value!r}")
                for key, value in (("precision", precision), ("kv_precision", kv_precision))
                if value not in BYTES_PER_VALUE]
    if spec.architecture != "decoder":
        problems.append(Problem("model", f"{spec.id} is an {spec.architecture} model: "
                                "serving models decoder models"))
    if problems:
        raise InputError(problems)
    m = transformer(spec)
    if spec.mla is not None and mla_compressed_kv:
        width, groups = spec.mla.kv_lora_rank + spec.mla.qk_rope_head_dim, 1
    else:
        width, groups = m.kv_width, spec.kv_heads
    return ServedModel(m, BYTES_PER_VALUE[precision], BYTES_PER_VALUE[kv_precision], width,
                       groups)
