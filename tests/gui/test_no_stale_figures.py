"""No caption, note or tile shows a figure of another design or scenario: after File > New,
after Open and after a scenario switch, every panel's text and every tile reads exactly as
in a fresh window that showed only the new design."""

from __future__ import annotations

from engine.layout import load_design
from tests.conftest import ROOT
from widgets.plots.base import PlotPanel

WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"
SELENE = ROOT / "examples" / "dgx-a100-selene-1024.yaml"


def _settle(qtbot, window) -> None:
    def current() -> bool:
        latest = window.evaluator.latest
        return (window.is_idle() and latest is not None
                and latest.inputs.request.design == window.document.design
                and all(window.panels.shown_generation(lane) == latest.number
                        for lane in ("evaluation", "curves", "exploration")))
    qtbot.waitUntil(current, timeout=30000)


def _texts(window) -> dict[str, object]:
    """Every text a figure can hide in: the tiles, and each plot's caption (or the message
    shown instead of the plot) and the note under it (shown either way)."""
    out: dict[str, object] = {"tiles": window.summary.tile_values()}
    for name in window.analysis_docks:
        for i, plot in enumerate(window.panels[name].findChildren(PlotPanel)
                                 if not isinstance(window.panels[name], PlotPanel)
                                 else [window.panels[name]]):
            out[f"{name}.{i}"] = (plot.message() or plot.caption(), plot.readout())
    return out


def _fresh(make_window, qtbot, design) -> dict[str, object]:
    window = make_window(design)
    _settle(qtbot, window)
    return _texts(window)


def test_new_open_and_a_scenario_switch_leave_nothing_of_the_design_before(
        open_what_if, make_window, qtbot, catalog):
    window = open_what_if()
    _settle(qtbot, window)
    before = _texts(window)

    window.actions.new.trigger()
    _settle(qtbot, window)
    after_new = _texts(window)
    assert after_new != before
    assert after_new == _fresh(make_window, qtbot, window.document.design)

    assert window.open_path(SELENE)
    _settle(qtbot, window)
    assert _texts(window) == _fresh(make_window, qtbot, load_design(str(SELENE), catalog))

    assert window.open_path(WHAT_IF)
    _settle(qtbot, window)
    window.scenario_tabs.activated.emit(2)                       # the H20 cluster tab
    _settle(qtbot, window)
    h20 = window.document.design
    assert h20.name == "H20 cluster"
    assert _texts(window) == _fresh(make_window, qtbot, h20)
