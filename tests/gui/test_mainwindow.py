"""The main window: title, files (save, reopen, broken files, drops, recent), prompts,
panel layout, and the live estimates."""

from __future__ import annotations

import gc
import os

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, QUrl
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.layout import load_design
from tests.conftest import ROOT
from tests.gui.canvas_input import drop
from widgets.content.selection import Selection
from workbench.document.commands import delete_items
from workbench.shell.main_window import MainWindow

BIG = ROOT / "examples" / "llama3-16k-h100-roce.yaml"


def test_title_names_the_file_and_marks_unsaved_changes(window):
    assert window.windowTitle() == "Untitled[*] - Cluster Workbench"
    assert not window.isWindowModified()
    window.editor.binder.select(Selection(nodes=["dgx"]))
    window.actions.delete.trigger()
    assert window.isWindowModified()
    window.actions.undo.trigger()
    assert not window.isWindowModified()


def test_save_then_reopen_gives_back_an_equal_design(window, make_window, tmp_path,
                                                    monkeypatch):
    target = tmp_path / "pod.yaml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "pod"), ""))
    window.editor.binder.select(Selection(nodes=["dgx"]))
    window.actions.copy.trigger()
    window.actions.paste.trigger()
    window.actions.save.trigger()
    assert target.exists()
    assert window.windowTitle() == "pod.yaml[*] - Cluster Workbench"
    assert not window.isWindowModified()
    other = make_window()
    assert other.open_path(target)
    assert other.document.design == window.document.design
    assert other.document.path == target


def test_a_broken_file_is_reported_line_by_line_and_the_open_design_stays(window, tmp_path):
    before = window.document.design
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: cluster-workbench/1\nnodes:\n"
                   "  - {id: a, kind: server, accelerator: h900}\n"
                   "  - {id: b, kind: switch, switch: qm9700, replicas: -4}\n")
    assert not window.open_path(bad)
    dialog = window.files.last_error
    assert dialog is not None
    assert dialog.isVisible()
    lines = dialog.lines()
    assert lines[0].startswith(f"{bad}:3: nodes[0].accelerator: unknown accelerator")
    assert lines[1].startswith(f"{bad}:4: nodes[1].replicas:")
    assert window.document.design is before
    assert window.document.path is None
    dialog.accept()


@pytest.mark.parametrize(("text", "line"), [
    ("workload: {tokens: 1" + "0" * 309 + "}\n",
     "workload.tokens: must be a number within +-1e+30, got a number of about 310 digits"),
    ("links:\n  - {id: up, from: a, to: b, type: ib-ndr, count: 10000000}\n",
     "links[0]: stands for 160,000,000 physical links, over the 8,000,000 a design may hold"),
])
def test_a_file_asking_for_unbounded_work_is_a_dialog_and_the_open_design_stays(
        window, tmp_path, text, line):
    """Issue 20: a 310-digit token count raised OverflowError with no dialog at all."""
    before = window.document.design
    bad = tmp_path / "huge.yaml"
    bad.write_text("format: cluster-workbench/1\nnodes:\n"
                   "  - {id: a, kind: server, accelerator: h100-sxm, replicas: 16}\n"
                   "  - {id: b, kind: switch, switch: qm9700}\n" + text)
    assert not window.open_path(bad)
    dialog = window.files.last_error
    assert dialog.isVisible()
    assert [entry.split(": ", 1)[1] for entry in dialog.lines()] == [line]
    assert window.document.design is before
    dialog.accept()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_named_pipe_is_refused_at_once_not_waited_on(window, tmp_path):
    pipe = tmp_path / "pipe.yaml"
    os.mkfifo(pipe)
    assert not window.open_path(pipe)
    assert window.files.last_error.lines() == [f"{pipe}: is a named pipe, not a regular file"]
    window.files.last_error.accept()


def test_closing_over_unsaved_work_asks_first(window, monkeypatch):
    window.document.push(lambda d: delete_items(d, link_ids=["rails"]))
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda *a, **k: asked.append(a[2]) or answers[len(asked) - 1])
    assert not window.close()
    assert window.isVisible()
    assert window.close()
    assert asked == ["Untitled has unsaved changes. Save them first?"] * 2


