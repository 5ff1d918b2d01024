"""The panels in the window: the engine's numbers for the open design, after every edit,
never an older design's; the configurations table applies undoably; the heat overlay."""

from __future__ import annotations

import dataclasses
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from engine.analysis import curves, explore
from engine.evaluate import evaluate
from engine.inventory import INVENTORY
from engine.training import TRAINING
from tests.conftest import ROOT
from widgets.canvas.heat import UNLOADED, heat_color
from widgets.canvas.theme import link_color
from workbench.analysis.live_evaluation import LiveEvaluator
from workbench.analysis.live_stages import live_stages
from workbench.analysis.pipeline import AnalysisPipeline
from workbench.analysis.stage import Stage
from workbench.canvas.binder import Heat
from workbench.document.commands import ReplaceCommand, delete_items
from workbench.document.document import Document

LLAMA3 = ROOT / "examples" / "llama3-16k-h100-roce.yaml"
GROUPS = ("evaluation", "curves", "exploration")


def settle(qtbot, window) -> None:
    """Until every panel shows the answer about the document's current design."""
    def current() -> bool:
        latest = window.evaluator.latest
        return (window.is_idle() and latest is not None
                and latest.inputs.request.design == window.document.design
                and all(window.panels.shown_generation(g) == latest.number for g in GROUPS))
    qtbot.waitUntil(current, timeout=20000)


@pytest.fixture
def llama3(window, qtbot):
    assert window.open_path(LLAMA3)
    settle(qtbot, window)
    return window


def test_every_panel_shows_the_engines_numbers_for_the_open_design(llama3):
    doc, panels = llama3.document, llama3.panels
    e = evaluate(doc.design, doc.catalog)
    c, x = curves(e), explore(doc.design, doc.catalog, e)
    training = e.require(TRAINING)
    assert panels["breakdown"].bars.total("") == pytest.approx(training.iteration_time_s)
    assert panels["memory"].bars.total("") == pytest.approx(training.memory_per_gpu_gib)
    np.testing.assert_array_equal(panels["bandwidth"].series("all-to-all").y,
                                  c.bandwidth.curves["all_to_all"].busbw_GBps)
    np.testing.assert_array_equal(panels["cost"].buy_rent.series("rent").y, c.buy_rent.rent)
    assert panels["cost"].run_cost.bars.values("") == dict(c.run_cost.parts)
    np.testing.assert_array_equal(panels["reliability"].series("goodput").y,
                                  100 * c.checkpoints.goodput)
    assert list(panels["scaling"].series("time to train").y) == [
        p.estimate.time_to_train_days for p in x.scaling.points]
    table = panels["search"].model
    assert [table.row(i) for i in range(table.rowCount())] == list(x.search.top)


def test_an_edit_updates_every_panel(llama3, qtbot):
    doc, panels = llama3.document, llama3.panels
    before = panels["reliability"].readout()
    pod = doc.group("pod")
    doc.push(lambda d: ReplaceCommand(d, pod, dataclasses.replace(pod, replicas=16)))
    settle(qtbot, llama3)
    e = evaluate(doc.design, doc.catalog)
    c = curves(e)
    assert e.require(INVENTORY).accelerators == 32768
    assert panels["breakdown"].bars.total("") == pytest.approx(e.require(TRAINING).iteration_time_s)
    assert panels["bandwidth"].caption().startswith("32,768 ×")
    np.testing.assert_array_equal(panels["bandwidth"].series("all-reduce").y,
                                  c.bandwidth.curves["all_reduce"].busbw_GBps)
    np.testing.assert_array_equal(panels["cost"].buy_rent.series("buy").y, c.buy_rent.buy)
    np.testing.assert_array_equal(panels["reliability"].series("goodput").y,
                                  100 * c.checkpoints.goodput)
    assert list(panels["scaling"].series("this design").x) == [32768]
    assert panels["scaling"].reference("this design").value() == pytest.approx(15)
    assert panels["reliability"].readout() != before


def test_a_design_without_accelerators_says_why_in_every_panel(window, qtbot):
    window.document.push(lambda d: delete_items(d, node_ids=["dgx"]))
    settle(qtbot, window)
    p = window.panels
    assert "network section" in p["breakdown"].message()
    assert "no accelerators" in p["bandwidth"].message()
    assert "no accelerators" in p["scaling"].message()
    assert "no accelerators" in p["search"].summary.text()


