"""Each plot panel draws the engine's numbers as given, overlays scenarios, reads out and
exports; real widgets, real engine results of the 16,384-GPU example."""

from __future__ import annotations

import csv
import functools

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from engine.analysis import curves, explore
from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.training import TRAINING
from tests.conftest import ROOT
from widgets.plots.bandwidth_panel import BandwidthPanel
from widgets.plots.breakdown_panel import PARTS as TIME_PARTS
from widgets.plots.breakdown_panel import BreakdownPanel
from widgets.plots.cost_panel import CostPanel
from widgets.plots.memory_panel import CAPACITY, MemoryPanel
from widgets.plots.memory_panel import PARTS as MEMORY_PARTS
from widgets.plots.reliability_panel import ReliabilityPanel
from widgets.plots.scaling_panel import ScalingPanel

LLAMA3 = ROOT / "examples" / "llama3-16k-h100-roce.yaml"


@functools.cache
def engine_results():
    catalog = load_catalog()
    design = load_design(str(LLAMA3), catalog)
    evaluation = evaluate(design, catalog)
    return evaluation, curves(evaluation), explore(design, catalog, evaluation)


@pytest.fixture
def shown(qtbot):
    """Show a panel at a readable size; returns it."""
    def show(panel):
        qtbot.addWidget(panel)
        panel.resize(800, 500)
        panel.show()
        qtbot.waitExposed(panel)
        return panel
    return show


def test_bandwidth_curves_are_the_engines_with_limits_marked(shown):
    _, c, _ = engine_results()
    panel = shown(BandwidthPanel())
    panel.set_curves(c.bandwidth)
    for op, label in (("all_reduce", "all-reduce"), ("all_to_all", "all-to-all")):
        series, result = panel.series(label), c.bandwidth.curves[op]
        np.testing.assert_array_equal(series.x, result.bytes)
        np.testing.assert_array_equal(series.y, result.busbw_GBps)
        changes = panel.series(f"{label}: limit changes")
        assert list(changes.x) == [result.bytes[i] for i in range(1, 64)
                                   if result.bottleneck[i] != result.bottleneck[i - 1]]
    assert "all-to-all: level 3 (atsw) (roce-400g)" in panel.readout()
    assert panel.caption().startswith("16,384 × h100-sxm")


def test_hovering_reads_out_the_nearest_point(shown):
    _, c, _ = engine_results()
    panel = shown(BandwidthPanel())
    panel.set_curves(c.bandwidth)
    series = panel.series("all-reduce")
    x, y = series.item.getData()
    text = panel.hover_at(series.view.mapViewToScene(QPointF(x[40], y[40]) + QPointF(0, 1e-3)))
    assert text == series.note(40)
    assert "busbw" in text
    assert "limited by" in text
    far = panel.graphics.mapToScene(0, 0)
    assert panel.hover_at(far) == ""
    assert panel.readout().startswith("Limit at 16 GiB")


def test_a_scenario_overlays_and_clears_without_replotting_the_design(shown):
    _, c, _ = engine_results()
    panel = shown(BandwidthPanel())
    panel.set_curves(c.bandwidth)
    item = panel.series("all-reduce").item
    panel.set_curves(c.bandwidth, scenario="H800")
    panel.set_curves(c.bandwidth)                       # an update: setData on the same curve
    assert panel.series("all-reduce").item is item
    assert "H800 · all-reduce" in panel.series_names()
    panel.clear("H800")
    assert not [n for n in panel.series_names() if n.startswith("H800")]
    assert "all-reduce" in panel.series_names()


def test_iteration_and_memory_bars_are_the_estimates_parts(shown):
    e, _, _ = engine_results()
    training = e.require(TRAINING)
    time_panel = shown(BreakdownPanel())
    time_panel.set_estimate(training)
    parts = time_panel.bars.values("")
    assert parts == {label: getattr(training.breakdown_s, field)
                     for label, field, _ in TIME_PARTS}
    assert time_panel.bars.total("") == pytest.approx(training.iteration_time_s)
    assert time_panel.bars.label("") == "tp 8 · pp 16 · dp 128"
    memory_panel = shown(MemoryPanel())
    memory_panel.set_estimate(training)
    assert memory_panel.bars.values("") == {
        label: getattr(training.memory_breakdown_gib, field)
        for label, field, _ in MEMORY_PARTS}
    assert set(memory_panel.series(CAPACITY).x) == {training.memory_capacity_gib}
    need, have = training.memory_per_gpu_gib, training.memory_capacity_gib
    assert memory_panel.readout() == f"Needs {need:.1f} GiB of {have:.1f} GiB ({need / have:.0%})."


def test_scaling_marks_the_designs_own_point(shown):
    _, _, x = engine_results()
    panel = shown(ScalingPanel())
    panel.set_curve(x.scaling)
    runs = [p for p in x.scaling.points if p.estimate]
    assert list(panel.series("time to train").x) == [p.accelerators for p in runs]
    assert list(panel.series("time to train").y) == [p.estimate.time_to_train_days
                                                     for p in runs]
    assert list(panel.series("MFU").y) == [100 * p.estimate.mfu for p in runs]
    assert panel.series("MFU").view is panel.right_view
    own = x.scaling.design_point()
    assert list(panel.series("this design").x) == [16384]
    assert list(panel.series("this design").y) == [own.estimate.time_to_train_days]
    assert panel.reference("this design").value() == pytest.approx(np.log2(16384))