def test_dropping_a_layout_file_on_the_window_opens_it(window):
    mime = QMimeData()
    example = ROOT / "workbench" / "shell" / "resources" / "default.yaml"
    mime.setUrls([QUrl.fromLocalFile(str(example))])
    assert drop(window.editor.view, mime, QPointF(0, 0))
    assert window.document.path == example
    assert window.windowTitle() == "default.yaml[*] - Cluster Workbench"


def test_an_open_design_stays_out_of_full_collections_until_its_window_closes(window, qtbot):
    gc.unfreeze()
    assert window.open_path(BIG)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0)
    assert window.close()
    assert gc.get_freeze_count() == 0


def test_recent_files_list_the_newest_first(window, tmp_path):
    paths = []
    for name in ("a.yaml", "b.yaml"):
        path = tmp_path / name
        path.write_text((ROOT / "workbench" / "shell" / "resources" / "default.yaml").read_text())
        assert window.open_path(path)
        paths.append(path)
    assert [a.text() for a in window.recent_menu.actions()] == ["b.yaml", "a.yaml"]


def test_the_panel_layout_is_remembered(make_window):
    first = make_window()
    inspector = next(d for d in first.docks if d.objectName() == "inspector-dock")
    inspector.hide()
    first.close()
    second = make_window()
    again = next(d for d in second.docks if d.objectName() == "inspector-dock")
    assert again.isHidden()


def test_the_window_opens_at_the_size_it_had_and_reset_layout_restores_the_docks(
        make_window, catalog, settings_file, qtbot):
    first = make_window()
    first.resize(760, 560)                 # within the offscreen screen (800 x 600)
    first.close()
    second = MainWindow(catalog, QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 560)
    second.show()
    docks = {d.objectName(): d for d in second.docks}
    docks["inspector-dock"].hide()
    docks["summary-dock"].setFloating(True)
    second.actions.reset_layout.trigger()
    assert docks["inspector-dock"].isVisible()
    assert not docks["summary-dock"].isFloating()
    second.shutdown()


def test_the_16k_gpu_example_is_a_few_dozen_items_not_thousands(window):
    assert window.open_path(BIG)
    items = window.editor.binder.item_count()
    assert 3 <= items <= 60
    assert len(window.editor.scene.items()) < 200
    assert load_design(str(BIG)) == window.document.design


def test_estimates_follow_edits(window, qtbot):
    def accelerators():
        return window.summary.tile_values().get("Accelerators")
    qtbot.waitUntil(lambda: accelerators() == "32")
    window.editor.binder.select(Selection(nodes=["dgx"]))
    window.actions.delete.trigger()
    qtbot.waitUntil(lambda: accelerators() == "0")


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_themes_repaint_the_canvas(window, qtbot, theme):
    try:
        window.actions.themes[theme].trigger()
        qtbot.waitUntil(lambda: window.editor.scene.theme().dark == (theme == "dark"))
        assert window.settings.theme() == theme
    finally:
        window.set_theme("system")


def test_the_usual_shortcuts_are_bound(window):
    a = window.actions
    expected = {a.new: "Ctrl+N", a.open: "Ctrl+O", a.save: "Ctrl+S", a.save_as: "Ctrl+Shift+S",
                a.quit: "Ctrl+Q", a.undo: "Ctrl+Z", a.redo: "Ctrl+Shift+Z", a.cut: "Ctrl+X",
                a.copy: "Ctrl+C", a.paste: "Ctrl+V", a.delete: "Del",
                a.select_all: "Ctrl+A", a.group: "Ctrl+G", a.ungroup: "Ctrl+Shift+G",
                a.collapse: "Ctrl+E", a.zoom_in: "Ctrl++", a.zoom_out: "Ctrl+-",
                a.zoom_fit: "Ctrl+0", a.zoom_actual: "Ctrl+1"}
    for action, key in expected.items():
        assert key in [s.toString() for s in action.shortcuts()], action.text()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Arrange", "&Scenarios", "&Help"]
