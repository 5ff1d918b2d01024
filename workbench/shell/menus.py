"""Menus, toolbar and the canvas context menu, laid out from the window's actions."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar

from workbench.shell.actions import Actions
from workbench.shell.scenario_actions import ScenarioActions


def build_menus(window: QMainWindow, actions: Actions, docks: list[QDockWidget],
                scenario: ScenarioActions) -> QMenu:
    """Fill the menu bar; returns the (empty) Open Recent menu for the window to fill."""
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addActions([actions.new, actions.open])
    recent = file.addMenu("Open &Recent")
    file.addSeparator()
    file.addActions([actions.save, actions.save_as])
    file.addSeparator()
    file.addAction(actions.import_design)
    export = file.addMenu("&Export")
    export.addActions([actions.export_infragraph, actions.export_astra])
    file.addActions([actions.import_measurements, actions.clear_measurements])
    file.addSeparator()
    file.addAction(scenario.export_report)
    file.addSeparator()
    file.addAction(actions.quit)

    edit = bar.addMenu("&Edit")
    edit.addActions([actions.undo, actions.redo])
    edit.addSeparator()
    edit.addActions([actions.cut, actions.copy, actions.paste, actions.delete])
    edit.addSeparator()
    edit.addAction(actions.select_all)
    edit.addSeparator()
    edit.addActions([actions.group, actions.ungroup, actions.collapse])

    view = bar.addMenu("&View")
    view.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_fit, actions.zoom_actual])
    view.addSeparator()
    view.addAction(actions.snap)
    view.addAction(actions.heat)
    view.addSeparator()
    panels = view.addMenu("&Panels")
    panels.addActions([dock.toggleViewAction() for dock in docks])
    panels.addSeparator()
    panels.addAction(actions.reset_layout)
    theme = view.addMenu("&Theme")
    theme.addActions(list(actions.themes.values()))

    arrange = bar.addMenu("&Arrange")
    arrange.addActions(list(actions.arrange.values())[:6])
    arrange.addSeparator()
    arrange.addActions(list(actions.arrange.values())[6:])

    scenarios = bar.addMenu("&Scenarios")
    scenarios.addActions([scenario.duplicate, scenario.rename, scenario.delete])
    scenarios.addSeparator()
    scenarios.addActions([scenario.next, scenario.previous])
    scenarios.addSeparator()
    scenarios.addActions([scenario.compare, scenario.sweep, scenario.present])
    scenarios.addSeparator()
    scenarios.addAction(scenario.overlay)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions.about)
    return recent


def build_toolbar(window: QMainWindow, actions: Actions) -> QToolBar:
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setIconSize(QSize(20, 20))
    toolbar.addActions([actions.new, actions.open, actions.save])
    toolbar.addSeparator()
    toolbar.addActions([actions.undo, actions.redo])
    toolbar.addSeparator()
    toolbar.addActions([actions.delete, actions.group])
    toolbar.addSeparator()
    toolbar.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_fit])
    return toolbar


def canvas_menu(window: QMainWindow, actions: Actions) -> QMenu:
    menu = QMenu(window)
    menu.addActions([actions.cut, actions.copy, actions.paste, actions.delete])
    menu.addSeparator()
    menu.addActions([actions.group, actions.ungroup, actions.collapse])
    menu.addSeparator()
    arrange = menu.addMenu("Arrange")
    arrange.addActions(list(actions.arrange.values()))
    return menu
