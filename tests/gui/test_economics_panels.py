"""The cost-over-time and seller panels in the window: the engine's numbers for the what-if
file (which plans its orders and sets a seller's list price), the other scenarios overlaid,
the reason where a design has no plan or no list price, the comparison's rows, the
settings edited in the inspector."""

from __future__ import annotations

import numpy as np
import pytest

from engine.evaluate import evaluate
from engine.layout import load_design
from engine.plan import PLAN
from engine.plan.schedule import month_index
from engine.seller import SELLER
from engine.seller.section import SETTINGS as SELLER_SETTINGS
from tests.conftest import ROOT
from tests.gui.test_inspector import choose, type_into
from tests.gui.test_scenario_overlay import settle


@pytest.fixture
def what_if(open_what_if, qtbot):
    window = open_what_if(overlay=True)
    settle(qtbot, window, ["H800 cluster", "H20 cluster"])
    return window


def test_the_panels_draw_the_plan_and_the_seller_with_the_scenarios_overlaid(what_if, qtbot):
    doc, panels = what_if.document, what_if.panels
    a800, h800 = (evaluate(d, doc.catalog) for d in doc.scenarios[:2])
    plan, seller = a800.require(PLAN), a800.require(SELLER)

    over_time = panels["cost-over-time"]
    buy = over_time.series("buy")
    np.testing.assert_array_equal(buy.y, plan.cumulative["buy"])
    assert buy.x[0] == month_index("2023-07", "") == month_index(plan.months[0], "")
    assert set(plan.cumulative) <= set(over_time.series_names())
    crossing = over_time.reference("owning wins")
    assert crossing.value() == month_index(plan.owning_beats_renting, "")
    assert plan.finish_date in over_time.readout()
    np.testing.assert_array_equal(over_time.series("H800 cluster · buy").y,
                                  h800.require(PLAN).cumulative["buy"])
    assert "H800 cluster · rent" not in over_time.series_names()    # no H800 rent price

    margin = panels["seller"]
    u = seller.utilisation
    line = margin.series(f"{u:.0%} sold")
    assert line.y[np.argmin(abs(line.x - 100 * seller.discount))] == \
        pytest.approx(seller.margin_per_gpu_hour)
    assert list(margin.series("the design").y) == [seller.margin_per_gpu_hour]
    assert "loses 1.11 CNY" in margin.readout()
    assert list(margin.series("H800 cluster · the design").y) == \
        [h800.require(SELLER).margin_per_gpu_hour]
    assert not any(n.startswith("H20 cluster") for n in margin.series_names())  # no list price

    what_if.show_comparison()
    qtbot.waitUntil(lambda: what_if.comparison.latest() is not None, timeout=20000)
    rows = {row[0]: row[1:] for row in what_if.comparison_view.table.cell_texts()}
    assert rows["Seller's margin per GPU-hour"][0] == "-1.11 CNY"
    assert "Plan's cost, net of resale" in rows

    what_if.editor.scene.clearSelection()             # the settings, in the inspector
    type_into(qtbot, what_if.inspector.editor("seller.utilisation"), "0.5")
    choose(what_if.inspector.editor("plan.strategy"), "rent")
    assert SELLER_SETTINGS.of(doc.design).utilisation == 0.5
    qtbot.waitUntil(lambda: "50% of hours sold" in margin.readout(), timeout=20000)
    qtbot.waitUntil(lambda: "(rent)" in over_time.readout(), timeout=20000)


def test_the_h20_names_the_setting_to_fill(what_if, qtbot):
    what_if.scenario_binder.show_scenario(2)
    settle(qtbot, what_if, ["A800 cluster", "H800 cluster"])
    seller = what_if.panels["seller"]
    assert "seller.list_usd_per_gpu_hour" in seller.readout()   # under the others' lines
    assert not any(n.startswith(("H20", "30% sold")) for n in seller.series_names())


def test_a_design_that_only_serves_has_no_plan(make_window, qtbot):
    window = make_window(load_design(str(ROOT / "examples" / "llama2-70b-8xh100-serving.yaml")))
    qtbot.waitUntil(lambda: window.pipeline.is_idle()
                    and window.panels["cost-over-time"].message() != "", timeout=20000)
    assert "times a training run" in window.panels["cost-over-time"].message()

