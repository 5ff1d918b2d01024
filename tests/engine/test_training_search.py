"""Memory, time and the search: how they move with the parallel configuration."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.catalog import ModelSpec, load_catalog
from engine.design import Parallelism, TrainingOptions, Workload
from engine.errors import InfeasibleConfig
from engine.fabric import fabric_from_hardware
from engine.layout import catalog_for, load_design
from engine.network import network_section
from engine.training import Job, Machine, TrainingEstimate, estimate, job_for, search
from engine.training.candidates import MEMORY_REASON, evaluate_candidates
from engine.training.search import TIE
from engine.training.section import design_job
from tests.conftest import EXAMPLES

CATALOG = load_catalog()
FIXED = dict(cp=1, ep=1, micro_batch=1, virtual_stages=1, zero=0, recompute="none",
             sequence_parallel=False)


def run(model: str | ModelSpec = "gpt3-175b", gpus: int = 1024, accelerator: str = "a100-80gb",
        global_batch: int = 1536, options: dict | None = None,
        **parallelism: object) -> TrainingEstimate:
    """The estimate of ``model`` with the given parallelism (the rest searched)."""
    return estimate(job(model, gpus, accelerator, global_batch, options, **parallelism))


def job(model: str | ModelSpec, gpus: int, accelerator: str = "a100-80gb",
        global_batch: int = 1536, options: dict | None = None, nics: int | None = None,
        **parallelism: object) -> Job:
    spec = CATALOG.model(model) if isinstance(model, str) else model
    machine = Machine(CATALOG.accelerator(accelerator),
                      fabric_from_hardware(CATALOG, accelerator, gpus, nics_per_node=nics))
    workload = Workload(model=spec.id, tokens=3e11, global_batch=global_batch,
                        parallelism=Parallelism(**parallelism),
                        options=TrainingOptions(**(options or {})))
    return job_for(spec, workload, machine)


def memory(**parallelism: object) -> float:
    return run(**{**FIXED, **parallelism}).memory_per_gpu_gib


def test_memory_falls_as_tp_pp_and_zero_rise():
    by_tp = [memory(tp=t, pp=8, dp=8) for t in (1, 2, 4, 8)]
    by_pp = [memory(tp=8, pp=p, dp=8) for p in (2, 4, 8, 16)]
    by_zero = [memory(tp=8, pp=1, dp=16, zero=z, recompute="full") for z in (0, 1, 2, 3)]
    for series in (by_tp, by_pp, by_zero):
        assert series == sorted(series, reverse=True)
        assert len(set(series)) == len(series)


def test_zero_stages_shard_what_rajbhandari_et_al_say():
    """Weights 2, gradients 2, optimizer 12 bytes per parameter; each stage shards one more."""
    results = [run(**{**FIXED, "tp": 8, "pp": 1, "dp": 16, "zero": z, "recompute": "full"})
               for z in range(4)]
    per_gpu = 174.6e9 / 8 / 2**30
    breakdowns = [r.memory_breakdown_gib for r in results]
    assert breakdowns[0].optimizer == pytest.approx(12 * per_gpu, rel=0.01)
    assert breakdowns[1].optimizer == pytest.approx(12 * per_gpu / 16, rel=0.01)
    assert breakdowns[1].gradients == breakdowns[0].gradients
    assert breakdowns[2].gradients == pytest.approx(2 * per_gpu / 16, rel=0.01)
    assert breakdowns[2].weights == breakdowns[0].weights
    assert breakdowns[3].weights == pytest.approx(2 * per_gpu / 16, rel=0.01)


def test_activations_fall_with_recomputation():
    def activations(recompute: str, flash: bool) -> float:
        return run(options={"flash_attention": flash, "dropout": True}, **{
            **FIXED, "tp": 8, "pp": 16, "dp": 8, "recompute": recompute,
        }).memory_breakdown_gib.activations

    for flash in (False, True):
        none, selective, full = (activations(r, flash) for r in ("none", "selective", "full"))
        assert none > selective > full
    # Without FlashAttention, selective recompute drops Korthikanti's 5as/h term:
    # (10 + 24/t + 5as/ht) against (10 + 24/t) for GPT-3 at t = 8, 23 against 13.
    assert activations("none", False) / activations("selective", False) == pytest.approx(
        23 / 13, rel=0.01)


def test_korthikanti_activations_for_gpt3_with_tp_and_sp():
    """sbh(34 + 5as/h)/t per layer with TP and SP (Korthikanti et al. 2022, Table 2)."""
    result = run(gpus=8, global_batch=8, options={"flash_attention": False, "dropout": True},
                 **{**FIXED, "tp": 8, "pp": 1, "dp": 1, "sequence_parallel": True})
    s, h, a, t, layers, vocab = 2048, 12288, 96, 8, 96, 50257
    per_layer = s * h * (34 + 5 * a * s / h) / t
    logits = 4 * s * vocab / t
    assert result.memory_breakdown_gib.activations * 2**30 == pytest.approx(
        layers * per_layer + logits, rel=1e-9)


def test_bubble_shrinks_with_more_micro_batches_and_virtual_stages():
    def bubble_share(global_batch: int, v: int) -> float:
        r = run(**{**FIXED, "tp": 8, "pp": 16, "dp": 8, "virtual_stages": v},
                global_batch=global_batch)
        return r.breakdown_s.bubble / r.breakdown_s.compute

    assert bubble_share(256, 1) > bubble_share(512, 1) > bubble_share(1024, 1)
    assert bubble_share(256, 1) > bubble_share(256, 2) > bubble_share(256, 3)
    # (p - 1) / (m v): twice the micro-batches halve it; so do twice the virtual stages,
    # to within the extra sends those cost.
    assert bubble_share(256, 1) / bubble_share(512, 1) == pytest.approx(2)
    assert bubble_share(256, 1) / bubble_share(256, 2) == pytest.approx(2, rel=0.05)


def test_tensor_parallelism_beyond_the_server_pays_the_network():
    """On servers with one NIC, TP 16 crosses it; TP 8 stays on NVLink."""
    def tp_seconds_per_layer(tp: int) -> float:
        r = estimate(job("gpt3-175b", 1024, nics=1, **{**FIXED, "tp": tp, "pp": 8,
                                                        "dp": 128 // tp}))
        micro_batches = 1536 // r.parallelism.dp
        return r.breakdown_s.tp_comm / (micro_batches * 96 / 8)

    assert tp_seconds_per_layer(16) > 3 * tp_seconds_per_layer(8)


def test_iteration_is_the_sum_of_its_parts():
    r = run()
    b = r.breakdown_s
    assert r.iteration_time_s == pytest.approx(b.compute + b.bubble + b.exposed_comm
                                               + b.optimizer)
    assert r.tokens_per_s == pytest.approx(1536 * 2048 / r.iteration_time_s)
    assert r.time_to_train_days == pytest.approx(3e11 / r.tokens_per_s / 86400)
    assert r.hfu >= r.mfu


def test_exposed_communication_is_split_by_kind():
    """What each kind of communication leaves exposed adds up to the exposed total, and
    none exposes more than it takes (DP overlaps with the backward pass here)."""
    b = run(tp=8, pp=16, dp=8).breakdown_s
    parts = {kind: (getattr(b, f"{kind}_exposed"), getattr(b, f"{kind}_comm"))
             for kind in ("tp", "pp", "dp", "cp", "ep")}
    assert sum(exposed for exposed, _ in parts.values()) == pytest.approx(b.exposed_comm)
    assert all(0 <= exposed <= total + 1e-12 for exposed, total in parts.values())
    assert parts["dp"][0] < parts["dp"][1]


@pytest.mark.parametrize(("parallelism", "reason"), [
    ({"tp": 5}, "tp must divide the 96 attention heads"),
    ({"pp": 97}, "pp must not exceed the 96 layers"),
    ({"ep": 2}, "ep needs experts to spread"),
    ({"tp": 8, "pp": 16, "dp": 16}, "must not exceed the 1024 GPUs"),
    ({"dp": 5}, "dp must divide the global batch of 1536 sequences"),
    ({"pp": 1, "virtual_stages": 2}, "virtual stages need pp > 1"),
    ({"pp": 16, "virtual_stages": 4}, "virtual stages must divide the layers of a stage"),
    ({"pp": 2, "zero": 3}, "ZeRO-2/3 cannot be combined with pipeline parallelism"),
])
def test_impossible_configurations_say_why(parallelism, reason):
    with pytest.raises(InfeasibleConfig, match=reason):
        run(**parallelism)


def test_pipeline_stages_need_not_divide_the_layers():
    """126 layers on 16 stages: 8 on the fullest, as Llama 3 405B was trained."""
    r = run("llama3-405b", 16384, "h100-sxm", 2048, tp=8, pp=16, dp=128, cp=1)
    assert r.parallelism.pp == 16


def test_too_little_memory_is_reported():
    with pytest.raises(InfeasibleConfig, match=MEMORY_REASON) as caught:
        search(job("gpt3-175b", 8))
    assert "the least memory any needs is" in caught.value.reason
    fixed = run(gpus=8, **{**FIXED, "tp": 8, "pp": 1, "dp": 1}, global_batch=8)
    assert not fixed.fits_in_memory
    assert fixed.memory_per_gpu_gib > fixed.memory_capacity_gib


def test_search_ranks_fitting_configurations_and_counts_rejections():
    result = search(job("gpt3-175b", 1024), top=5)
    times = [e.iteration_time_s for e in result.top]
    assert times[0] <= min(times) * (1 + TIE), "the first is the best, or ties with it"
    assert all(e.fits_in_memory for e in result.top)
    assert result.rejected[MEMORY_REASON] == result.evaluated - result.fitting
    assert result.rejected["the interleaved schedule needs a multiple of pp micro-batches "
                           "(Megatron-LM)"] > 0


def tiny_model(layers: int, heads: int, head_size: int, kv_divisor: int, seq: int,
               experts: int) -> ModelSpec:
    from engine.catalog.specs import MoESpec

    hidden = heads * head_size
    return ModelSpec(
        id="random", name="random", architecture="decoder", layers=layers, hidden=hidden,
        heads=heads, kv_heads=heads // kv_divisor, ffn_hidden=4 * hidden, ffn="swiglu",
        seq_len=seq, vocab=32000, source="hypothesis",
        moe=MoESpec(experts, 2, 2 * hidden) if experts else None)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layers=st.sampled_from([4, 6, 12, 32]), heads=st.sampled_from([8, 16, 32, 64]),
       head_size=st.sampled_from([64, 128]), kv_divisor=st.sampled_from([1, 4, 8]),
       seq=st.sampled_from([1024, 4096]), experts=st.sampled_from([0, 0, 8, 16]),
       gpus=st.sampled_from([8, 16, 64, 256]),
       accelerator=st.sampled_from(["a100-40gb", "a100-80gb", "h100-sxm", "mi300x"]),
       batch=st.sampled_from([64, 256, 1024]))
def test_search_never_returns_a_configuration_that_does_not_fit(
        layers, heads, head_size, kv_divisor, seq, experts, gpus, accelerator, batch):
    spec = tiny_model(layers, heads, head_size, kv_divisor, seq, experts)
    try:
        result = search(job(spec, gpus, accelerator, batch), top=20)
    except InfeasibleConfig:
        return      # nothing fits, so nothing is returned
    capacity = CATALOG.accelerator(accelerator).memory_bytes / 2**30
    for e in result.top:
        assert e.fits_in_memory
        assert e.memory_per_gpu_gib <= capacity
        assert e.gpus <= gpus
        assert 0 < e.mfu <= e.hfu < 1


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_searched_tensor_parallel_groups_stay_inside_a_server(path):
    """Every configuration the search weighs on a shipped example keeps its TP group in
    one scale-up domain (tp divides it), unless the example fixes tp."""
    design = load_design(str(path))
    catalog = catalog_for(design, CATALOG)
    found = evaluate_candidates(design_job(design, catalog, network_section(design, catalog)))
    domain = found.job.machine.fabric.tiers[0].fanout
    fixed = design.workload.parallelism.tp
    assert set(found.grid.tp.tolist()) <= ({fixed} if fixed else set(range(1, domain + 1)))
    assert fixed or all(domain % tp == 0 for tp in found.grid.tp.tolist())


def test_tensor_parallel_sizes_divide_the_domain_at_10240_gpus():
    """Issue 14: the search once picked tp 3 and 12 at 10,240 GPUs; 8-GPU servers take 1-8."""
    result = search(job("llama3-70b", 10240, global_batch=1920), top=50)
    assert {r.parallelism.tp for r in result.top} <= {1, 2, 4, 8}