def test_cost_views_show_both_ways_and_the_bill(shown):
    _, c, _ = engine_results()
    panel = shown(CostPanel())
    panel.set_buy_rent(c.buy_rent)
    panel.set_run_cost(c.run_cost)
    np.testing.assert_array_equal(panel.buy_rent.series("buy").y, c.buy_rent.buy)
    np.testing.assert_array_equal(panel.buy_rent.series("rent").y, c.buy_rent.rent)
    assert list(panel.buy_rent.series("break-even").x) == [c.buy_rent.break_even_months]
    assert panel.run_cost.bars.values("") == dict(c.run_cost.parts)
    assert panel.buy_rent.plot.getAxis("left").labelText == "Cumulative cost (USD)"


def test_reliability_marks_the_chosen_interval(shown):
    _, c, _ = engine_results()
    panel = shown(ReliabilityPanel())
    panel.set_curve(c.checkpoints)
    curve = c.checkpoints
    np.testing.assert_array_equal(panel.series("goodput").y, 100 * curve.goodput)
    np.testing.assert_array_equal(panel.series("days lost").y, curve.time_lost_days)
    assert list(panel.series("chosen interval").x) == [curve.chosen_interval_min]
    assert "92.6%" in panel.readout()


def test_a_panel_with_nothing_to_draw_says_why(shown):
    panel = shown(BandwidthPanel())
    panel.set_message("needs the network section: no accelerators")
    assert panel.message() == "needs the network section: no accelerators"
    _, c, _ = engine_results()
    panel.set_curves(c.bandwidth)
    assert panel.message() == ""


def test_export_writes_a_picture_a_drawing_and_the_numbers(shown, tmp_path):
    _, c, _ = engine_results()
    panel = shown(ReliabilityPanel())
    panel.set_curve(c.checkpoints)
    panel.export_png(tmp_path / "r.png")
    panel.export_svg(tmp_path / "r.svg")
    panel.export_csv(tmp_path / "r.csv")
    image = QImage(str(tmp_path / "r.png"))
    assert image.width() == 2 * panel.figure.width()
    svg = (tmp_path / "r.svg").read_text()
    assert svg.startswith("<?xml")
    assert "<svg" in svg
    assert "Goodput (%)" in svg
    with (tmp_path / "r.csv").open() as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["series", "Checkpoint interval", "value", "axis", "note"]
    goodput = [r for r in rows[1:] if r[0] == "goodput"]
    assert [float(r[1]) for r in goodput] == pytest.approx(list(c.checkpoints.interval_min))
    assert {r[3] for r in goodput} == {"Goodput (%)"}


def test_bar_panels_export_their_parts(shown, tmp_path):
    e, _, _ = engine_results()
    panel = shown(BreakdownPanel())
    panel.set_estimate(e.require(TRAINING))
    panel.export_csv(tmp_path / "t.csv")
    with (tmp_path / "t.csv").open() as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["bar", "part", "Time per iteration (s)"]
    assert rows[1][:2] == ["tp 8 · pp 16 · dp 128", "compute"]
    assert float(rows[1][2]) == pytest.approx(e.require(TRAINING).breakdown_s.compute)


def test_bars_overlay_scenarios_as_rows(shown):
    e, _, _ = engine_results()
    training = e.require(TRAINING)
    panel = shown(MemoryPanel())
    panel.set_estimate(training)
    panel.set_estimate(training, scenario="H20")
    assert panel.bars.rows() == ["", "H20"]
    assert panel.bars.label("H20") == "H20: tp 8 · pp 16 · dp 128"
    assert len(panel.series(CAPACITY).x) == 4            # a tick per row
    panel.clear("H20")
    assert panel.bars.rows() == [""]
    assert len(panel.series(CAPACITY).x) == 2


def test_an_overlaid_scenario_never_takes_over_the_designs_words(shown):
    """The captions and notes under the cost and reliability plots stay the shown design's
    when another scenario's curves are drawn over them."""
    _, own, _ = engine_results()
    catalog = load_catalog()
    other_design = load_design(str(ROOT / "examples" / "dgx-h100-superpod.yaml"), catalog)
    other = curves(evaluate(other_design, catalog))
    cost, reliability = shown(CostPanel()), shown(ReliabilityPanel())
    cost.set_buy_rent(own.buy_rent)
    cost.set_run_cost(own.run_cost)
    reliability.set_curve(own.checkpoints)
    words = [(v.caption(), v.readout()) for v in (cost.buy_rent, cost.run_cost, reliability)]
    cost.set_buy_rent(other.buy_rent, "SuperPOD")
    cost.set_run_cost(other.run_cost, "SuperPOD")
    reliability.set_curve(other.checkpoints, "SuperPOD")
    assert [(v.caption(), v.readout())
            for v in (cost.buy_rent, cost.run_cost, reliability)] == words
    assert cost.run_cost.bars.values("SuperPOD") == dict(other.run_cost.parts)
