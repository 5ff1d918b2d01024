"""The Scenarios menu's actions and File > Export Report: names, shortcuts, tips.

Created here and connected by the main window, like :mod:`workbench.shell.actions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from workbench.shell.actions import new_action

Key = QKeySequence.StandardKey


@dataclass
class ScenarioActions:
    duplicate: QAction
    rename: QAction
    delete: QAction
    next: QAction
    previous: QAction
    compare: QAction
    sweep: QAction
    present: QAction
    overlay: QAction
    export_report: QAction


def build_scenario_actions(window: QWidget) -> ScenarioActions:
    def make(text: str, keys: tuple[Key | str, ...], tip: str) -> QAction:
        return new_action(window, text, keys, tip)

    actions = ScenarioActions(
        duplicate=make("&Duplicate as Scenario", ("Ctrl+Shift+D",),
                       "Copy the shown scenario into a new one, to change and compare"),
        rename=make("&Rename Scenario…", ("F2",), "Rename the shown scenario"),
        delete=make("De&lete Scenario", (), "Delete the shown scenario"),
        next=make("&Next Scenario", ("Ctrl+PgDown",), "Show the next scenario"),
        previous=make("&Previous Scenario", ("Ctrl+PgUp",), "Show the previous scenario"),
        compare=make("&Compare Scenarios", ("Ctrl+Shift+C",),
                     "Every scenario's headline figures side by side, the best marked"),
        sweep=make("&Sweep a Setting…", ("Ctrl+Shift+W",),
                   "Vary one setting over a range and plot every headline figure"),
        present=make("&Present Comparison", ("F5",),
                     "The comparison full screen, for a room (Esc leaves)"),
        overlay=make("&Overlay Scenarios in Panels", (),
                     "Draw every other scenario's curves and bars in the analysis panels"),
        export_report=make("&Export Report…", ("Ctrl+Shift+E",),
                           "A self-contained HTML report comparing the scenarios"),
    )
    actions.overlay.setCheckable(True)
    actions.overlay.setChecked(True)
    return actions
