"""What DeepSeek-V3's run did, each as the engine charges it (arXiv:2412.19437).

Multi-token prediction, SMs reserved for communication, the FP8 kernels of
the time and the quantization of FP8 GEMM inputs; each is checked against
the arithmetic it stands for on a small MoE model, so a change of formula
shows here before it shows in the example's 54-day figure.
"""

from __future__ import annotations

import dataclasses
from statistics import median

import numpy as np
import pytest

from engine.catalog import ModelSpec, load_catalog
from engine.catalog.specs import MoESpec
from engine.design import FP8_KERNELS, TrainingOptions
from engine.errors import InputError
from engine.training import estimate
from engine.training.efficiency import MEMORY_EFFICIENCY
from engine.training.fp8_kernels import (
    FP8_KERNEL_EFFICIENCY,
    H800_FP8_PEAK_TFLOPS,
    TRAINING_SHAPES,
)
from engine.training.grid import Grid
from engine.training.memory import layer_activations
from engine.training.model import (
    iteration_flops,
    logits_forward_flops,
    parameters,
    stage_layers,
    transformer,
)
from engine.training.timing import layer_compute
from tests.engine.test_training_search import job, run

CATALOG = load_catalog()
SMALL_MOE = ModelSpec(
    id="small-moe", name="small MoE", architecture="decoder", layers=8, hidden=1024,
    heads=16, kv_heads=16, ffn_hidden=4096, ffn="swiglu", seq_len=2048, vocab=32000,
    source="a test", moe=MoESpec(experts=16, top_k=2, expert_ffn_hidden=512,
                                 shared_experts=1, dense_layers=1))
MTP = dataclasses.replace(SMALL_MOE, id="small-moe-mtp", mtp_depth=1)
LAYOUT = dict(tp=1, pp=4, dp=4, cp=1, ep=4, micro_batch=1, virtual_stages=1, zero=1,
              recompute="selective", sequence_parallel=False)


def test_every_sm_count_in_the_catalog_names_its_source():
    counted = [a for a in CATALOG.accelerators.values() if a.sms is not None]
    assert {a.id: a.sms for a in counted if a.id in ("a100-80gb", "h100-sxm", "h800")} == \
        {"a100-80gb": 108, "h100-sxm": 132, "h800": 132}
    assert all("SMs:" in a.source for a in counted)
    assert CATALOG.accelerator("tpu-v5p").sms is None


def test_an_mtp_module_adds_a_block_a_projection_and_an_output_pass():
    plain, with_mtp = transformer(SMALL_MOE), transformer(MTP)
    block = 2 * (plain.attention_weights + plain.mean_active_ffn_weights) \
        + 2 * plain.seq_len * (plain.score_width + plain.value_width)
    projection = 2 * 2 * plain.hidden * plain.hidden
    model, _ = iteration_flops(plain, tokens=1, recompute="none")
    model_mtp, _ = iteration_flops(with_mtp, tokens=1, recompute="none")
    assert model_mtp - model == pytest.approx(3 * (block + projection
                                                   + logits_forward_flops(plain)))
    assert parameters(with_mtp) == parameters(plain)   # the report's 671B leaves it out


def test_the_mtp_block_sits_on_the_last_stage():
    """8 layers and the MTP block on 4 stages: 2, 3, 3 and the block alone (with the two
    output-layer passes, the last stage gives up the odd blocks)."""
    split = stage_layers(transformer(MTP), np.array([4]))
    assert (int(split.first[0]), int(split.middle[0]), int(split.last[0])) == (2, 3, 1)
    assert int(split.first[0]) + 2 * int(split.middle[0]) + int(split.last[0]) == 8 + 1


def test_mtp_costs_time_and_memory_on_the_last_stage():
    plain = run(SMALL_MOE, 16, "h800", 64, **LAYOUT)
    with_mtp = run(MTP, 16, "h800", 64, **LAYOUT)
    assert with_mtp.iteration_time_s > plain.iteration_time_s
    assert with_mtp.memory_per_gpu_gib > plain.memory_per_gpu_gib


