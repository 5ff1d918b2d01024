"""Sweeps: points computed in worker processes equal the engine's, Cancel stops them, the
rows export as the sweep command writes them, and a results file opens as its front."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.design_space.axes import read_axis
from engine.design_space.plan import SweepPlan
from engine.headline import by_key
from engine.layout import load_design
from engine.sweep import ACCELERATOR_PRICE, ACCELERATORS, sweep_point, sweep_values
from tests.conftest import ROOT
from widgets.plots.front_panel import FRONT
from workbench.sweep.backends import InProcess
from workbench.sweep.results_file import read_results
from workbench.sweep.runner import SweepRunner, one_setting
from workbench.sweep.to_file import sweep_to_file

A800 = ROOT / "examples" / "a800-1024.yaml"


@pytest.fixture
def window(open_what_if):
    return open_what_if()


@pytest.fixture
def sweep(window):
    return window.show_sweep()


def test_a_price_sweep_plots_the_engines_figures(window, sweep, qtbot, catalog, tmp_path):
    panel = sweep.panel
    panel.setting.setCurrentIndex(panel.setting.findData(ACCELERATOR_PRICE))
    assert panel.log.isChecked() is False
    panel.set_range(80_000, 170_000, False)
    panel.steps.setValue(3)
    with qtbot.waitSignal(sweep.runner.finished, timeout=60000) as ended:
        QTest.mouseClick(panel.run, Qt.MouseButton.LeftButton)
        assert panel.run.text() == "Cancel"
    assert ended.args == [False]
    assert panel.run.text() == "Run"
    design = window.document.design
    expected = [by_key(sweep_point(design, ACCELERATOR_PRICE, v, catalog).figures)
                for v in (80_000, 125_000, 170_000)]
    xs, capex = panel.plots.series_data("capex")
    assert xs == [80_000, 125_000, 170_000]
    assert capex == [e["capex"].value for e in expected]
    assert capex[0] < capex[-1]
    assert panel.plots.series_data("time_to_train_days")[1] == \
        [e["time_to_train_days"].value for e in expected]
    assert panel.status.text().startswith("Done: 3 of 3 points")
    assert panel.progress.value() == 3
    sweep.export(tmp_path / "prices.parquet")
    rows = read_results(tmp_path / "prices.parquet")
    assert rows["accelerator_price"].tolist() == [80_000, 125_000, 170_000]
    assert rows["capex"].tolist() == capex
    (tmp_path / "plain").write_text("a regular file")
    assert not sweep.export(tmp_path / "plain" / "prices.csv")
    assert sweep.panel.status.text() == (
        f"Not exported: {tmp_path}/plain/prices.csv: cannot write: {tmp_path}/plain is a "
        "file, not a folder; choose another folder")


def test_the_accelerator_sweep_offers_256_to_16384_on_a_log_scale(sweep):
    panel = sweep.panel
    assert panel.chosen().key == ACCELERATORS
    assert (panel.start_value.value(), panel.stop_value.value()) == (256, 16384)
    assert panel.log.isChecked()
    assert panel.steps.value() == 7


def test_cancel_stops_the_sweep_and_no_later_point_arrives(qtbot, catalog):
    runner = SweepRunner()
    design = load_design(str(A800), catalog)
    values = sweep_values(256, 4096, 60, log=True, integer=True)
    points = []
    runner.point_ready.connect(lambda index, point: points.append(index))
    ended = []
    runner.finished.connect(ended.append)
    runner.start(one_setting(design, ACCELERATORS, values, True), catalog)
    qtbot.waitUntil(lambda: len(points) >= 1, timeout=60000)
    runner.cancel()
    assert ended == [True]
    assert not runner.is_running()
    seen = len(points)
    qtbot.waitUntil(runner.idle, timeout=10000)              # the workers stopped
    QApplication.processEvents()                             # anything a late point sent
    assert len(points) == seen < len(set(values))
    assert ended == [True]


def test_a_new_sweep_drops_the_points_of_the_one_it_replaced(qtbot, catalog):
    runner = SweepRunner()
    design = load_design(str(A800), catalog)
    points = []
    runner.point_ready.connect(lambda index, row: points.append(row))
    runner.start(one_setting(design, ACCELERATORS, sweep_values(256, 4096, 30, True, True),
                             True), catalog)
    with qtbot.waitSignal(runner.finished, timeout=60000,
                          check_params_cb=lambda cancelled: not cancelled):
        runner.start(one_setting(design, "cost.discount", (0.5, 1.0), False), catalog)
    assert sorted(row["cost.discount"] for row in points) == [0.5, 1.0]


def test_the_window_opens_a_results_file_as_its_front(sweep, catalog, tmp_path):
    design = load_design(str(ROOT / "examples" / "h800-1024.yaml"), catalog)
    axes = tuple(read_axis(key, values, design, catalog) for key, values in (
        ("accelerator", "h100-sxm,h200"), ("gpus", "256,512"), ("model", "llama3-8b"),
        ("cost.basis", "rent"), ("cost.discount", "0.5,1.0")))
    sweep_to_file(SweepPlan(design, axes), catalog, InProcess(), tmp_path / "r.parquet")
    sweep.open_results(str(tmp_path / "r.parquet"))
    assert sweep.front.isVisibleTo(sweep)
    assert not sweep.panel.plots.isVisibleTo(sweep)
    front = sweep.front.series(FRONT)
    table = read_results(tmp_path / "r.parquet")
    assert set(front.y) <= set(table["cost_per_run"].tolist())
    assert list(front.x) == sorted(front.x)
    assert sweep.panel.status.text().startswith("r.parquet: 8 points over accelerator, gpus")
    sweep.open_results(str(tmp_path / "missing.parquet"))
    assert "missing.parquet: cannot read results: no such file" in sweep.panel.status.text()
