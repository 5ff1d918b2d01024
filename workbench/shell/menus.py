"""Menus, toolbar and the canvas context menu, laid out from the window's actions.

Each menu's title is set in the chosen language, again after every change of it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from widgets.language import follow_language
from workbench.shell.actions import Actions
from workbench.shell.scenario_actions import ScenarioActions


def _menu(parent: QMainWindow | QMenu, title: str) -> QMenu:
    """A menu (in the menu bar or in ``parent``) titled ``title`` of context "Menus"."""
    menu = parent.menuBar().addMenu("") if isinstance(parent, QMainWindow) \
        else parent.addMenu("")
    follow_language(menu, lambda: menu.setTitle(QCoreApplication.translate("Menus", title)))
    return menu


def build_menus(window: QMainWindow, actions: Actions, docks: list[QDockWidget],
                scenario: ScenarioActions) -> QMenu:
    """Fill the menu bar; returns the (empty) Open Recent menu for the window to fill."""
    file = _menu(window, QT_TRANSLATE_NOOP("Menus", "&File"))
    file.addActions([actions.new, actions.open])
    recent = _menu(file, QT_TRANSLATE_NOOP("Menus", "Open &Recent"))
    file.addSeparator()
    file.addActions([actions.save, actions.save_as])
    file.addSeparator()
    file.addAction(actions.import_design)
    export = _menu(file, QT_TRANSLATE_NOOP("Menus", "&Export"))
    export.addActions([actions.export_infragraph, actions.export_astra])
    file.addActions([actions.import_measurements, actions.clear_measurements])
    file.addSeparator()
    file.addAction(scenario.export_report)
    file.addSeparator()
    file.addAction(actions.quit)

    edit = _menu(window, QT_TRANSLATE_NOOP("Menus", "&Edit"))
    edit.addActions([actions.undo, actions.redo])
    edit.addSeparator()
    edit.addActions([actions.cut, actions.copy, actions.paste, actions.delete])
    edit.addSeparator()
    edit.addAction(actions.select_all)
    edit.addSeparator()
    edit.addActions([actions.group, actions.ungroup, actions.collapse])

    view = _menu(window, QT_TRANSLATE_NOOP("Menus", "&View"))
    view.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_fit, actions.zoom_actual])
    view.addSeparator()
    view.addAction(actions.snap)
    view.addAction(actions.heat)
    view.addSeparator()
    panels = _menu(view, QT_TRANSLATE_NOOP("Menus", "&Panels"))
    panels.addActions([dock.toggleViewAction() for dock in docks])
    panels.addSeparator()
    panels.addAction(actions.reset_layout)
    _menu(view, QT_TRANSLATE_NOOP("Menus", "&Theme")).addActions(list(actions.themes.values()))
    languages = _menu(view, QT_TRANSLATE_NOOP("Menus", "&Language"))
    languages.addActions(list(actions.languages.values()))

    arrange = _menu(window, QT_TRANSLATE_NOOP("Menus", "&Arrange"))
    arrange.addActions(list(actions.arrange.values())[:6])
    arrange.addSeparator()
    arrange.addActions(list(actions.arrange.values())[6:])

    scenarios = _menu(window, QT_TRANSLATE_NOOP("Menus", "&Scenarios"))
    scenarios.addActions([scenario.duplicate, scenario.rename, scenario.delete])
    scenarios.addSeparator()
    scenarios.addActions([scenario.next, scenario.previous])
    scenarios.addSeparator()
    scenarios.addActions([scenario.compare, scenario.sweep, scenario.present])
    scenarios.addSeparator()
    scenarios.addAction(scenario.overlay)

    _menu(window, QT_TRANSLATE_NOOP("Menus", "&Help")).addAction(actions.about)
    return recent


def build_toolbar(window: QMainWindow, actions: Actions) -> QToolBar:
    toolbar = window.addToolBar("")
    toolbar.setObjectName("main-toolbar")
    follow_language(toolbar, lambda: toolbar.setWindowTitle(
        QCoreApplication.translate("Menus", "Main Toolbar")))
    toolbar.setIconSize(QSize(20, 20))
    toolbar.addActions([actions.new, actions.open, actions.save])
    toolbar.addSeparator()
    toolbar.addActions([actions.undo, actions.redo])
    toolbar.addSeparator()
    toolbar.addActions([actions.delete, actions.group])
    toolbar.addSeparator()
    toolbar.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_fit])
    return toolbar


def canvas_menu(window: QWidget, actions: Actions) -> QMenu:
    menu = QMenu(window)
    menu.addActions([actions.cut, actions.copy, actions.paste, actions.delete])
    menu.addSeparator()
    menu.addActions([actions.group, actions.ungroup, actions.collapse])
    menu.addSeparator()
    _menu(menu, QT_TRANSLATE_NOOP("Menus", "Arrange")).addActions(list(actions.arrange.values()))
    return menu
