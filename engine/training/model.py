"""A transformer as the training model sees it: weights, widths and FLOPs per token.

:func:`transformer` turns a catalog :class:`~engine.catalog.ModelSpec` into the
sizes every other module computes from: the GEMM weights of a layer, the
widths of the tensors a token carries through it, and the GEMM count that the
efficiency curve charges a fixed cost per. Biases and norm weights (under 0.1%
of a large model) are left out, as Narayanan et al. 2021 leave them out of
their FLOP count.

FLOPs follow Narayanan et al. 2021 (SC'21, arXiv:2104.04473) eq. 3: a
multiply-add is 2 FLOPs, the backward pass costs twice the forward pass, and
attention scores are counted over the full ``s x s`` matrix (causal masking
saved by kernels is not subtracted). For GPT-3-shaped models this gives
exactly ``96 B s l h^2 (1 + s/6h + V/16lh)`` with full recomputation; the
generalisation counts the weights a token actually multiplies by, so
grouped-query attention (smaller K and V), SwiGLU (three FFN matrices),
mixture-of-experts (``top_k`` routed plus shared experts, and the router)
and DeepSeek's multi-head latent attention (low-rank projections) fall out of
the same sum.

**Multi-token prediction** (DeepSeek-V3, arXiv:2412.19437 Sec. 2.2): each of
``mtp_depth`` modules predicts one token further ahead with one more
transformer block, a ``2h x h`` projection of the previous depth's output
joined with the next token's embedding, and a pass of the shared output
layer. It is trained with the model, so its FLOPs count in both model and
hardware FLOPs; its block costs an average layer's; its weights (shared
embedding and output layer aside) are not in the model's parameter count,
as the report's 671B leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.catalog import ModelSpec

FFN_GEMMS = 2          # GeLU: up and down; SwiGLU: gate and up fused, then down
CORE_GEMMS = 2         # QK^T and attention over values


@dataclass(frozen=True)
class Transformer:
    """Sizes of one model at one sequence length (elements, not bytes)."""

    name: str
    layers: int
    moe_layers: int
    hidden: int
    heads: int
    kv_heads: int
    seq_len: int
    vocab: int
    tied_embeddings: bool
    attention_weights: int     # QKV (or MLA's projections) and the output projection
    attention_gemms: int       # GEMMs those weights form (fused QKV and output: 2)
    score_width: int           # heads x query/key head size: QK^T costs 2 x this per key
    value_width: int           # heads x value head size: attention over values, output width
    kv_width: int              # K plus V width per token after projection (what CP passes)
    qkv_width: int             # Q, K and V widths per token (stored for the backward pass)
    ffn_weights: int           # dense FFN of one layer
    ffn_activation_width: int  # FFN activations stored per token (2f GeLU, 3f SwiGLU)
    ffn_hidden: int = 0        # dense FFN inner size (its down projection's input width)
    latent_width: int = 0      # MLA: the low-rank Q and KV latents a token keeps (0: no MLA)
    experts: int = 0
    top_k: int = 0
    shared_experts: int = 0
    expert_weights: int = 0    # one expert's FFN
    expert_activation_width: int = 0
    expert_ffn_hidden: int = 0
    route_nodes: int = 0       # node-limited routing: nodes a token reaches at most (0: any)
    mtp_depth: int = 0         # multi-token-prediction modules (module docstring)

    @property
    def dense_layers(self) -> int:
        return self.layers - self.moe_layers

    @property
    def blocks(self) -> int:
        """Transformer blocks a token passes: the layers and one per MTP module."""
        return self.layers + self.mtp_depth

    @property
    def mtp_projection_weights(self) -> int:
        """One MTP module's projection of ``[h; embedding]`` (``2h``) back to ``h``."""
        return 2 * self.hidden * self.hidden

    @property
    def router_weights(self) -> int:
        return self.hidden * self.experts

    @property
    def embedding_weights(self) -> int:
        return self.vocab * self.hidden

    @property
    def moe_weights(self) -> int:
        """Weights of one MoE layer's FFN part: every expert, shared ones and the router."""
        return (self.experts + self.shared_experts) * self.expert_weights + self.router_weights

    @property
    def moe_active_weights(self) -> int:
        """The FFN weights one token multiplies by in an MoE layer."""
        return (self.top_k + self.shared_experts) * self.expert_weights + self.router_weights

    # An average layer: pipeline stages hold layers/pp of them (dense and MoE layers
    # spread evenly), so per-stage sizes are these times the layers of a stage.

    @property
    def mean_replicated_ffn_weights(self) -> float:
        """FFN weights of a layer every expert-parallel rank holds (dense FFN, shared, router)."""
        shared = self.shared_experts * self.expert_weights + self.router_weights
        return (self.dense_layers * self.ffn_weights + self.moe_layers * shared) / self.layers

    @property
    def mean_active_ffn_weights(self) -> float:
        return (self.dense_layers * self.ffn_weights
                + self.moe_layers * self.moe_active_weights) / self.layers

    @property
    def mean_ffn_activation_width(self) -> float:
        """FFN activations a token leaves for the backward pass (routed copies included)."""
        routed = self.top_k * (self.hidden + self.expert_activation_width) \
            + self.shared_experts * self.expert_activation_width
        return (self.dense_layers * self.ffn_activation_width
                + self.moe_layers * routed) / self.layers

    @property
    def mean_ffn_down_width(self) -> float:
        """The activation function's outputs a token stores per layer: the inputs of the
        down projections (dense FFN, or its routed and shared experts)."""
        per_moe = (self.top_k + self.shared_experts) * self.expert_ffn_hidden
        return (self.dense_layers * self.ffn_hidden + self.moe_layers * per_moe) / self.layers

    @property
    def mean_gemm_input_width(self) -> float:
        """Distinct GEMM inputs a token brings to an average layer: the attention input,
        MLA's latents, the attention output, the FFN input (cast once, before the experts'
        dispatch) and the down projections' inputs."""
        return 2 * self.hidden + self.latent_width + self.value_width + self.mean_ffn_down_width

    @property
    def mean_routed_width(self) -> float:
        """The dispatched copies of a token an MoE layer stores (its experts' GEMM inputs)."""
        return self.moe_layers * self.top_k * self.hidden / self.layers

    @property
    def expert_weights_total(self) -> int:
        """Routed experts' weights over all layers (what expert parallelism divides)."""
        return self.moe_layers * self.experts * self.expert_weights


