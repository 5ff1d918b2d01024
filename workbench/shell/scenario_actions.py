"""The Scenarios menu's actions and File > Export Report: names, shortcuts, tips.

Created here and connected by the main window, like :mod:`workbench.shell.actions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
        duplicate=make(QT_TRANSLATE_NOOP("Actions", "&Duplicate as Scenario"),
                       ("Ctrl+Shift+D",),
                       QT_TRANSLATE_NOOP("Actions", "Copy the shown scenario into a new one, "
                                                    "to change and compare")),
        rename=make(QT_TRANSLATE_NOOP("Actions", "&Rename Scenario…"), ("F2",),
                    QT_TRANSLATE_NOOP("Actions", "Rename the shown scenario")),
        delete=make(QT_TRANSLATE_NOOP("Actions", "De&lete Scenario"), (),
                    QT_TRANSLATE_NOOP("Actions", "Delete the shown scenario")),
        next=make(QT_TRANSLATE_NOOP("Actions", "&Next Scenario"), ("Ctrl+PgDown",),
                  QT_TRANSLATE_NOOP("Actions", "Show the next scenario")),
        previous=make(QT_TRANSLATE_NOOP("Actions", "&Previous Scenario"), ("Ctrl+PgUp",),
                      QT_TRANSLATE_NOOP("Actions", "Show the previous scenario")),
        compare=make(QT_TRANSLATE_NOOP("Actions", "&Compare Scenarios"), ("Ctrl+Shift+C",),
                     QT_TRANSLATE_NOOP("Actions", "Every scenario's headline figures side by "
                                                  "side, the best marked")),
        sweep=make(QT_TRANSLATE_NOOP("Actions", "&Sweep a Setting…"), ("Ctrl+Shift+W",),
                   QT_TRANSLATE_NOOP("Actions", "Vary one setting over a range and plot every "
                                                "headline figure")),
        present=make(QT_TRANSLATE_NOOP("Actions", "&Present Comparison"), ("F5",),
                     QT_TRANSLATE_NOOP("Actions", "The comparison full screen, for a room "
                                                  "(Esc leaves)")),
        overlay=make(QT_TRANSLATE_NOOP("Actions", "&Overlay Scenarios in Panels"), (),
                     QT_TRANSLATE_NOOP("Actions", "Draw every other scenario's curves and bars "
                                                  "in the analysis panels")),
        export_report=make(QT_TRANSLATE_NOOP("Actions", "&Export Report…"), ("Ctrl+Shift+E",),
                           QT_TRANSLATE_NOOP("Actions", "A self-contained HTML report "
                                                        "comparing the scenarios")),
    )
    actions.overlay.setCheckable(True)
    actions.overlay.setChecked(True)
    return actions
