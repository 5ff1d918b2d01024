"""Failures, checkpoints and goodput against closed forms and published interruption counts."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.catalog.loader import build_catalog
from engine.cost import COST, cost_section
from engine.evaluate import evaluate
from engine.inventory import take_inventory
from engine.layout import load_design, loads_design
from engine.network import network_section
from engine.reliability import RELIABILITY, reliability_section
from engine.reliability.checkpoints import checkpoint_write_s, goodput, young_interval_s
from engine.reliability.failures import poisson_quantile
from engine.training import TRAINING
from tests.conftest import DATA, ROOT
from tests.engine.test_cost import SMALL

LLAMA3_DAYS = 54            # arXiv:2407.21783, Sec. 3.3.4: a 54-day snapshot of pre-training
LLAMA3_ALL, LLAMA3_UNEXPECTED = 466, 419


def test_young_interval_closed_form():
    assert young_interval_s(60.0, 3 * 3600.0) == pytest.approx(math.sqrt(2 * 60 * 10_800))


def test_goodput_closed_form():
    """Daly 2006's complete model, and its first-order reading for small overheads."""
    interval, write, mtbf, restart = 600.0, 30.0, 36_000.0, 300.0
    wall = mtbf * math.exp(restart / mtbf) * (math.exp((interval + write) / mtbf) - 1)
    assert goodput(interval, write, mtbf, restart) == pytest.approx(interval / wall)
    interval, write, mtbf = 600.0, 6.0, 360_000.0
    first_order = 1 - write / interval - interval / (2 * mtbf) - restart / mtbf
    assert goodput(interval, write, mtbf, restart) == pytest.approx(first_order, abs=5e-4)


def test_goodput_without_failures_is_the_checkpoint_overhead():
    assert goodput(600.0, 30.0, math.inf, 300.0) == pytest.approx(600 / 630)
    assert goodput(math.inf, 30.0, math.inf, 300.0) == 1.0


def test_checkpoint_write_time():
    assert checkpoint_write_s(70e9, 14.0, 100e9) == pytest.approx(9.8)


@settings(max_examples=200, deadline=None)
@given(write=st.floats(0.1, 3600), mtbf=st.floats(60, 1e7), restart=st.floats(0, 7200),
       more=st.floats(1.0, 100.0))
def test_more_failures_never_raise_goodput(write, mtbf, restart, more):
    """At Young's interval, a shorter MTBF never leaves a larger share of useful time."""
    def at(m: float) -> float:
        return goodput(young_interval_s(write, m), write, m, restart)
    assert at(mtbf / more) <= at(mtbf) + 1e-12


@pytest.mark.parametrize(("mean", "p", "k"), [(0.0, 0.99, 0), (1.0, 0.5, 1), (1.0, 0.99, 4),
                                             (0.0174, 0.99, 1), (100.0, 0.5, 100),
                                             # above 1,000: the expansion, equal to the sum
                                             (2000.0, 0.99, 2105), (1e5, 0.999999, 101507)])
def test_poisson_quantile(mean, p, k):
    assert poisson_quantile(mean, p) == k


def test_poisson_quantile_of_a_huge_mean_is_not_a_loop_as_long_as_the_mean():
    """1e25 servers under repair (failure rates of 1e29 a million hours) summed term by
    term never ended."""
    assert poisson_quantile(1e25, 0.99) == pytest.approx(1e25 + 2.33e12 * 1.0, rel=1e-9)


# ---- the model on designs

@pytest.fixture
def small_with_model():
    """The small catalog plus a shipped model with a published parameter count."""
    return build_catalog([DATA / "small_catalog.yaml"]).merged(
        [load_catalog().model("llama2-7b")])


def report_for(design, catalog):
    """The reliability section without a training estimate."""
    inventory = take_inventory(design, catalog)
    cost = cost_section(design, catalog, inventory, network_section(design, catalog), None)
    return reliability_section(design, catalog, inventory, None, cost)


def test_small_design_by_hand(small_with_model):
    design = loads_design(SMALL.replace("model: tiny", "model: llama2-7b"),
                          catalog=small_with_model)
    r = design.reliability
    result = evaluate(design, small_with_model)
    report, training = result.require(RELIABILITY), result.require(TRAINING)
    cost = result.require(COST)
    per_hour = (16 * r.accelerator_failures + 2 * r.server_failures + 1 * r.switch_failures
                + 16 * r.software_failures) / 1e6
    assert report.job_mtbf_hours == pytest.approx(1 / per_hour)
    write = 7e9 * 14 / (16 * 0.122e9)
    assert report.checkpoint_write_s == pytest.approx(write)
    interval = math.sqrt(2 * write * report.job_mtbf_hours * 3600)
    assert report.checkpoint_interval_min == pytest.approx(interval / 60)
    assert report.goodput == pytest.approx(goodput(interval, write,
                                                   report.job_mtbf_hours * 3600, 600))
    days = training.time_to_train_days / report.goodput
    assert report.time_to_train_days_with_failures == pytest.approx(days)
    assert report.interruptions_per_run == pytest.approx(days * 24 / report.job_mtbf_hours)
    assert report.cost_per_run_with_failures == pytest.approx(
        cost.cost_per_gpu_hour * training.gpus * days * 24)
    under_repair = 2 * (8 * r.accelerator_failures + r.server_failures) / 1e6 * 72
    assert report.servers_under_repair == pytest.approx(under_repair)
    assert report.hot_spare_servers == 1


def test_a_set_interval_is_used(small_with_model):
    design = loads_design(SMALL.replace("model: tiny", "model: llama2-7b"),
                          catalog=small_with_model)
    design = dataclasses.replace(design, reliability=dataclasses.replace(
        design.reliability, checkpoint_interval_min=30.0))
    assert report_for(design, small_with_model).checkpoint_interval_min == 30.0


def test_llama3_16k_job_mtbf_matches_the_published_interruptions():
    """Llama 3 (arXiv:2407.21783, Sec. 3.3.4): 466 interruptions (419 unexpected) in 54 days
    on 16,384 H100, one every 2.78 h (3.09 h unexpected only)."""
    catalog = load_catalog()
    design = load_design(str(ROOT / "examples" / "llama3-16k-h100-roce.yaml"))
    report = report_for(design, catalog)
    hours = LLAMA3_DAYS * 24
    assert hours / LLAMA3_ALL <= report.job_mtbf_hours <= hours / LLAMA3_UNEXPECTED * 1.001
    assert report.interruptions_per_day == pytest.approx(LLAMA3_UNEXPECTED / LLAMA3_DAYS,
                                                         rel=1e-3)
    assert report.goodput > 0.90      # the paper: "higher than 90% effective training time"