def test_a_stale_analysis_never_overwrites_a_newer_one(qtbot, catalog, starter):
    """The curves of the design before an edit finish last; the panel keeps the newer."""
    release, old_done = threading.Event(), threading.Event()

    def draw(evaluation):
        if evaluation.require(INVENTORY).accelerators == 32:      # the design before the edit
            release.wait(30)
            old_done.set()
        return curves(evaluation)

    evaluation = live_stages()[0]
    pipeline = AnalysisPipeline((evaluation, Stage("curves", lambda x: draw(x["evaluation"]),
                                                   after="evaluation")))
    doc = Document(catalog, starter)
    evaluator = LiveEvaluator(doc, pipeline)
    shown = []
    pipeline.lane("curves").answered.connect(shown.append)
    evaluator.evaluate_now()
    qtbot.waitUntil(lambda: evaluator.latest is not None)
    dgx = doc.node("dgx")
    doc.push(lambda d: ReplaceCommand(d, dgx, dataclasses.replace(dgx, replicas=8)))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    release.set()
    qtbot.waitUntil(old_done.is_set)
    pipeline.wait()
    QApplication.processEvents()
    assert [done.value.bandwidth.ranks for done in shown] == [64]
    assert pipeline.is_idle()


def test_choosing_a_configuration_applies_it_and_undo_restores(llama3, qtbot):
    doc, table = llama3.document, llama3.panels["search"]
    before = doc.design.workload.parallelism
    chosen = table.model.row(0).parallelism
    table.choose(0)
    applied = doc.design.workload.parallelism
    assert (applied.tp, applied.pp, applied.dp, applied.cp, applied.micro_batch,
            applied.recompute) == (chosen.tp, chosen.pp, chosen.dp, chosen.cp,
                                   chosen.micro_batch, chosen.recompute)
    assert doc.undo_stack.undoText().startswith(f"Apply parallelism tp {chosen.tp}")
    settle(qtbot, llama3)
    assert llama3.panels["breakdown"].bars.label("").startswith(f"tp {chosen.tp} ·")
    llama3.actions.undo.trigger()
    assert doc.design.workload.parallelism == before


def test_sorting_the_table_keeps_rows_whole(llama3):
    table = llama3.panels["search"]
    days = 12                                   # the "Days" column
    table.view.sortByColumn(days, Qt.SortOrder.DescendingOrder)
    proxy = table.proxy
    shown = [float(proxy.index(r, days).data().replace(",", "")) for r in range(proxy.rowCount())]
    assert shown == sorted(shown, reverse=True)


def test_the_search_keeps_the_fixed_settings_unless_asked_to_search_them_all(llama3, qtbot):
    table = llama3.panels["search"]
    def layouts():
        return {(table.model.row(i).parallelism.tp, table.model.row(i).parallelism.pp,
                 table.model.row(i).parallelism.dp) for i in range(table.model.rowCount())}
    assert layouts() == {(8, 16, 128)}
    table.every_setting.setChecked(True)
    qtbot.waitUntil(lambda: llama3.pipeline.is_idle() and len(layouts()) > 1,
                    timeout=10000)
    doc = llama3.document
    every = explore(doc.design, doc.catalog, evaluate(doc.design, doc.catalog), True).search
    assert f"of {every.fitting:,} configurations that fit" in table.summary.text()
    assert [table.model.row(i) for i in range(table.model.rowCount())] == list(every.top)


def test_the_heat_overlay_colours_the_bottleneck_link(llama3):
    binder, legend = llama3.editor.binder, llama3.panels.heat_legend
    loads = curves(llama3.evaluator.latest.value).link_loads.loads
    assert not legend.isVisible()
    llama3.actions.heat.setChecked(True)
    assert legend.isVisible()
    assert legend.title() == "Link load: all-to-all of 1 GiB over 16,384 accelerators"
    assert loads["ctsw-up"] == pytest.approx(1.0, rel=1e-3)
    bottleneck = binder.link_item("ctsw-up")
    assert bottleneck.color().name() == heat_color(1.0).name() == "#dc2626"
    assert bottleneck.label_text().endswith("· 100%")
    assert "100% of this link's bandwidth" in bottleneck.toolTip()
    assert binder.link_item("nics").color() == heat_color(loads["nics"])
    assert llama3.settings.heat_overlay()
    llama3.actions.heat.setChecked(False)
    assert bottleneck.color() == link_color("roce")
    assert not legend.isVisible()


def test_a_link_the_collective_does_not_use_is_grey(window):
    binder = window.editor.binder
    binder.show_heat(Heat(loads={}, collective="all-to-all"))
    assert binder.link_item("rails").color().name() == UNLOADED
    assert binder.link_item("rails").toolTip() == "Not used by all-to-all"
    binder.show_heat(None)
    assert binder.link_item("rails").color() == link_color("infiniband")


def test_the_panels_layout_is_remembered(make_window):
    first = make_window()
    first.analysis_docks["memory"].hide()
    first.close()
    second = make_window()
    assert second.analysis_docks["memory"].isHidden()
    assert not second.analysis_docks["bandwidth"].isHidden()


def test_exporting_from_the_menu_writes_the_file_and_says_so(llama3, tmp_path, monkeypatch):
    target = tmp_path / "bandwidth.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    llama3.panels["bandwidth"].export_actions["csv"].trigger()
    assert target.read_text().startswith("series,Message size,value,axis,note")
    assert llama3.statusBar().currentMessage() == f"Saved {target}"
