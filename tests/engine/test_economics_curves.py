"""The cost-over-time and seller curves agree with the sections they draw."""

from __future__ import annotations

import pytest

from engine.analysis.economics_curves import cost_over_time, seller_curve
from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.plan import PLAN
from engine.scenarios import scenarios_of
from engine.seller import SELLER
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def a800():
    catalog = load_catalog(user=False)
    design = scenarios_of(load_design(str(ROOT / "examples" / "what-if-a800-h800-h20.yaml"),
                                      catalog))[0]
    return evaluate(design, catalog)


def test_the_seller_curve_passes_through_the_design_and_its_break_evens(a800):
    report = a800.require(SELLER)
    curve = seller_curve(report)
    u = report.utilisation
    assert curve.break_even[u] == pytest.approx(report.break_even_discount)
    at = curve.margins[u][abs(curve.discounts - 1.0).argmin()]
    assert at == pytest.approx(report.margin_per_gpu_hour)       # the design's discount is 1
    assert curve.design_point == (report.discount, report.margin_per_gpu_hour)
    more_sold = [curve.break_even[x] for x in sorted(curve.break_even)]
    assert more_sold == sorted(more_sold, reverse=True)          # more hours sold, less needed


def test_cost_over_time_is_the_plans_and_marks_the_crossing(a800):
    plan = a800.require(PLAN)
    curve = cost_over_time(plan)
    assert set(curve.ways) == set(plan.cumulative)
    assert curve.ways["buy"][-1] == plan.cumulative["buy"][-1]
    assert curve.labels[curve.owning_beats_renting] == plan.owning_beats_renting
