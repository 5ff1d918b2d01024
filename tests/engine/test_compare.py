"""The what-if comparison: one currency, reasons for gaps, fastest and cheapest."""

from __future__ import annotations

import dataclasses

import pytest

from engine import evaluate as pipeline
from engine.catalog import load_catalog
from engine.compare import compare
from engine.layout import loads_design
from tests.engine.test_cost import SMALL, TrainingStandIn

# Until the training section lands, a stand-in gives each design a training time by name.
DAYS = {"slow": 30.0, "fast": 10.0}


@pytest.fixture
def with_training(monkeypatch):
    def training(design, catalog, done):
        return TrainingStandIn(DAYS[design.name], tokens_per_s=1e6)
    sections = list(pipeline.SECTIONS)
    sections.insert(2, ("training", training))
    monkeypatch.setattr(pipeline, "SECTIONS", tuple(sections))


@pytest.fixture
def catalog(small_catalog):
    """The small catalog plus a model with a parameter count (the checkpoint needs one)."""
    return small_catalog.merged([load_catalog().model("llama2-7b")])


def designs(catalog):
    base = loads_design(SMALL.replace("model: tiny", "model: llama2-7b"), catalog=catalog)
    slow = dataclasses.replace(base, name="slow")
    fast = dataclasses.replace(base, name="fast",
                               cost=dataclasses.replace(base.cost, discount=1.0))
    return [("slow", slow), ("fast", fast)]


def test_fastest_and_cheapest_counting_failures(catalog, with_training):
    result = compare(designs(catalog), catalog)
    slow, fast = result.rows
    assert result.fastest == "fast"
    assert result.fastest_by == "time_to_train_days_with_failures"
    assert fast.values["cost_per_run"] == pytest.approx(2.0 * 16 * 24 * 10)
    assert slow.values["cost_per_run"] == pytest.approx(1.0 * 16 * 24 * 30)
    assert result.cheapest == "fast"      # a third of the time at twice the hourly price
    assert result.cheapest_by == "cost_per_run_with_failures"


def test_one_currency_and_reasons_for_gaps(catalog):
    result = compare(designs(catalog), catalog, currency="CNY")
    assert {r.currency for r in result.rows} == {"CNY"}
    row = result.rows[0]
    assert row.values["capex"] > 0
    assert row.values["time_to_train_days"] is None
    assert row.missing["cost_per_run"] == row.missing["time_to_train_days"]
    assert result.fastest is None
