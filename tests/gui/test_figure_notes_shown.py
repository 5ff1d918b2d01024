"""The tiles, the comparison cells and the report show each figure's band, what part of
the design it covers and what it needs when the workload does not fit."""

from __future__ import annotations

import numpy as np

from engine.analysis.bandwidth import bandwidth_curves
from engine.analysis.scaling import scaling_curve
from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.network import NETWORK
from tests.conftest import DATA, ROOT
from widgets.content.figure_notes import PART_MARK
from widgets.plots.bandwidth_panel import BandwidthPanel
from widgets.plots.scaling_panel import ScalingPanel
from workbench.report.build import build_report
from workbench.report.html import report_html

MIXED = DATA / "mixed-a800-ascend.yaml"
UNFIT = DATA / "does-not-fit.yaml"
A800 = ROOT / "examples" / "a800-1024.yaml"


def _tiles(window, qtbot):
    qtbot.waitUntil(lambda: window.summary.tile_values().get("Time to train", "n/a") != "n/a",
                    timeout=30000)
    return window.summary


def test_tiles_show_the_range_and_say_what_a_partial_figure_covers(make_window, qtbot):
    summary = _tiles(make_window(load_design(str(MIXED))), qtbot)
    details = summary.tile_details()
    assert details["Time to train"].startswith("80%: ")
    assert "part of the design" in details["Time to train"]
    assert "part of the design" in details["All-reduce busbw"]
    assert "part of the design" not in details["Accelerators"]
    tile = next(t for t in summary._tiles if t.label.text() == "Time to train")
    assert tile.detail.isVisible()
    assert "covers 256 x a800-80gb of the design's 384 accelerators" in tile.toolTip()
    assert "calibrated on 13 published measurements" in tile.toolTip()


def test_a_tile_shows_what_a_workload_that_does_not_fit_needs(make_window, qtbot):
    window = make_window(load_design(str(UNFIT)))
    qtbot.waitUntil(lambda: window.summary.tile_values().get("Time to train", "n/a")
                    .startswith("does not fit: needs "), timeout=30000)
    tiles = window.summary.tile_values()
    assert tiles["Time to train"].endswith("GiB of 73.6 per GPU")
    assert tiles["MFU"].startswith("does not fit: needs ")
    assert not window.summary.tile_details()["Time to train"].startswith("80%")


def test_comparison_cells_and_report_carry_bands_and_coverage(qapp):
    catalog = load_catalog()
    designs = [("A800", load_design(str(A800), catalog)),
               ("mixed", load_design(str(MIXED), catalog)),
               ("unfit", load_design(str(UNFIT), catalog))]
    report = build_report(designs, catalog, [str(A800), str(MIXED), str(UNFIT)])
    time = next(r for r in report.table.rows if r.label == "Time to train")
    a800, mixed, unfit = time.cells
    assert a800.detail.startswith("80%: ")
    assert "80% band: " in a800.tooltip
    assert mixed.text.endswith(PART_MARK)
    assert "ascend-910b take no part" in mixed.tooltip
    assert unfit.text.startswith("does not fit: needs ")
    page = report_html(report)
    assert f'<span class="detail">{a800.detail}</span>' in page
    assert "How far to trust these figures" in page
    assert "a job is estimated on one accelerator kind" in page
    assert "does not fit: needs " in page
    unclear = [row for row in report.table.rows if row.unclear]   # says so in print too
    assert unclear
    for row in unclear:
        assert f'{row.hint}</span><span class="unclear">no clear winner</span>' in page


def test_the_scaling_and_bandwidth_plots_shade_each_curves_band(qtbot):
    catalog = load_catalog()
    design = load_design(str(A800), catalog)
    scaling = ScalingPanel()
    qtbot.addWidget(scaling)
    scaling.set_curve(scaling_curve(design, catalog))
    low, high = scaling.band("time to train")
    days = scaling.series("time to train").y
    assert np.all(low <= days)
    assert np.all(days <= high)
    assert np.all(low < high)
    bandwidth = BandwidthPanel()
    qtbot.addWidget(bandwidth)
    bandwidth.set_curves(bandwidth_curves(evaluate(design, catalog).require(NETWORK)))
    low, high = bandwidth.band("all-reduce")
    busbw = bandwidth.series("all-reduce").y
    assert np.all(low <= busbw)
    assert np.all(busbw <= high)
    bandwidth.clear()
    assert bandwidth.band("all-reduce") is None
