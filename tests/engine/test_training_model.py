"""The training model's sizes and FLOPs, checked by hand and against published counts."""

from __future__ import annotations

import numpy as np
import pytest

from engine.catalog import ModelSpec, load_catalog
from engine.training.efficiency import GEMM_EFFICIENCY, GEMM_FIXED_S, gemm_efficiency
from engine.training.model import (
    active_parameters,
    iteration_flops,
    layers_per_stage,
    parameters,
    stage_layers,
    transformer,
)


def gpt(layers: int = 2, hidden: int = 64, heads: int = 4, seq: int = 16,
        vocab: int = 100) -> ModelSpec:
    return ModelSpec(id="tiny", name="tiny", architecture="decoder", layers=layers,
                     hidden=hidden, heads=heads, kv_heads=heads, ffn_hidden=4 * hidden,
                     ffn="gelu", seq_len=seq, vocab=vocab, source="test", tied_embeddings=True)


def test_flops_by_hand_for_a_tiny_gqa_swiglu_model():
    # 1 layer, h 8, 2 heads of 4, 1 KV head, SwiGLU FFN of 16, s 4, V 10, untied.
    spec = ModelSpec(id="t", name="t", architecture="decoder", layers=1, hidden=8, heads=2,
                     kv_heads=1, ffn_hidden=16, ffn="swiglu", seq_len=4, vocab=10, source="")
    m = transformer(spec)
    attention = 8 * (8 + 4 + 4) + 8 * 8           # Q, K, V (one KV head) and output: 192
    ffn = 3 * 8 * 16                               # gate, up, down: 384
    assert parameters(m) == attention + ffn + 2 * 10 * 8
    forward = 2 * (attention + ffn) + 2 * 4 * (8 + 8) + 2 * 8 * 10   # weights, QK^T + AV, logits
    model, hardware = iteration_flops(m, tokens=1, recompute="none")
    assert model == hardware == 3 * forward
    _, full = iteration_flops(m, tokens=1, recompute="full")
    assert full == 3 * forward + 2 * (attention + ffn) + 2 * 4 * (8 + 8)
    _, selective = iteration_flops(m, tokens=1, recompute="selective")
    assert selective == 3 * forward + 2 * 4 * (8 + 8)


@pytest.mark.parametrize(("layers", "hidden", "seq", "vocab"), [(2, 64, 16, 100),
                                                                (96, 12288, 2048, 51200)])
def test_narayanan_equation_3(layers, hidden, seq, vocab):
    """Eq. 3 (full recompute) and its model-FLOPs form (Korthikanti et al. 2022, Sec. 6)."""
    m = transformer(gpt(layers, hidden, hidden // 64, seq, vocab))
    batch = 8
    model, hardware = iteration_flops(m, tokens=batch * seq, recompute="full")
    lh2 = batch * seq * layers * hidden**2
    assert hardware == pytest.approx(96 * lh2 * (1 + seq / (6 * hidden)
                                                 + vocab / (16 * layers * hidden)))
    assert model == pytest.approx(72 * lh2 * (1 + seq / (6 * hidden)
                                              + vocab / (12 * layers * hidden)))


@pytest.mark.parametrize(("model_id", "total_b", "active_b"), [
    ("gpt3-175b", 174.6, 174.6), ("llama3-70b", 70.6, 70.6), ("llama2-70b", 69.0, 69.0),
    ("mixtral-8x7b", 46.7, 12.9), ("deepseek-v3", 671.0, 37.4)])
def test_parameters_match_the_catalog_notes(model_id, total_b, active_b):
    """Counts computed from the shape (catalog notes) for dense, GQA, MoE and MLA models."""
    m = transformer(load_catalog().model(model_id))
    assert parameters(m) / 1e9 == pytest.approx(total_b, rel=0.01)
    assert active_parameters(m) / 1e9 == pytest.approx(active_b, rel=0.01)


def test_uneven_pipeline_stages_hold_at_most_the_ceiling():
    m = transformer(load_catalog().model("llama3-405b"))
    assert list(layers_per_stage(m, np.array([1, 2, 16, 126]))) == [126, 63, 8, 1]


def test_llama3_405b_splits_as_meta_did_first_and_last_stages_lighter():
    """126 layers on 16 stages: 7, fourteen of 8, 7 (arXiv:2407.21783 Sec. 3.3.2)."""
    m = transformer(load_catalog().model("llama3-405b"))
    split = stage_layers(m, np.array([16]))
    assert (int(split.first[0]), int(split.middle[0]), int(split.last[0])) == (7, 8, 7)
    for pp in (2, 4, 8, 16, 32, 64):
        split = stage_layers(m, pp)
        total = int(split.first) + (pp - 2) * int(split.middle) + int(split.last)
        assert total == m.layers, f"{pp} stages hold {total} layers"
    assert int(stage_layers(m, 1).first) == m.layers


def test_gemm_efficiency_falls_for_small_gemms():
    peak = 312e12
    sizes = np.array([1e7, 1e8, 1e9, 1e10, 1e11, 1e12])
    efficiency = gemm_efficiency(sizes, peak)
    assert np.all(np.diff(efficiency) > 0)
    assert efficiency[-1] == pytest.approx(GEMM_EFFICIENCY, rel=0.01)
    assert efficiency[0] < 0.1 * GEMM_EFFICIENCY
    half = GEMM_EFFICIENCY * peak * GEMM_FIXED_S
    assert gemm_efficiency(half, peak) == pytest.approx(GEMM_EFFICIENCY / 2)
