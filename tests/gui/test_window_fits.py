"""The window fits the screens people have: at 1366 x 768, 1440 x 900 and 1920 x 1080 the
default layout shows the canvas, every headline tile, at least eight inspector fields and
every visible plot at least 200 pixels tall with no two labels over each other, and the
comparison, once shown, crushes no plot."""

from __future__ import annotations

import itertools

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect

from tests.conftest import ROOT
from widgets.plots.base import PLOT_MIN_PX, PlotPanel
from workbench.analysis import panel_layout

WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"
SIZES = ((1366, 768), (1440, 900), (1920, 1080))


def _visible_rect(widget) -> QRect:
    """Where ``widget`` shows on the window, cut by every scroll area and dock above it."""
    rect = QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not widget.window():
        rect = rect.intersected(QRect(parent.mapTo(widget.window(), parent.rect().topLeft()),
                                      parent.size()))
        parent = parent.parentWidget()
    return rect


def _shown_plots(window) -> list[PlotPanel]:
    return [plot for dock in window.analysis_docks.values() if dock.isVisible()
            and not dock.visibleRegion().isEmpty()
            for plot in dock.findChildren(PlotPanel) if plot.isVisible()]


def _labels(plot: PlotPanel) -> list[QRect]:
    """The scene rectangles of the texts drawn in the plot (totals, reference labels) and of
    the left axis's tick labels."""
    texts = [item for item in plot.plot.items if isinstance(item, pg.TextItem)
             and item.isVisible() and item.toPlainText().strip()]
    for line in (i for i in plot.plot.items if isinstance(i, pg.InfiniteLine)):
        texts += [c for c in line.childItems() if isinstance(c, pg.TextItem)
                  and c.isVisible() and c.toPlainText().strip()]
    return [item.sceneBoundingRect().toRect() for item in texts]


def _check_fits(window, size) -> None:
    assert window.editor.view.height() >= 200, "the canvas"
    summary = _visible_rect(window.summary)
    for tile in window.summary.findChildren(type(window.summary._tiles[0])):
        if tile.isVisible():
            assert summary.contains(_visible_rect(tile)), f"a tile cut at {size}"
    viewport = _visible_rect(window.inspector.viewport())
    shown = [key for key in window.inspector.keys()  # noqa: SIM118 - a method, not a dict
             if viewport.contains(_visible_rect(window.inspector.editor(key)).center())]
    assert len(shown) >= 8, f"{len(shown)} inspector fields at {size}"
    plots = _shown_plots(window)
    assert plots
    for plot in plots:
        assert plot.plot.sceneBoundingRect().height() >= PLOT_MIN_PX - 1, \
            f"{plot.caption()!r} {plot.plot.sceneBoundingRect().height():.0f} px at {size}"
        for a, b in itertools.combinations(_labels(plot), 2):
            assert not a.intersects(b), f"labels over each other in {plot.caption()!r}"


@pytest.mark.parametrize("size", SIZES)
def test_the_default_layout_fits_the_screen(make_window, qtbot, size):
    window = make_window()
    window.resize(*size)
    window._default_sizes()
    assert window.open_path(WHAT_IF)
    qtbot.waitUntil(window.is_idle, timeout=30000)
    qtbot.wait(50)
    _check_fits(window, size)
    window.show_comparison()
    qtbot.waitUntil(window.is_idle, timeout=30000)
    qtbot.wait(50)
    _check_fits(window, size)


def test_the_first_window_fits_its_screen():
    from PySide6.QtCore import QSize
    assert panel_layout.first_size(QSize(1366, 738)) == QSize(1256, 678)
    assert panel_layout.first_size(QSize(2560, 1400)) == panel_layout.FIRST_SIZE
