"""Kernel-level GEMM data (engine/catalog/measured/gemm_kernels.yaml) and the per-part
GEMM efficiency the training engine takes from it."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from engine.catalog import load_catalog
from engine.catalog.gemm_kernels import kernel_fraction, load_gemm_kernels
from engine.training.efficiency import (
    GEMM_EFFICIENCY,
    gemm_basis,
    large_gemm_efficiency,
)
from engine.training.fp8_kernels import FP8_KERNEL_EFFICIENCY
from workbench.cli import main

CATALOG = load_catalog()
KERNELS = load_gemm_kernels()


@pytest.mark.parametrize("row", KERNELS.measurements, ids=lambda r: f"{r.device}-{r.precision}"
                         f"-{r.source}")
def test_every_row_is_a_catalog_part_below_its_peak(row):
    for part in row.accelerators:
        peak = CATALOG.accelerator(part).peak_flops(row.precision)
        assert peak, f"{part} has no {row.precision} peak"
        assert 0.3 < row.tflops * 1e12 / peak <= 1.0, f"{part}: {row.tflops} of {peak / 1e12}"
    assert KERNELS.sources[row.source]


def test_independent_harnesses_agree_within_ten_percent():
    """Where the reference harness and another source measured the same part, they agree:
    the data is a property of the hardware and its libraries, not of one script."""
    pairs = 0
    for other in (r for r in KERNELS.measurements if r.source != KERNELS.reference):
        for part in other.accelerators:
            ref = kernel_fraction(part, other.precision)
            if ref is not None and ref.rows[0].source == KERNELS.reference:
                pairs += 1
                assert other.tflops == pytest.approx(ref.rows[0].tflops, rel=0.10), part
    assert pairs >= 3


def test_anchors_keep_their_meaning():
    """The A100 fit and DeepGEMM's H800 FP8 figure are still what their parts get, and what
    every part gets when no accelerator is named."""
    assert large_gemm_efficiency("fp16", "a100-80gb") == pytest.approx(GEMM_EFFICIENCY)
    assert large_gemm_efficiency("bf16") == GEMM_EFFICIENCY
    assert large_gemm_efficiency("fp8", "h800") == pytest.approx(FP8_KERNEL_EFFICIENCY["deepgemm"])
    assert large_gemm_efficiency("fp8") == FP8_KERNEL_EFFICIENCY["deepgemm"]


def test_efficiency_follows_the_published_kernel_fraction():
    """Hopper's large GEMMs reach 794.5 of 989 TFLOP/s, the A100's 271.2 of 312 (MAMF), so a
    Hopper step is credited that much less of its peak than the A100 fit."""
    hopper = large_gemm_efficiency("bf16", "h100-sxm")
    assert hopper == pytest.approx(GEMM_EFFICIENCY * (794.5 / 989) / (271.2 / 312))
    assert large_gemm_efficiency("bf16", "h800") == hopper, "same silicon, same clocks"
    assert large_gemm_efficiency("bf16", "mi300x") < 0.6 * GEMM_EFFICIENCY


def test_a_part_without_kernel_data_keeps_the_anchor_and_says_so():
    basis = gemm_basis("bf16", "tpu-v5p")
    assert basis.efficiency == GEMM_EFFICIENCY
    assert basis.own is None
    assert basis.describe().startswith("GEMM efficiency extrapolated")
    assert gemm_basis("bf16", "no-such-part").efficiency == GEMM_EFFICIENCY


def test_a_user_peak_override_scales_time_as_before():
    """Fractions are of the shipped catalog's peak, so ``E`` does not move with an
    override and a faster peak still means a faster GEMM."""
    assert kernel_fraction("gaudi3", "bf16").fraction == pytest.approx(1243.0 / 1835)


def test_an_estimate_names_its_kernel_source():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["estimate", "--model", "llama3-70b", "--accelerator", "mi300x",
                     "--gpus", "64", "--json"]) == 0
    data = json.loads(out.getvalue())
    reason = data["fidelity"]["mfu"]["reason"]
    assert data["fidelity"]["mfu"]["label"] == "extrapolated"
    assert "no published training run of AMD mi300x" in reason
    assert "GEMM efficiency kernel-calibrated" in reason
    assert "MAMF: 668.4 TFLOP/s BF16 on AMD MI300X" in reason
