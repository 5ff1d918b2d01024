"""Scenarios in the window: the tabs switch, duplicate, rename and delete through undoable
commands; the canvas and inspector show the active scenario; saving keeps them all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QLineEdit

from engine.layout import load_design

NAMES = ["A800 cluster", "H800 cluster", "H20 cluster"]


def click_tab(window, index: int) -> None:
    bar = window.scenario_tabs.bar
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def server_hardware(window) -> str:
    return window.document.node("server").hardware


def test_the_tabs_switch_scenarios_and_undo_switches_back(open_what_if):
    window = open_what_if()
    tabs = window.scenario_tabs
    assert tabs.names() == NAMES
    assert tabs.current() == 0
    click_tab(window, 2)
    assert window.document.active_scenario == 2
    assert server_hardware(window) == "h20"
    assert window.editor.binder.item("node", "server").isVisible()
    assert window.inspector.heading() == "H20 cluster"
    window.actions.undo.trigger()
    assert (window.document.active_scenario, tabs.current()) == (0, 0)
    assert server_hardware(window) == "a800-80gb"
    window.scenario_actions.next.trigger()
    window.scenario_actions.next.trigger()
    assert tabs.current() == 2
    window.scenario_actions.next.trigger()
    assert tabs.current() == 0                             # wraps round


def test_plus_duplicates_and_a_double_click_renames_in_place(window, qtbot):
    tabs = window.scenario_tabs
    QTest.mouseClick(tabs.add, Qt.MouseButton.LeftButton)
    base = window.document.scenarios[0].name
    assert tabs.names() == [base, f"{base} (2)"]
    assert tabs.current() == 1
    assert window.comparison_dock.isVisible()              # now there is something to compare
    QTest.mouseDClick(tabs.bar, Qt.MouseButton.LeftButton, pos=tabs.bar.tabRect(1).center())
    editor = tabs.bar.findChild(QLineEdit)
    assert editor is not None
    editor.setText("H800 instead")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert tabs.names() == [base, "H800 instead"]
    assert window.document.design.name == "H800 instead"
    window.actions.undo.trigger()
    assert tabs.names()[1] == f"{base} (2)"


def test_a_taken_name_is_numbered_as_a_duplicate_is(window):
    window.scenario_actions.duplicate.trigger()
    window.scenario_binder.rename(1, "Plan B")
    window.scenario_actions.duplicate.trigger()
    window.scenario_binder.rename(2, "Plan B")
    assert window.scenario_tabs.names()[1:] == ["Plan B", "Plan B (2)"]


def test_delete_is_undoable_and_the_last_scenario_stays(open_what_if):
    window = open_what_if()
    window.scenario_binder.show_scenario(1)
    window.scenario_actions.delete.trigger()
    assert window.scenario_tabs.names() == ["A800 cluster", "H20 cluster"]
    assert window.document.design.name == "H20 cluster"
    window.actions.undo.trigger()
    assert window.scenario_tabs.names() == NAMES
    assert window.scenario_tabs.current() == 1
    for _ in range(2):
        window.scenario_actions.delete.trigger()
    assert len(window.document.scenarios) == 1
    assert not window.scenario_actions.delete.isEnabled()


def test_saving_keeps_every_scenario_and_reopening_gives_them_back(open_what_if, make_window,
                                                                   tmp_path, monkeypatch):
    window = open_what_if()
    window.scenario_binder.show_scenario(2)
    window.scenario_actions.duplicate.trigger()
    target = tmp_path / "mine.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions.save_as.trigger()
    saved = load_design(str(target))
    assert saved == window.document.file_design
    other = make_window()
    other.scenario_actions.overlay.setChecked(False)
    assert other.open_path(target)
    assert other.scenario_tabs.names() == [*NAMES, "H20 cluster (2)"]
    assert other.document.scenarios == window.document.scenarios