def transformer(spec: ModelSpec, seq_len: int | None = None) -> Transformer:
    """The sizes of ``spec`` trained on sequences of ``seq_len`` (default: the model's)."""
    h, heads = spec.hidden, spec.heads
    head = h // heads
    if spec.mla is not None:
        mla = spec.mla
        qk_head = mla.qk_nope_head_dim + mla.qk_rope_head_dim
        score, value = heads * qk_head, heads * mla.v_head_dim
        attention = (h * mla.q_lora_rank + mla.q_lora_rank * score
                     + h * (mla.kv_lora_rank + mla.qk_rope_head_dim)
                     + mla.kv_lora_rank * heads * (mla.qk_nope_head_dim + mla.v_head_dim)
                     + value * h)
        gemms, kv = 5, score + value
        latent = mla.q_lora_rank + mla.kv_lora_rank + mla.qk_rope_head_dim
    else:
        score = value = heads * head
        kv = 2 * spec.kv_heads * head
        attention = h * (score + kv) + value * h
        gemms, latent = 2, 0
    matrices = 3 if spec.ffn == "swiglu" else 2
    moe = spec.moe
    return Transformer(
        name=spec.id, layers=spec.layers,
        moe_layers=spec.layers - moe.dense_layers if moe else 0,
        hidden=h, heads=heads, kv_heads=spec.kv_heads, seq_len=seq_len or spec.seq_len,
        vocab=spec.vocab, tied_embeddings=spec.tied_embeddings,
        attention_weights=attention, attention_gemms=gemms, score_width=score,
        value_width=value, kv_width=kv, qkv_width=score + kv,
        ffn_weights=matrices * h * spec.ffn_hidden,
        ffn_activation_width=matrices * spec.ffn_hidden, ffn_hidden=spec.ffn_hidden,
        latent_width=latent,
        experts=moe.experts if moe else 0, top_k=moe.top_k if moe else 0,
        shared_experts=moe.shared_experts if moe else 0,
        expert_weights=matrices * h * moe.expert_ffn_hidden if moe else 0,
        expert_activation_width=matrices * moe.expert_ffn_hidden if moe else 0,
        expert_ffn_hidden=moe.expert_ffn_hidden if moe else 0,
        route_nodes=moe.route_nodes if moe else 0, mtp_depth=spec.mtp_depth)


