"""Where the analysis panels sit: tab groups along the bottom, or all in view at once.

The bottom dock area spans the window's full width (it takes both bottom
corners), so three plots fit side by side. By default the panels are tab
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

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

from workbench.analysis.panel_registry import PanelSpec

Dock = Qt.DockWidgetArea
BOTTOM_HEIGHT = 360


def take_bottom_corners(window: QMainWindow) -> None:
    window.setCorner(Qt.Corner.BottomLeftCorner, Dock.BottomDockWidgetArea)
    window.setCorner(Qt.Corner.BottomRightCorner, Dock.BottomDockWidgetArea)


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


def size_tabbed(window: QMainWindow, docks: dict[str, QDockWidget],
                specs: Sequence[PanelSpec]) -> None:
    """The default sizes of :func:`tabbed`: equal widths, :data:`BOTTOM_HEIGHT` tall."""
    firsts = [docks[group[0]] for group in tab_groups(specs)]
    window.resizeDocks(firsts, [BOTTOM_HEIGHT] * len(firsts), Qt.Orientation.Vertical)
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
    titles = {dock.windowTitle() for dock in docks.values()}
    for bar in window.findChildren(QTabBar):     # Qt 6.11 leaves the old groups' bars shown
        if any(bar.tabText(i) in titles for i in range(bar.count())):
            bar.hide()
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
