"""The serving panel draws the engine's throughput-latency curve: every ranked configuration,
the frontier and the design's own point; other scenarios overlaid under their names; a
design that serves nothing says so; the report carries its picture."""

from __future__ import annotations

import numpy as np

from engine.analysis import explore
from engine.evaluate import evaluate
from engine.scenarios import scenarios_of
from tests.conftest import ROOT
from workbench.cli import main

EXAMPLES = ROOT / "examples"
SERVING = EXAMPLES / "llama2-70b-8xh100-serving.yaml"
INF2 = EXAMPLES / "inferentia2-vs-gpus.yaml"


def curve_of(design, catalog):
    return explore(design, catalog, evaluate(design, catalog), parts=("serving",)).serving


def test_the_panel_shows_the_engines_curve_and_the_design_point(make_window, qtbot):
    window = make_window()
    assert window.open_path(SERVING)
    panel = window.panels["serving"]
    qtbot.waitUntil(lambda: "this design" in panel.series_names(), timeout=30000)
    design, catalog = window.document.design, window.document.catalog
    curve = curve_of(design, catalog)
    np.testing.assert_array_equal(panel.series("configurations").x, curve.per_user)
    np.testing.assert_array_equal(panel.series("configurations").y, curve.per_gpu)
    frontier = panel.series("frontier")
    assert sorted(frontier.y) == sorted(curve.per_gpu[curve.frontier])
    assert list(np.diff(frontier.x) >= 0) == [True] * (frontier.x.size - 1)   # left to right
    star = panel.series("this design")
    assert (star.x[0], star.y[0]) == (curve.design_per_user, curve.design_per_gpu)
    assert star.y[0] == evaluate(design, catalog).sections["serving"] \
        .estimate.per_gpu_output_tokens_per_s
    assert "llama2-70b" in panel.caption()
    assert f"{curve.design_per_gpu:,.0f} tokens/s per GPU" in panel.readout()


def test_a_design_that_serves_nothing_says_so(make_window, qtbot):
    window = make_window()
    assert window.open_path(EXAMPLES / "h800-1024.yaml")
    panel = window.panels["serving"]
    qtbot.waitUntil(lambda: panel.message() != "", timeout=30000)
    assert panel.message() == "no serving workload"
    assert window.panels["scaling"].message() == ""           # the training panels draw


def test_other_scenarios_are_overlaid_in_their_dash_style(make_window, qtbot):
    window = make_window()
    window.scenario_actions.overlay.setChecked(True)
    assert window.open_path(INF2)
    panel = window.panels["serving"]
    overlaid = "4 x Inferentia2 · frontier"
    qtbot.waitUntil(lambda: {overlaid, "frontier"} <= set(panel.series_names()),
                    timeout=30000)           # the overlay may come before the shown design
    doc = window.document
    curve = curve_of(scenarios_of(doc.file_design)[1], doc.catalog)
    assert sorted(panel.series(overlaid).y) == sorted(curve.per_gpu[curve.frontier])
    assert list(panel.series("4 x Inferentia2 · this design").y) == [curve.design_per_gpu]
    own, other = (panel.series(n).item.opts["pen"].style() for n in ("frontier", overlaid))
    assert own != other
    legend = [label.text for _, label in panel.legend.items]
    assert overlaid in legend
    assert "4 x Inferentia2 · configurations" not in legend


def test_the_report_has_the_serving_picture_only_when_a_design_serves(tmp_path):
    serving, training = tmp_path / "serving.html", tmp_path / "training.html"
    assert main(["report", str(INF2), "-o", str(serving)]) == 0
    assert main(["report", str(EXAMPLES / "h800-1024.yaml"), "-o", str(training)]) == 0
    title = "Serving: throughput per GPU against speed per user"
    assert title in serving.read_text(encoding="utf-8")
    assert "serving llama2-13b" in serving.read_text(encoding="utf-8")
    assert title not in training.read_text(encoding="utf-8")