def test_the_dualpipe_first_rank_runs_half_of_each_end():
    """Rank 0 holds the first and last stages and runs each micro-batch on one of them, so
    it takes half of both ends; under 1F1B the last stage carries the whole output layer."""
    one_f_one_b = run(MTP, 16, "h800", 64, {"overlap_p2p_comm": True}, **LAYOUT)
    dualpipe = run(MTP, 16, "h800", 64, {"dualpipe": True}, **LAYOUT)
    per_micro_batch = [r.breakdown_s.compute / (64 // (4 * 1)) for r in (one_f_one_b, dualpipe)]
    assert per_micro_batch[1] < per_micro_batch[0]


def test_reserved_sms_slow_every_gemm_and_free_the_hidden_communication():
    options = {"dualpipe": True}
    shared = run(SMALL_MOE, 16, "h800", 64, options, **LAYOUT)
    reserved = run(SMALL_MOE, 16, "h800", 64, {**options, "reserved_comm_sms": 20}, **LAYOUT)
    slowed = reserved.breakdown_s.compute / shared.breakdown_s.compute
    assert 1.0 < slowed < 132 / 112      # GEMMs at 112/132 of the peak, memory-bound kernels not
    assert shared.breakdown_s.ep_exposed > 0            # the contention share
    assert reserved.breakdown_s.ep_exposed == 0.0       # hidden on SMs of its own


def test_reserving_sms_needs_the_accelerators_sm_count():
    with pytest.raises(InputError, match="SM count is not in the catalog"):
        job(SMALL_MOE, 16, "tpu-v5p", 64, {"reserved_comm_sms": 20}, **LAYOUT)
    with pytest.raises(InputError, match="it has 132"):
        job(SMALL_MOE, 16, "h800", 64, {"reserved_comm_sms": 132}, **LAYOUT)


def test_fp8_kernel_efficiencies_are_the_medians_of_deepgemms_table():
    assert set(FP8_KERNEL_EFFICIENCY) == set(FP8_KERNELS)
    deepgemm = [row[3] for row in TRAINING_SHAPES]
    assert FP8_KERNEL_EFFICIENCY["deepgemm"] == median(deepgemm) / H800_FP8_PEAK_TFLOPS
    # The CUTLASS 3.6-based kernels: the median speedup over them is 1.1x.
    assert FP8_KERNEL_EFFICIENCY["deepgemm"] / FP8_KERNEL_EFFICIENCY["cutlass"] == \
        pytest.approx(1.1, abs=0.02)


def test_fp8_gemm_inputs_are_cast_through_hbm():
    """Each FP8 GEMM input is read in 16 bits and written in 8 before the GEMM reads it
    (arXiv:2412.19437 Sec. 3.5.2): 3 bytes per element at the memory efficiency."""
    m = transformer(SMALL_MOE)
    grid = Grid(*(np.array([v]) for v in (1, 4, 4, 1, 4, 1, 1, 1, 1, False)))
    h800 = CATALOG.accelerator("h800")
    acts = layer_activations(m, grid, TrainingOptions(), "fp8")
    args = (m, grid, acts, h800.peak_flops("fp8"), 0.5, h800.peak_flops("bf16"), 0.6,
            h800.memory_bw_Bps)
    casts = layer_compute(*args, quantized=True).forward - layer_compute(*args).forward
    assert casts[0] == pytest.approx(3 * m.seq_len * m.mean_gemm_input_width
                                     / (MEMORY_EFFICIENCY * h800.memory_bw_Bps))


def test_the_kernels_of_the_time_are_slower():
    def days(kernels: str) -> float:
        fp8 = job(SMALL_MOE, 16, "h800", 64, {"dualpipe": True, "fp8_kernels": kernels},
                  **LAYOUT)
        fp8 = dataclasses.replace(fp8, workload=dataclasses.replace(fp8.workload,
                                                                    precision="fp8"))
        return estimate(fp8).time_to_train_days
    assert days("cutlass") > days("deepgemm")