def layers_per_stage(m: Transformer, pp: np.ndarray | int) -> np.ndarray:
    """Layers of the fullest of ``pp`` pipeline stages: ``ceil(layers / pp)``."""
    return -(-m.layers // np.asarray(pp))


@dataclass(frozen=True)
class StageLayers:
    """Layers of the first stage, of the fullest stage between, and of the last stage.

    When ``pp`` does not divide the blocks, the first and last stages take
    fewer (Megatron-Core ``--decoder-first/last-pipeline-num-layers`` and its
    ``account-for-embedding/loss-in-pipeline-split``: the embedding and the
    output layer count as a layer each), so the others hold
    ``ceil(blocks / pp)``. Llama 3 405B's 126 layers on 16 stages are 7, 14 x 8
    and 7 (arXiv:2407.21783 Sec. 3.3.2). The last stage, which also runs the
    output layer, gives up the odd block; its count includes the MTP modules'
    blocks, which run after the output layer (Megatron-Core places them on the
    last stage). With one stage all three are the whole model; with two there
    is no stage between (``middle`` is the first).
    """

    first: np.ndarray
    middle: np.ndarray
    last: np.ndarray


def stage_layers(m: Transformer, pp: np.ndarray | int) -> StageLayers:
    """How ``pp`` stages split the layers (see :class:`StageLayers`)."""
    pp = np.asarray(pp)
    fullest = -(-m.blocks // pp)
    spare = pp * fullest - m.blocks
    last = np.maximum(1, fullest - (spare + 1) // 2)
    first = np.where(pp > 1, np.maximum(1, fullest - spare // 2), m.blocks)
    last = np.where(pp > 1, last, m.blocks)
    return StageLayers(first, np.where(pp > 2, fullest, first), last)


def parameters(m: Transformer) -> int:
    """Every weight: layers, input embedding and (untied) output layer."""
    layers = m.layers * m.attention_weights + m.dense_layers * m.ffn_weights \
        + m.moe_layers * m.moe_weights
    return layers + m.embedding_weights * (1 if m.tied_embeddings else 2)


def active_parameters(m: Transformer) -> int:
    """The weights one token multiplies by (all of them for a dense model)."""
    layers = m.layers * m.attention_weights + m.dense_layers * m.ffn_weights \
        + m.moe_layers * m.moe_active_weights
    return layers + m.embedding_weights * (1 if m.tied_embeddings else 2)


def attention_core_flops(m: Transformer) -> float:
    """Forward FLOPs per token per layer of QK^T and attention over values (full s x s)."""
    return 2.0 * m.seq_len * (m.score_width + m.value_width)


def layer_forward_flops(m: Transformer) -> float:
    """Forward FLOPs per token of all transformer blocks (eq. 3's 24h^2 + 4sh per layer),
    the MTP modules' blocks and projections included."""
    weights = m.layers * m.attention_weights + m.dense_layers * m.ffn_weights \
        + m.moe_layers * m.moe_active_weights \
        + m.mtp_depth * (m.attention_weights + m.mean_active_ffn_weights
                         + m.mtp_projection_weights)
    return 2.0 * weights + m.blocks * attention_core_flops(m)


def logits_forward_flops(m: Transformer) -> float:
    """Forward FLOPs per token of the output layer (eq. 3's ``2hV``), once more per MTP
    module."""
    return 2.0 * m.hidden * m.vocab * (1 + m.mtp_depth)


def iteration_flops(m: Transformer, tokens: float, recompute: str) -> tuple[float, float]:
    """(model, hardware) FLOPs of an iteration over ``tokens`` tokens.

    Model FLOPs are forward plus backward, ``3 x`` forward. Hardware FLOPs add
    what recomputation runs again: one more forward of every layer for
    ``full`` (eq. 3's factor 4), the attention core for ``selective``
    (Korthikanti et al. 2022, arXiv:2205.05198, Sec. 5).
    """
    layers, logits = layer_forward_flops(m), logits_forward_flops(m)
    model = 3.0 * (layers + logits) * tokens
    extra = {"none": 0.0, "selective": m.blocks * attention_core_flops(m),
             "full": layers}[recompute]
    return model, model + extra * tokens
