"""The what-if comparison: one currency, reasons for gaps, fastest and cheapest."""

from __future__ import annotations

import dataclasses

import pytest

from engine.catalog import load_catalog
from engine.compare import compare, verdict
from engine.headline import by_key
from engine.layout import load_design, loads_design
from engine.scenarios import scenarios_of
from tests.conftest import ROOT
from tests.engine.test_cost import SMALL


@pytest.fixture
def catalog(small_catalog):
    """The small catalog plus a model with a parameter count (the checkpoint needs one)."""
    return small_catalog.merged([load_catalog().model("llama2-7b")])


def design(catalog, name: str, servers: int, discount: float, accelerator: str = "gpu-a"):
    text = (SMALL.replace("model: tiny", "model: llama2-7b")
            .replace("replicas: 2", f"replicas: {servers}")
            .replace("accelerator: gpu-a", f"accelerator: {accelerator}"))
    base = loads_design(text, catalog=catalog)
    return name, dataclasses.replace(base, name=name, cost=dataclasses.replace(
        base.cost, discount=discount))


def test_fastest_and_cheapest_counting_failures(catalog):
    """Twice the GPUs train about twice as fast; at twice the hourly price they cost more."""
    result = compare([design(catalog, "two", 2, 0.5), design(catalog, "four", 4, 1.0)],
                     catalog)
    assert result.fastest == "four"
    assert result.fastest_by == "time_to_train_days_with_failures"
    assert result.cheapest == "two"
    assert result.cheapest_by == "cost_per_run_with_failures"
    for row in result.rows:
        assert set(row.missing.values()) == {"serving: no serving workload"}
        v = row.values
        assert v["time_to_train_days_with_failures"] >= v["time_to_train_days"]
        assert v["cost_per_run_with_failures"] >= v["cost_per_run"]


def test_one_currency_and_reasons_for_gaps(catalog):
    """gpu-b has neither a card nor a cloud price: its money figures say why they are absent."""
    result = compare([design(catalog, "a", 2, 0.5), design(catalog, "b", 2, 0.5, "gpu-b")],
                     catalog, currency="CNY")
    assert {r.currency for r in result.rows} == {"CNY"}
    a, b = result.rows
    assert a.values["capex"] > 0
    assert b.values["cost_per_run"] is None
    assert b.missing["cost_per_run"].startswith("cost: no on-demand cloud price for gpu-b")
    assert b.values["time_to_train_days"] is not None
    assert result.cheapest == "a"


def test_a_design_that_does_not_fit_is_not_ranked(small_catalog):
    catalog = small_catalog.merged([load_catalog().model(m) for m in ("llama2-7b",
                                                                      "llama3-405b")])
    fits = design(catalog, "fits", 2, 0.5)
    name, base = design(catalog, "too-big", 2, 0.5)
    too_big = (name, dataclasses.replace(base, workload=dataclasses.replace(
        base.workload, model="llama3-405b", tokens=1e9)))   # far faster, but 405B on 16 GPUs
    result = compare([fits, too_big], catalog)
    small, big = result.rows
    assert [small.fits_in_memory, big.fits_in_memory] == [True, False]
    days = "time_to_train_days_with_failures"
    assert big.values[days] < small.values[days]
    assert result.fastest == result.cheapest == "fits"


def test_where_no_design_trains_the_verdict_names_who_serves_most_and_cheapest():
    catalog = load_catalog()
    design = load_design(str(ROOT / "examples" / "inferentia2-vs-gpus.yaml"), catalog)
    result = compare([(d.name, d) for d in scenarios_of(design)], catalog)
    assert result.fastest is None
    assert result.cheapest is None
    most, cheapest = verdict(result)
    served = {r.design: by_key(r.figures)["output_tokens_per_s"].value for r in result.rows}
    top = max(served, key=lambda name: served[name] or 0.0)
    assert most.startswith(f"Most output: {top}, ")
    prices = {r.design: by_key(r.figures)["cost_per_million_output_tokens"].value
              for r in result.rows}
    low = min(prices, key=lambda name: prices[name] or float("inf"))
    assert cheapest.startswith(f"Cheapest to serve: {low}, ")
