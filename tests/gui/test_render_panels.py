"""``render --panels`` draws every analysis panel in view, from finished analyses."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QTabBar

from engine.layout import load_design
from tests.conftest import ROOT
from workbench.shell import render
from workbench.shell.main_window import MainWindow

LLAMA3 = ROOT / "examples" / "llama3-16k-h100-roce.yaml"


def test_every_panel_is_in_view_with_its_numbers(qapp, catalog, monkeypatch):
    windows: list[MainWindow] = []
    real_grab = MainWindow.grab

    def grab(window: MainWindow, *args):
        windows.append(window)
        docks = window.analysis_docks.values()
        assert all(d.isVisible() and not d.visibleRegion().isEmpty() for d in docks)
        assert not [bar for bar in window.findChildren(QTabBar) if bar.isVisible()
                    and any("Bandwidth" in bar.tabText(i) for i in range(bar.count()))]
        assert window.pipeline.is_idle()
        assert window.panels["bandwidth"].series("all-to-all").x.size == 64
        assert window.panels.heat_legend.isVisible()
        return real_grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", grab)
    image = render.render_window(load_design(str(LLAMA3), catalog), LLAMA3, (1800, 1200),
                                 catalog, panels=True, heat=True)
    QApplication.processEvents()
    assert (image.width(), image.height()) == (1800, 1200)
    assert len(windows) == 1
