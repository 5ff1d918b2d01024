"""Bands: they hold the point estimate, widen where nothing was measured, and held out-of-sample."""

from __future__ import annotations

import math

import pytest

from engine.catalog import load_catalog
from engine.collectives import collective
from engine.evaluate import evaluate
from engine.fabric import fabric_from_hardware
from engine.layout import catalog_for, load_design
from engine.training import TRAINING
from engine.trust import (
    collective_bands,
    cost_bands,
    leave_one_out,
    reliability_bands,
    training_bands,
)
from engine.trust.bands import TRAINING_RATES, TRAINING_TIMES
from tests.conftest import EXAMPLES

CATALOG = load_catalog()
FIGURES = {"iteration_time_s": 10.0, "tokens_per_s": 1e6, "model_tflops_per_gpu": 400.0,
           "hardware_tflops_per_gpu": 450.0, "mfu": 0.4, "hfu": 0.45, "time_to_train_days": 30.0}


def _relative_width(band, value):
    return (band.high - band.low) / value


#: The serving examples train nothing.
TRAINING_EXAMPLES = [p for p in EXAMPLES if load_design(str(p)).trains]


@pytest.mark.parametrize("path", TRAINING_EXAMPLES, ids=[p.stem for p in TRAINING_EXAMPLES])
def test_every_examples_training_bands_hold_their_figures(path):
    design = load_design(str(path))
    catalog = catalog_for(design, CATALOG)
    training = evaluate(design, catalog).result(TRAINING)
    figures = {key: getattr(training, key) for key in TRAINING_RATES + TRAINING_TIMES}
    bands = training_bands(figures, catalog.accelerator(training.accelerator),
                           training.precision)
    assert set(bands) == set(figures)
    for key, band in bands.items():
        assert band.contains(figures[key]), f"{key}: {figures[key]} outside {band}"
        assert band.low < band.high
        assert band.reason


def test_a_measured_generation_is_calibrated_and_an_unmeasured_one_extrapolated():
    a100 = training_bands(FIGURES, CATALOG.accelerator("a100-80gb"), "fp16")
    a800 = training_bands(FIGURES, CATALOG.accelerator("a800-80gb"), "fp16")
    ascend = training_bands(FIGURES, CATALOG.accelerator("ascend-910b"), "fp16")
    assert a100["mfu"].label == "calibrated on 13 published measurements"
    assert a800["mfu"] == a100["mfu"], "an A800 is an Ampere: the A100 runs are its regime"
    assert ascend["mfu"].label == "extrapolated"
    assert "no published measurement of Huawei" in ascend["mfu"].reason
    for key, value in FIGURES.items():
        assert _relative_width(ascend[key], value) > 2 * _relative_width(a100[key], value)


def test_hopper_fp8_falls_back_to_the_generation_with_enough_runs():
    """One FP8 run (DeepSeek-V3) is too few on its own: all Hopper runs set the band."""
    bands = training_bands(FIGURES, CATALOG.accelerator("h800"), "fp8")
    assert bands["mfu"].label == "calibrated on 4 published measurements"
    assert "of NVIDIA hopper" in bands["mfu"].reason


def test_time_bands_mirror_rate_bands():
    bands = training_bands(FIGURES, CATALOG.accelerator("h100-sxm"), "bf16")
    rate = bands["tokens_per_s"]
    time = bands["time_to_train_days"]
    assert rate.low / FIGURES["tokens_per_s"] == pytest.approx(
        FIGURES["time_to_train_days"] / time.high)


@pytest.mark.parametrize(("accelerator", "size", "label"), [
    ("h100-sxm", 2**30, "calibrated on 6 published measurements"),
    ("mi300x", 2**30, "extrapolated")])
def test_collective_bands(accelerator, size, label):
    fabric = fabric_from_hardware(CATALOG, accelerator, 8)
    result = collective(fabric, "all_reduce", size)
    bands = collective_bands(result.busbw_GBps[0], result.time_s[0], size, False,
                             CATALOG.accelerator(accelerator))
    assert bands["busbw_GBps"].contains(result.busbw_GBps[0])
    assert bands["time_s"].contains(result.time_s[0])
    assert bands["busbw_GBps"].label == label


def test_cost_follows_the_time_band_and_the_price():
    days = training_bands(FIGURES, CATALOG.accelerator("h100-sxm"), "bf16")
    figures = {"cost_per_run": 1e6}
    fixed = cost_bands(figures, 30.0, days["time_to_train_days"], 0.0, "set by the user")
    listed = cost_bands(figures, 30.0, days["time_to_train_days"], 0.2, "catalog list price")
    time = days["time_to_train_days"]
    assert fixed["cost_per_run"].low == pytest.approx(1e6 * time.low / 30)
    assert listed["cost_per_run"].high > fixed["cost_per_run"].high
    assert "catalog list price" in listed["cost_per_run"].reason


def test_reliability_band_is_the_poisson_error_of_the_counted_failures():
    band = reliability_bands(3.09)["job_mtbf_hours"]
    assert band.contains(3.09)
    assert math.log(band.high / 3.09) == pytest.approx(1.282 / math.sqrt(419), rel=0.01)


@pytest.mark.parametrize("kind", ["training", "collective"])
def test_leave_one_out_coverage_is_near_eighty_percent(kind):
    """Each published measurement against the band built without it (docs/engine.md)."""
    coverage = leave_one_out(kind)
    assert coverage.measurements >= 15
    assert 0.6 <= coverage.fraction <= 0.95
    assert 0 < coverage.median_half_width < 0.5
