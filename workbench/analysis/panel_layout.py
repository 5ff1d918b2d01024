"""Where the docks sit: the side columns, the analysis panels' tab groups along the bottom,
or every panel in view at once.

The right column (the estimates over the inspector) runs the window's full
height, so the inspector keeps room for its fields on a 768-pixel screen;
the bottom area spans the rest of the width, so three plots fit side by side.
Its height follows the window's (:func:`bottom_height`), and each panel sits
in a scroll area: a dock too short for a panel's plot (never drawn under
:data:`~widgets.plots.base.PLOT_MIN_PX`) scrolls instead of crushing it.
The comparison, when shown, is one more tab beside the panels. By default the panels are tab
groups there, as each panel's registration says
(:attr:`~workbench.analysis.panel_registry.PanelSpec.group`): collective
bandwidth, scaling and the configurations table; iteration time and memory;
cost and reliability. ``all_in_view`` (used to render the window for a
picture) lays them out in two rows with nothing tabbed, each panel as wide
as its share says.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea, QTabBar, QWidget

from workbench.analysis.panel_registry import PanelSpec

Dock = Qt.DockWidgetArea
#: Saved window layouts of another version are not restored (the docks moved since).
LAYOUT_VERSION = 2
SIDE_WIDTH, RIGHT_WIDTH = 250, 400
#: The bottom area's share of the window's height, and its bounds in pixels.
BOTTOM_SHARE, BOTTOM_MIN, BOTTOM_MAX = 0.42, 300, 460
#: The first window: this large, or this share of the screen where that is smaller.
FIRST_SIZE, SCREEN_SHARE = QSize(1600, 1000), 0.92


def take_corners(window: QMainWindow) -> None:
    """The bottom area takes the bottom-left corner, the right column the bottom-right."""
    window.setCorner(Qt.Corner.BottomLeftCorner, Dock.BottomDockWidgetArea)
    window.setCorner(Qt.Corner.BottomRightCorner, Dock.RightDockWidgetArea)


def first_size(screen: QSize) -> QSize:
    """The window's size on its first start on a screen of ``screen`` available pixels."""
    return FIRST_SIZE.boundedTo(QSize(int(screen.width() * SCREEN_SHARE),
                                      int(screen.height() * SCREEN_SHARE)))


def bottom_height(window_height: int) -> int:
    return max(BOTTOM_MIN, min(BOTTOM_MAX, round(window_height * BOTTOM_SHARE)))


def scrolled(panel: QWidget) -> QScrollArea:
    """``panel`` in a frameless scroll area that scrolls only when the dock is shorter or
    narrower than the panel's minimum."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(panel)
    return area


def tab_groups(specs: Sequence[PanelSpec]) -> list[list[str]]:
    """The panels' names by tab group, left to right (the first of each is raised)."""
    groups: dict[int, list[str]] = {}
    for spec in specs:
        groups.setdefault(spec.group, []).append(spec.name)
    return [groups[g] for g in sorted(groups)]


def rows(specs: Sequence[PanelSpec]) -> tuple[list[PanelSpec], list[PanelSpec]]:
    """The panels in two rows of about equal width, in registration order."""
    half, first, width = sum(s.width for s in specs) / 2, [], 0
    for spec in specs:
        if width >= half:
            break
        first.append(spec)
        width += spec.width
    return first, list(specs[len(first):])


def tabbed(window: QMainWindow, docks: dict[str, QDockWidget],
           specs: Sequence[PanelSpec]) -> None:
    """The default: the tab groups side by side along the bottom."""
    groups = tab_groups(specs)
    firsts = [docks[group[0]] for group in groups]
    window.addDockWidget(Dock.BottomDockWidgetArea, firsts[0])
    _side_by_side(window, firsts)
    for group in groups:
        for name in group[1:]:
            window.tabifyDockWidget(docks[group[0]], docks[name])
        docks[group[0]].raise_()


def drop_stale_tab_bars(window: QMainWindow) -> None:
    """Hide the dock tab bars and lay the window out again: Qt shows the ones in use.
    (Qt 6.11 leaves the bars of groups since regrouped shown, over the docks.)"""
    for bar in window.findChildren(QTabBar):
        if bar.parent() is window:
            bar.hide()
    window.layout().invalidate()
    window.layout().activate()


def beside_panels(window: QMainWindow, docks: dict[str, QDockWidget],
                  specs: Sequence[PanelSpec], dock: QDockWidget) -> None:
    """``dock`` as one more tab of the middle group of panels."""
    groups = tab_groups(specs)
    window.tabifyDockWidget(docks[groups[len(groups) // 2][-1]], dock)


def size_tabbed(window: QMainWindow, docks: dict[str, QDockWidget],
                specs: Sequence[PanelSpec]) -> None:
    """The default sizes of :func:`tabbed`: equal widths, :func:`bottom_height` tall."""
    firsts = [docks[group[0]] for group in tab_groups(specs)]
    window.resizeDocks(firsts, [bottom_height(window.height())] * len(firsts),
                       Qt.Orientation.Vertical)
    window.resizeDocks(firsts, [window.width() // len(firsts)] * len(firsts),
                       Qt.Orientation.Horizontal)


def all_in_view(window: QMainWindow, docks: dict[str, QDockWidget],
                specs: Sequence[PanelSpec], height: int) -> None:
    """Every panel visible: two rows of ``height`` pixels each along the bottom."""
    top, bottom = rows(specs)
    window.splitDockWidget(docks[top[0].name], docks[bottom[0].name], Qt.Orientation.Vertical)
    for row in (top, bottom):
        _side_by_side(window, [docks[spec.name] for spec in row])
    for dock in docks.values():
        dock.show()
    drop_stale_tab_bars(window)
    window.resizeDocks([docks[top[0].name], docks[bottom[0].name]], [height, height],
                       Qt.Orientation.Vertical)
    for row in (top, bottom):
        unit = window.width() // sum(spec.width for spec in row)
        window.resizeDocks([docks[spec.name] for spec in row],
                           [unit * spec.width for spec in row], Qt.Orientation.Horizontal)


def _side_by_side(window: QMainWindow, row: list[QDockWidget]) -> None:
    """Each dock of ``row`` right of the one before (the first is already placed)."""
    for left, right in itertools.pairwise(row):
        window.splitDockWidget(left, right, Qt.Orientation.Horizontal)
