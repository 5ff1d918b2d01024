"""A section and a panel registered in this test only reach every view: ``evaluate
--json``, the headline tiles, a docked panel, the comparison and the HTML report. No file
of the app names them (docs/architecture.md, "Add a panel")."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDockWidget

from engine.estimates import REGISTRY
from tests.engine.test_section_registry import TOY, ToyResult, with_toy_settings
from widgets.plots.base import PlotPanel
from workbench.analysis.panel_registry import PANELS, Feed, PanelSpec, Picture
from workbench.cli import main


class WidgetsPanel(PlotPanel):
    """The toy section's one figure as a point per design."""

    def __init__(self) -> None:
        super().__init__("Design", "Widgets")

    def set_result(self, result: ToyResult, scenario: str = "") -> None:
        self.set_series(scenario or "widgets", [1.0], [result.widgets], symbol="o")

    def clear(self, scenario: str = "") -> None:
        self.clear_series(scenario or "widgets")


TOY_PANEL = PanelSpec("toy", "Widgets", WidgetsPanel,
                      (Feed("evaluation", TOY.name, WidgetsPanel.set_result),), group=1,
                      pictures=(Picture("Widgets by design", "one point per design"),))


def test_a_registered_section_and_panel_reach_every_view(make_window, qtbot, tmp_path,
                                                         capsys):
    three, half = tmp_path / "three.yaml", tmp_path / "half.yaml"
    three.write_text(with_toy_settings(3.0))
    half.write_text(with_toy_settings(0.5))
    with REGISTRY.registered(TOY), PANELS.registered(TOY_PANEL):
        assert main(["evaluate", str(three), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["toy"] == {"widgets": 3072.0}

        window = make_window()
        assert window.open_path(three)
        qtbot.waitUntil(lambda: window.summary.tile_values().get("Widgets") == "3,072 widgets",
                        timeout=20000)
        dock = window.findChild(QDockWidget, "toy-dock")
        assert dock.windowTitle() == "Widgets"
        assert dock.widget().widget() is window.panels["toy"]         # in its scroll area
        qtbot.waitUntil(lambda: "widgets" in window.panels["toy"].series_names(),
                        timeout=20000)
        assert list(window.panels["toy"].series("widgets").y) == [3072.0]

        window.show_comparison()
        qtbot.waitUntil(lambda: window.comparison.latest() is not None, timeout=20000)
        rows = {row[0]: row[1:] for row in window.comparison_view.table.cell_texts()}
        assert rows["Widgets"][0] == "3,072 widgets"

        report = tmp_path / "report.html"
        assert main(["report", str(three), str(half), "-o", str(report)]) == 0
        page = report.read_text(encoding="utf-8")
        assert "Widgets by design" in page
        assert "3,072" in page
        assert "512" in page
    assert "toy" not in PANELS.names()
