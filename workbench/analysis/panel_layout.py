"""Where the analysis panels sit: tab groups along the bottom, or all in view at once.

The bottom dock area spans the window's full width (it takes both bottom
corners), so three plots fit side by side. By default the panels are three
tab groups there: collective bandwidth, scaling and the configurations
table; iteration time and memory; cost and reliability. ``all_in_view``
(used to render the window for a picture) lays them out in two rows with
nothing tabbed.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

Dock = Qt.DockWidgetArea
#: Dock object names (``<name>-dock``) in each default tab group; the first is raised.
TAB_GROUPS = (("bandwidth", "scaling", "search"), ("breakdown", "memory"),
              ("cost", "reliability"))
#: The rows of ``all_in_view``, left to right.
ROWS = (("bandwidth", "breakdown", "memory", "search"), ("scaling", "cost", "reliability"))
BOTTOM_HEIGHT = 360


def take_bottom_corners(window: QMainWindow) -> None:
    window.setCorner(Qt.Corner.BottomLeftCorner, Dock.BottomDockWidgetArea)
    window.setCorner(Qt.Corner.BottomRightCorner, Dock.BottomDockWidgetArea)


def tabbed(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The default: three tab groups side by side along the bottom."""
    firsts = [docks[group[0]] for group in TAB_GROUPS]
    window.addDockWidget(Dock.BottomDockWidgetArea, firsts[0])
    _side_by_side(window, firsts)
    for group in TAB_GROUPS:
        for name in group[1:]:
            window.tabifyDockWidget(docks[group[0]], docks[name])
        docks[group[0]].raise_()


def size_tabbed(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """The default sizes of :func:`tabbed`: equal widths, :data:`BOTTOM_HEIGHT` tall."""
    firsts = [docks[group[0]] for group in TAB_GROUPS]
    window.resizeDocks(firsts, [BOTTOM_HEIGHT] * len(firsts), Qt.Orientation.Vertical)
    window.resizeDocks(firsts, [window.width() // len(firsts)] * len(firsts),
                       Qt.Orientation.Horizontal)


def all_in_view(window: QMainWindow, docks: dict[str, QDockWidget], height: int) -> None:
    """Every panel visible: two rows of ``height`` pixels each along the bottom."""
    top, bottom = ([docks[name] for name in row] for row in ROWS)
    window.splitDockWidget(top[0], bottom[0], Qt.Orientation.Vertical)
    _side_by_side(window, top)
    _side_by_side(window, bottom)
    for dock in docks.values():
        dock.show()
    titles = {dock.windowTitle() for dock in docks.values()}
    for bar in window.findChildren(QTabBar):     # Qt 6.11 leaves the old groups' bars shown
        if any(bar.tabText(i) in titles for i in range(bar.count())):
            bar.hide()
    window.resizeDocks([top[0], bottom[0]], [height, height], Qt.Orientation.Vertical)
    width = window.width() // len(top)
    window.resizeDocks(top, [width] * len(top), Qt.Orientation.Horizontal)
    window.resizeDocks(bottom, [width, 2 * width, width], Qt.Orientation.Horizontal)


def _side_by_side(window: QMainWindow, row: list[QDockWidget]) -> None:
    """Each dock of ``row`` right of the one before (the first is already placed)."""
    for left, right in itertools.pairwise(row):
        window.splitDockWidget(left, right, Qt.Orientation.Horizontal)
