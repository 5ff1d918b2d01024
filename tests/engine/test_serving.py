"""The serving estimate's physics: KV bytes, the roofline of a step, batching, targets, MoE."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest

from engine.catalog import ModelSpec, load_catalog
from engine.errors import InfeasibleConfig
from engine.fabric import fabric_from_hardware
from engine.serving import (
    Price,
    ServingOptions,
    ServingParallelism,
    ServingWorkload,
    gpus_for_load,
    serving_estimate,
    serving_search,
    users_served,
)
from engine.serving.model import served_model
from engine.serving.step import Iteration, Layout, Machine, step_time
from engine.training.efficiency import GEMM_EFFICIENCY, GEMM_FIXED_S, MEMORY_EFFICIENCY

CATALOG = load_catalog()
H100 = CATALOG.accelerator("h100-sxm")
ONE = Layout(np.array([1]), np.array([1]), np.array([1]))
# 2 layers, hidden 64, 4 heads of 16, 2 KV heads, GeLU FFN of 256, vocabulary 1,000.
TINY = ModelSpec(id="tiny", name="tiny", architecture="decoder", layers=2, hidden=64, heads=4,
                 kv_heads=2, ffn_hidden=256, ffn="gelu", seq_len=128, vocab=1000, source="test")


def machine(accelerator: str = "h100-sxm", gpus: int = 1) -> Machine:
    spec = CATALOG.accelerator(accelerator)
    return Machine(spec, fabric_from_hardware(CATALOG, accelerator, gpus), spec.peaks.bf16)


def decode(batch: float, context: float, layout: Layout = ONE) -> Iteration:
    shape = layout.tp.shape
    return Iteration(np.full(shape, float(batch)), np.full(shape, float(context)),
                     np.zeros(shape), np.zeros(shape), np.full(shape, float(batch)))


def workload(**changes) -> ServingWorkload:
    options = changes.pop("options", {})
    return ServingWorkload(**{"model": "llama2-70b", "input_tokens": 1024,
                              "output_tokens": 256, **changes},
                           options=ServingOptions(**options))


def best(model: str, accelerator: str, gpus: int, **changes):
    return serving_estimate(CATALOG.model(model), CATALOG.accelerator(accelerator),
                            fabric_from_hardware(CATALOG, accelerator, gpus),
                            workload(model=model, **changes))


def test_kv_bytes_per_token_by_hand():
    # K and V of 2 KV heads of 16 values, 2 layers, 2 bytes each: 2 x 2 x 2 x 16 x 2 = 256.
    assert served_model(TINY, "bf16", "bf16").kv_bytes_per_token == 256
    assert served_model(TINY, "bf16", "fp8").kv_bytes_per_token == 128
    # Two TP ranks split the 2 KV heads; four still hold one head each.
    sm = served_model(TINY, "bf16", "bf16")
    assert list(sm.kv_bytes_per_token_layer(np.array([1, 2, 4]))) == [128, 64, 64]
    # DeepSeek-V3 caches a 512-wide latent and a 64-wide RoPE key in 61 layers.
    v3 = CATALOG.model("deepseek-v3")
    assert served_model(v3, "fp8", "fp8").kv_bytes_per_token == 61 * (512 + 64)
    assert served_model(v3, "fp8", "fp8", mla_compressed_kv=False).kv_bytes_per_token == \
        61 * 128 * (192 + 128)


def test_decode_step_of_a_small_model_by_hand():
    sm = served_model(TINY, "bf16", "bf16")
    m = machine()
    step = step_time(sm, m, ONE, decode(1, 100), overhead_s=0.0)
    # Per layer: QKV 64 x (64 + 2 x 2 x 16) and output 64 x 64 weights, FFN 2 x 64 x 256;
    # plus the output layer 64 x 1,000. All in bf16.
    weights = 2 * (64 * 128 + 64 * 64 + 2 * 64 * 256) + 64 * 1000
    assert step.weight_bytes[0] == 2 * weights
    # One token: 2 FLOPs per weight, 9 GEMMs (2 attention + 2 FFN per layer, the logits);
    # padded to a 128-row tile.
    gemm_compute = 128 * 2 * weights / (GEMM_EFFICIENCY * m.peak_flops) + 9 * GEMM_FIXED_S
    activations = 2 * 2 * (4 * 64 + 128 + 64 + 2 * 512)
    gemm_memory = (2 * weights + activations) / (MEMORY_EFFICIENCY * H100.memory_bw_Bps)
    kv_read_and_written = 2 * 128 * (100 + 1)
    attention_memory = kv_read_and_written / (MEMORY_EFFICIENCY * H100.memory_bw_Bps)
    attention_compute = 2 * 2 * 100 * (64 + 64) / (GEMM_EFFICIENCY * m.peak_flops) \
        + 4 * GEMM_FIXED_S
    expected = max(gemm_compute, gemm_memory) + max(attention_compute, attention_memory)
    assert step.seconds[0] == pytest.approx(expected, rel=1e-9)


def test_batch_one_is_memory_bound_a_large_batch_compute_bound_crossover_on_the_roofline():
    sm = served_model(CATALOG.model("llama2-7b"), "bf16", "bf16")
    m = machine()
    # A weight is 2 bytes and does 2 FLOPs per token: the GEMMs turn compute-bound at the
    # batch where FLOPs / achieved peak = bytes / achieved bandwidth.
    ridge = (GEMM_EFFICIENCY * m.peak_flops) / (MEMORY_EFFICIENCY * H100.memory_bw_Bps)
    def bound(batch: float) -> str:
        return step_time(sm, m, ONE, decode(batch, 1), 0.0).bottleneck[0]
    assert bound(1) == "memory bandwidth"
    assert bound(ridge / 1.3) == "memory bandwidth"
    assert bound(ridge * 1.3) == "compute"
    assert bound(4096) == "compute"


def test_ttft_grows_with_input_length_and_tpot_with_batch():
    fixed = ServingParallelism(tp=8, replicas=1)
    ttft = [best("llama2-70b", "h100-sxm", 8, input_tokens=n, batch=16,
                 parallelism=fixed).ttft_ms for n in (128, 1024, 4096)]
    assert ttft == sorted(ttft)
    assert ttft[0] < ttft[-1]
    tpot = [best("llama2-70b", "h100-sxm", 8, batch=b, parallelism=fixed).tpot_ms
            for b in (1, 16, 64, 256)]
    assert tpot == sorted(tpot)
    assert tpot[0] < tpot[-1]


def test_a_tighter_tpot_target_never_raises_throughput():
    loose = best("llama2-70b", "h100-sxm", 8)
    throughputs = [loose.output_tokens_per_s]
    for target in (100.0, 60.0, 40.0, 25.0, 15.0):
        e = best("llama2-70b", "h100-sxm", 8, tpot_ms=target)
        assert e.tpot_ms <= target
        throughputs.append(e.output_tokens_per_s)
    assert throughputs == sorted(throughputs, reverse=True)
    assert throughputs[-1] < throughputs[0]


def test_moe_reads_active_experts_at_batch_one_and_all_of_them_at_a_large_batch():
    spec = CATALOG.model("mixtral-8x7b")
    sm = served_model(spec, "bf16", "bf16")
    m = sm.m
    replicated = m.layers * (m.attention_weights + m.router_weights) + m.hidden * m.vocab
    def read(batch: float) -> float:
        return step_time(sm, machine(), ONE, decode(batch, 1), 0.0).weight_bytes[0] / 2
    assert read(1) == pytest.approx(replicated + m.layers * m.top_k * m.expert_weights)
    assert read(4096) == pytest.approx(replicated + m.layers * m.experts * m.expert_weights)
    assert read(1) < read(8) < read(4096)


def test_a_model_that_does_not_fit_is_refused_with_the_reason():
    with pytest.raises(InfeasibleConfig, match="weights and runtime buffers do not fit") as err:
        best("llama3-405b", "a100-40gb", 2, input_tokens=128, output_tokens=128)
    assert "GiB per GPU" in str(err.value)


def test_a_kv_cache_that_does_not_fit_the_batch_is_refused():
    with pytest.raises(InfeasibleConfig, match="KV cache of the batch does not fit"):
        best("llama2-70b", "h100-sxm", 8, input_tokens=8000, output_tokens=2000, batch=4000,
             parallelism=ServingParallelism(tp=8, replicas=1))


def test_memory_capacity_limits_a_long_context_batch():
    e = best("llama2-7b", "a100-80gb", 1, input_tokens=4000, output_tokens=2000)
    assert e.batch_per_replica == e.max_batch_by_memory
    assert e.bottleneck == "memory capacity"
    assert e.memory_per_gpu_gib <= e.memory_capacity_gib


def test_the_server_scenario_trades_throughput_for_its_p99_ttft():
    offline = best("llama2-70b", "h100-sxm", 8, precision="fp8")
    server = best("llama2-70b", "h100-sxm", 8, precision="fp8", scenario="server",
                  ttft_ms=2000, tpot_ms=200)
    assert server.output_tokens_per_s < offline.output_tokens_per_s
    assert 0 < server.load < 1
    assert server.ttft_p99_ms <= 2000 + 1e-6
    tighter = best("llama2-70b", "h100-sxm", 8, precision="fp8", scenario="server",
                   ttft_ms=500, tpot_ms=200)
    assert tighter.output_tokens_per_s <= server.output_tokens_per_s


def test_interactive_holds_the_concurrency_and_more_users_mean_slower_streams():
    few = best("llama2-70b", "h100-sxm", 8, scenario="interactive", concurrency=8)
    many = best("llama2-70b", "h100-sxm", 8, scenario="interactive", concurrency=256)
    assert few.tpot_ms < many.tpot_ms
    assert few.output_tokens_per_s < many.output_tokens_per_s
    for e, users in ((few, 8), (many, 256)):
        slots = e.batch_per_replica * e.parallelism.replicas
        assert e.requests_per_s * e.output_tokens / (slots * 1e3 / e.tpot_ms) == \
            pytest.approx(users / slots, rel=0.35)


def test_disaggregated_decode_has_no_prefill_in_its_iterations():
    fixed = ServingParallelism(tp=4, replicas=2)
    mixed = best("llama2-70b", "h100-sxm", 8, batch=64, parallelism=fixed)
    split = best("llama2-70b", "h100-sxm", 8, batch=64, parallelism=fixed,
                 options={"disaggregated": True})
    assert split.tpot_ms < mixed.tpot_ms
    with pytest.raises(InfeasibleConfig, match="need two replicas"):
        best("llama2-70b", "h100-sxm", 8, parallelism=ServingParallelism(tp=8),
             options={"disaggregated": True})


def test_lower_precision_serves_more_and_a_part_without_it_is_refused():
    bf16 = best("llama2-70b", "h100-sxm", 8)
    fp8 = best("llama2-70b", "h100-sxm", 8, precision="fp8")
    assert fp8.per_gpu_output_tokens_per_s > bf16.per_gpu_output_tokens_per_s
    with pytest.raises(Exception, match="a100-80gb has no fp8 peak"):
        best("llama2-70b", "a100-80gb", 8, precision="fp8")


def test_search_ranks_by_throughput_per_gpu_and_counts_rejections():
    spec = CATALOG.model("llama2-70b")
    fabric = fabric_from_hardware(CATALOG, "h100-sxm", 16)
    result = serving_search(spec, H100, fabric, workload(tpot_ms=50), top=5)
    per_gpu = [e.per_gpu_output_tokens_per_s for e in result.top]
    assert all(a >= b * (1 - 0.021) for a, b in itertools.pairwise(per_gpu))
    assert all(e.tpot_ms <= 50 for e in result.top)
    assert result.rejected["TPOT over the 50 ms target"] > 0
    after_layout = sum(n for reason, n in result.rejected.items()
                       if any(w in reason for w in ("memory", "budget", "target")))
    assert result.feasible + after_layout == result.evaluated


def test_cost_scales_with_the_price_and_the_gpus_used():
    spec, fabric = CATALOG.model("llama2-70b"), fabric_from_hardware(CATALOG, "h100-sxm", 8)
    cheap = serving_estimate(spec, H100, fabric, workload(), Price(2.0, "USD", "rent"))
    dear = serving_estimate(spec, H100, fabric, workload(), Price(4.0, "USD", "rent"))
    assert dear.cost_per_million_output_tokens == pytest.approx(
        2 * cheap.cost_per_million_output_tokens)
    assert cheap.cost_per_million_output_tokens == pytest.approx(
        2.0 * cheap.gpus / (cheap.output_tokens_per_s * 3600) * 1e6)
    assert cheap.cost_per_request == pytest.approx(
        cheap.cost_per_million_output_tokens * cheap.output_tokens / 1e6)


def test_users_at_a_speed_and_gpus_for_a_load():
    e = best("llama2-70b", "h100-sxm", 8, tpot_ms=50)
    assert users_served(e, 1e3 / e.tpot_ms) == e.batch_per_replica * e.parallelism.replicas
    assert users_served(e, 2e3 / e.tpot_ms) == 0
    replica = e.parallelism.tp * e.parallelism.pp * e.parallelism.ep
    assert gpus_for_load(e, e.requests_per_s) == e.gpus
    assert gpus_for_load(e, 10 * e.requests_per_s) == 10 * e.gpus
    assert gpus_for_load(e, e.requests_per_s / e.parallelism.replicas / 2) == replica


def test_to_json_has_exactly_the_contract_keys():
    e = best("llama2-70b", "h100-sxm", 8)
    data = e.to_json()
    assert list(data) == ["output_tokens_per_s", "input_tokens_per_s", "requests_per_s",
                          "ttft_ms", "tpot_ms", "per_gpu_output_tokens_per_s",
                          "batch_per_replica", "parallelism", "memory_per_gpu_gib",
                          "kv_cache_gib", "max_batch_by_memory", "fits_in_memory",
                          "bottleneck", "cost_per_million_output_tokens", "cost_per_request",
                          "currency"]
    assert set(data["parallelism"]) == {"tp", "pp", "ep", "replicas"}
    assert data["input_tokens_per_s"] == pytest.approx(4 * data["output_tokens_per_s"])
    assert dataclasses.asdict(e)["fits_in_memory"] is True
