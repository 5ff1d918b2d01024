"""Headline figures: read from the evaluation, the better direction, reasons, and text."""

from __future__ import annotations

import dataclasses

import pytest

from engine.catalog import load_catalog
from engine.compare import BASE, BEST, _best_of, compare
from engine.cost import COST
from engine.evaluate import evaluate
from engine.headline import HIGHER, LOWER, by_key, figure_keys, figure_text, headline
from engine.layout import load_design
from engine.network import NETWORK
from engine.scenarios import scenarios_of
from engine.training import TRAINING
from tests.conftest import ROOT

WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def designs(catalog):
    return scenarios_of(load_design(str(WHAT_IF), catalog))


def test_figures_are_the_sections_numbers(catalog, designs):
    result = evaluate(designs[0], catalog)
    figures = by_key(headline(result))
    assert tuple(figures) == figure_keys() == (
        "accelerators", "peak_pflops", "power_kw", "all_reduce_busbw_GBps",
        "time_to_train_days", "time_to_train_days_with_failures", "mfu", "goodput",
        "cost_per_run", "cost_per_run_with_failures", "cost_per_million_tokens", "capex",
        "output_tokens_per_s", "ttft_ms", "tpot_ms", "cost_per_million_output_tokens",
        "users_served", "seller_margin_per_gpu_hour", "break_even_discount",
        "break_even_utilisation", "plan_cost", "plan_finish_days",
        "owning_beats_renting_months")
    assert figures["time_to_train_days"].value == result.require(TRAINING).time_to_train_days
    assert figures["mfu"].value == result.require(TRAINING).mfu
    assert figures["capex"].value == result.require(COST).capex
    assert figures["cost_per_run"].unit == "CNY"
    assert figures["all_reduce_busbw_GBps"].value == \
        result.require(NETWORK).main().machine["all_reduce"].busbw_GBps
    assert figures["goodput"].better == HIGHER
    assert figures["cost_per_run"].better == LOWER
    assert figures["peak_pflops"].qualifier == "bf16"


def test_a_missing_figure_says_why(catalog, designs):
    """No training estimate: every figure that needs one gives the training section's error."""
    design = designs[0]
    workload = design.workload
    no_config = dataclasses.replace(design, workload=dataclasses.replace(
        workload, parallelism=dataclasses.replace(workload.parallelism, tp=3)))
    figures = by_key(headline(evaluate(no_config, catalog)))
    assert figures["accelerators"].value == 1024
    for key in ("time_to_train_days", "mfu", "cost_per_run", "cost_per_run_with_failures"):
        assert figures[key].value is None
        assert figures[key].missing.startswith("training: ")
        assert figures[key].failed
        assert figures[key].text == "n/a"


def test_unknown_power_is_a_floor(catalog, designs):
    """The catalog has no power figure for the A800 design's QM8700 switches: a floor."""
    power = by_key(headline(evaluate(designs[0], catalog)))["power_kw"]
    assert power.floor
    assert "qm8700" in power.note
    assert power.text.startswith("≥ ")


def test_known_power_is_not_a_floor(catalog, designs):
    """Every part of the H800 design has a power figure: the total is exact."""
    power = by_key(headline(evaluate(designs[1], catalog)))["power_kw"]
    assert not power.floor
    assert power.text == "1.34 MW"          # 1,024 H800 and their hosts, as a DGX H100 cluster
    assert not power.text.startswith("≥")


@pytest.mark.parametrize(("value", "style", "unit", "text"), [
    (1024, "count", "", "1,024"),
    (0.7027, "fraction", "%", "70.3 %"),
    (7146809.3, "money", "CNY", "7.15 M CNY"),
    (3.57, "money", "CNY", "3.57 CNY"),
    (220144800.0, "money", "USD", "220 M USD"),
    (1500.0, "power", "kW", "1.5 MW"),
    (45.83, "number", "days", "45.8 days"),
    (None, "number", "days", "n/a"),
])
def test_text(value, style, unit, text):
    assert figure_text(value, style, unit) == text


def test_the_comparison_marks_the_best_and_the_differences(catalog, designs):
    labels = ["A800", "H800", "H20"]
    result = compare(list(zip(labels, designs, strict=True)), catalog)
    days = {r.design: r.values["time_to_train_days"] for r in result.rows}
    assert result.best["time_to_train_days"] == ("H800",)
    assert days["H800"] == min(days.values())
    assert result.best["mfu"] == ("H20",)                      # higher is better
    assert result.best["accelerators"] == ()                   # neither: never marked
    assert result.best["power_kw"] == ()       # the A800's floor (≥ 745 kW) may beat the H20's 781
    assert set(result.best["goodput"]) == {"H800", "H20"}      # ties are all best
    assert result.change("time_to_train_days", "A800", BASE) == 0.0
    assert result.change("time_to_train_days", "H20", BASE) == pytest.approx(
        days["H20"] / days["A800"] - 1)
    assert result.change("time_to_train_days", "A800", BEST) == pytest.approx(
        days["A800"] / days["H800"] - 1)
    assert all(r.figures == headline(r.evaluation) for r in result.rows)


def test_a_floor_above_the_lowest_leaves_it_best(catalog, designs):
    """A total that is at least more than another design's exact total cannot beat it."""
    rows = compare(list(zip(["A800", "H800", "H20"], designs, strict=True)), catalog).rows
    a800 = rows[0]
    power = a800.figure("power_kw")
    raised = dataclasses.replace(power, value=rows[2].values["power_kw"] + 1.0)
    figures = tuple(raised if f.key == "power_kw" else f for f in a800.figures)
    rows = (dataclasses.replace(a800, figures=figures,
                                values={**a800.values, "power_kw": raised.value}), *rows[1:])
    assert power.floor
    assert _best_of(list(rows), "power_kw") == ("H20",)
