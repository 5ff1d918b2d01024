"""Bands, coverage and assumptions travel with the headline figures and the section JSON."""

from __future__ import annotations

import dataclasses

import pytest

from engine.catalog import load_catalog
from engine.compare import compare, verdict
from engine.estimates import REGISTRY
from engine.evaluate import evaluate
from engine.headline import headline
from engine.layout import catalog_for, load_design
from tests.conftest import DATA, EXAMPLES

CATALOG = load_catalog()
MIXED = DATA / "mixed-a800-ascend.yaml"
UNFIT = DATA / "does-not-fit.yaml"
BANDED = {spec.key for _, spec in REGISTRY.figures() if spec.banded}


def _evaluate(path):
    design = load_design(str(path))
    return design, evaluate(design, catalog_for(design, CATALOG))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_has_a_band_on_every_estimated_figure(path):
    _, result = _evaluate(path)
    figures = [f for f in headline(result) if f.value is not None and f.key in BANDED]
    assert figures
    for figure in figures:
        assert figure.band is not None, figure.key
        assert figure.band.contains(figure.value), (figure.key, figure.value, figure.band)
        assert figure.band.label.startswith(("calibrated on", "extrapolated"))
        assert figure.range_text in figure.ranged_text
    data = result.to_json()
    for name, trust in result.trust.items():
        assert data[name].get("bands", {}).keys() == trust.bands.keys()
        assert data[name].get("fidelity", {}).keys() == trust.bands.keys()


def test_an_accelerator_with_no_published_data_has_a_wider_band():
    design, _ = _evaluate(EXAMPLES[0])
    widths = {}
    for accelerator in ("a800-80gb", "ascend-910b"):
        nodes = tuple(dataclasses.replace(n, hardware=accelerator) if n.kind != "switch"
                      else n for n in design.nodes)
        result = evaluate(dataclasses.replace(design, nodes=nodes), CATALOG)
        time = next(f for f in headline(result) if f.key == "time_to_train_days")
        widths[accelerator] = (time.band.high - time.band.low) / time.value
        assert time.band.label == ("extrapolated" if accelerator == "ascend-910b"
                                   else "calibrated on 13 published measurements")
    assert widths["ascend-910b"] > 3 * widths["a800-80gb"]


def test_a_mixed_design_never_shows_a_figure_of_part_of_it_without_saying_so():
    """A800 and Ascend 910B servers on one fabric: the job runs on the A800s."""
    _, result = _evaluate(MIXED)
    inventory = result.sections["inventory"]
    training = result.sections["training"]
    assert training.gpus < inventory.accelerators
    for figure in headline(result):
        if figure.value is None:
            continue
        partial = figure.key in {"all_reduce_busbw_GBps", "time_to_train_days",
                                 "time_to_train_days_with_failures", "mfu", "cost_per_run",
                                 "cost_per_run_with_failures", "cost_per_million_tokens"}
        assert bool(figure.covers) == partial, figure.key
        if partial:
            assert "a800-80gb" in figure.covers
            assert any(note.startswith("covers ") and "ascend-910b" in note
                       for note in figure.notes), figure.notes
    covers = result.to_json()["training"]["covers"]["time_to_train_days"]
    assert "one accelerator kind" in covers


def test_a_design_whose_workload_does_not_fit_shows_what_it_needs():
    _, result = _evaluate(UNFIT)
    training = result.sections["training"]
    assert not training.fits_in_memory
    figures = {f.key: f for f in headline(result)}
    for key in ("time_to_train_days", "mfu", "cost_per_run"):
        assert figures[key].text.startswith("does not fit: needs ")
        assert figures[key].text.endswith(f"of {training.memory_capacity_gib:.1f} per GPU")
        assert figures[key].value is not None          # JSON keeps the number
    assert figures["accelerators"].text == "8"
    assert result.to_json()["training"]["fits_in_memory"] is False


def test_figures_resting_on_assumed_values_say_so():
    design, result = _evaluate(next(p for p in EXAMPLES if p.stem == "h800-1024"))
    figures = {f.key: f for f in headline(result)}
    assert "h800 TDP assumed" in figures["power_kw"].assumed
    assert "catalog accelerator prices" in figures["capex"].assumed
    assert "reliability.restart_min" in figures["goodput"].assumed
    priced = dataclasses.replace(design, cost=dataclasses.replace(
        design.cost, accelerator_price_usd=25_000.0))
    figures = {f.key: f for f in headline(evaluate(priced, CATALOG))}
    assert not figures["capex"].assumed
    assert "set by the user" in figures["cost_per_run"].band.reason


def test_the_verdict_says_when_the_bands_overlap():
    design, _ = _evaluate(EXAMPLES[0])
    slower = dataclasses.replace(design, workload=dataclasses.replace(
        design.workload, tokens=design.workload.tokens * 1.01))
    result = compare([("A", design), ("B", slower)], CATALOG)
    assert result.fastest == "A"
    assert result.fastest_overlaps == ("B",)
    assert "no clear winner on time: its band overlaps B's" in verdict(result)[0]
    apart = dataclasses.replace(design, workload=dataclasses.replace(
        design.workload, tokens=design.workload.tokens * 2))
    result = compare([("A", design), ("B", apart)], CATALOG)
    assert result.fastest_overlaps == ()
    assert "no clear winner" not in verdict(result)[0]




def test_every_row_says_when_its_best_is_no_clear_winner():
    design, _ = _evaluate(EXAMPLES[0])
    slower = dataclasses.replace(design, workload=dataclasses.replace(
        design.workload, tokens=design.workload.tokens * 1.01))
    result = compare([("A", design), ("B", slower)], CATALOG)
    assert result.unclear["time_to_train_days"] == ("B",)
    apart = dataclasses.replace(design, workload=dataclasses.replace(
        design.workload, tokens=design.workload.tokens * 2))
    result = compare([("A", design), ("B", apart)], CATALOG)
    assert "time_to_train_days" not in result.unclear
    for key, others in result.unclear.items():      # higher-is-better rows too (mfu ...)
        (winner,) = result.best[key]
        low, high = next(r for r in result.rows if r.design == winner).bands[key]
        for other in others:
            o_low, o_high = next(r for r in result.rows if r.design == other).bands[key]
            assert o_low <= high
            assert o_high >= low
