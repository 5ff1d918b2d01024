"""Every other scenario overlaid in the analysis panels: the engine's numbers under each
scenario's name; they follow a switch, leave with the scenario, and can be turned off."""

from __future__ import annotations

import numpy as np
import pytest

from engine.analysis import curves
from engine.analysis.scaling import scaling_curve
from engine.evaluate import evaluate
from engine.training import TRAINING
from workbench.document.commands import delete_scenario


def settle(qtbot, window, drawn: list[str]) -> None:
    """Until the comparison and the overlay show the scenarios as they are."""
    def current() -> bool:
        latest = window.comparison.latest()
        return (window.pipeline.is_idle()
                and latest is not None
                and [r.design for r in latest.rows] == [d.name for d in window.document.scenarios]
                and sorted(window.overlay.drawn()) == sorted(drawn))
    qtbot.waitUntil(current, timeout=30000)


@pytest.fixture
def what_if(open_what_if, qtbot):
    window = open_what_if(overlay=True)
    settle(qtbot, window, ["H800 cluster", "H20 cluster"])
    return window


def test_other_scenarios_are_overlaid_and_follow_switches_deletions_and_the_toggle(what_if,
                                                                                 qtbot):
    """Their numbers are the engine's, under their names; one window for the whole story
    (opening one computes every scenario's scaling curve)."""
    doc, panels = what_if.document, what_if.panels
    h800 = doc.scenarios[1]
    e = evaluate(h800, doc.catalog)
    c = curves(e)
    np.testing.assert_array_equal(panels["bandwidth"].series("H800 cluster · all-reduce").y,
                                  c.bandwidth.curves["all_reduce"].busbw_GBps)
    np.testing.assert_array_equal(panels["reliability"].series("H800 cluster · goodput").y,
                                  100 * c.checkpoints.goodput)
    assert panels["breakdown"].bars.total("H800 cluster") == \
        pytest.approx(e.require(TRAINING).iteration_time_s)
    assert panels["memory"].bars.total("H20 cluster") == pytest.approx(
        evaluate(doc.scenarios[2], doc.catalog).require(TRAINING).memory_per_gpu_gib)
    assert list(panels["scaling"].series("H800 cluster · time to train").y) == [
        p.estimate.time_to_train_days for p in scaling_curve(h800, doc.catalog).points
        if p.estimate is not None]
    assert "all-reduce" in panels["bandwidth"].series_names()         # the shown one, unnamed

    what_if.scenario_binder.show_scenario(1)
    settle(qtbot, what_if, ["A800 cluster", "H20 cluster"])
    names = what_if.panels["bandwidth"].series_names()
    assert "A800 cluster · all-reduce" in names                   # the one shown before
    assert not any(n.startswith("H800 cluster") for n in names)   # the one shown now
    what_if.document.push(lambda d: delete_scenario(d, 2))
    settle(qtbot, what_if, ["A800 cluster"])
    assert not any(n.startswith("H20 cluster")
                   for n in what_if.panels["bandwidth"].series_names())
    what_if.scenario_actions.overlay.setChecked(False)
    assert what_if.overlay.drawn() == []
    assert what_if.panels["breakdown"].bars.rows() == [""]
