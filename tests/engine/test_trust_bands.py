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
    serving_bands,
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
    assert "no published training run of Huawei" in ascend["mfu"].reason
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


SERVED = {"output_tokens_per_s": 7000.0, "users_served": 500.0, "ttft_ms": 70.0,
          "tpot_ms": 70.0, "cost_per_million_output_tokens": 2.0}
SERVING_EXAMPLES = [p for p in EXAMPLES if "serving:" in p.read_text()]


def test_serving_bands_are_calibrated_by_regime_and_extrapolated_elsewhere():
    hopper = serving_bands(SERVED, CATALOG.accelerator("h100-sxm"), "fp8")
    h800_bf16 = serving_bands(SERVED, CATALOG.accelerator("h800"), "bf16")
    ampere = serving_bands(SERVED, CATALOG.accelerator("a100-80gb"), "fp16")
    inf2 = serving_bands(SERVED, CATALOG.accelerator("inferentia2"), "bf16")
    assert hopper["tpot_ms"].label == "calibrated on 4 published measurements"
    assert "NVIDIA hopper, fp8 weights" in hopper["tpot_ms"].reason
    assert h800_bf16["tpot_ms"].label == hopper["tpot_ms"].label, "no bf16 run: the generation"
    assert "of NVIDIA hopper (ids" in h800_bf16["tpot_ms"].reason
    assert ampere["output_tokens_per_s"].label == "calibrated on 3 published measurements"
    assert inf2["output_tokens_per_s"].label == "extrapolated"
    assert "no published measurement of AWS inferentia2" in inf2["ttft_ms"].reason
    for key, value in SERVED.items():
        assert _relative_width(inf2[key], value) > _relative_width(hopper[key], value)
        for bands in (hopper, ampere, inf2):
            assert bands[key].contains(value)


def test_serving_latency_and_cost_mirror_throughput_and_the_price_widens_cost():
    mine = serving_bands(SERVED, CATALOG.accelerator("h100-sxm"), "fp8")
    listed = serving_bands(SERVED, CATALOG.accelerator("h100-sxm"), "fp8", 0.2, "catalog")
    rate, time = mine["output_tokens_per_s"], mine["tpot_ms"]
    assert time.low / 70.0 == pytest.approx(7000.0 / rate.high)
    assert time.high / 70.0 == pytest.approx(7000.0 / rate.low)
    assert mine["cost_per_million_output_tokens"].high / 2.0 == pytest.approx(time.high / 70.0)
    assert listed["cost_per_million_output_tokens"].high == \
        pytest.approx(1.2 * mine["cost_per_million_output_tokens"].high)
    assert listed["cost_per_million_output_tokens"].reason.endswith("price: catalog")


def test_serving_leave_one_out_coverage():
    """Each of the 7 published serving runs against the band built without it."""
    coverage = leave_one_out("serving")
    assert coverage.measurements == 7
    assert coverage.inside >= 5
    assert 0 < coverage.median_half_width < 0.3


@pytest.mark.parametrize("path", SERVING_EXAMPLES, ids=[p.stem for p in SERVING_EXAMPLES])
def test_every_serving_examples_figures_carry_their_band(path):
    design = load_design(str(path))
    result = evaluate(design, catalog_for(design, CATALOG))
    serving, trust = result.sections["serving"], result.trust["serving"]
    figures = {"output_tokens_per_s": serving.estimate.output_tokens_per_s,
               "ttft_ms": serving.estimate.ttft_ms, "tpot_ms": serving.estimate.tpot_ms,
               "users_served": serving.users_served,
               "cost_per_million_output_tokens":
                   serving.estimate.cost_per_million_output_tokens}
    assert set(trust.bands) == set(figures)
    for key, value in figures.items():
        assert trust.bands[key].contains(value), key
