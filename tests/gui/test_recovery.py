"""Autosave and crash recovery: unsaved work survives a crash and is offered back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QMessageBox

from tests.conftest import ROOT
from widgets.content.selection import Selection

CRASHING_SESSION = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from engine.catalog import load_catalog
    from engine.layout import load_design
    from workbench.document.commands import delete_items
    from workbench.shell.main_window import MainWindow
    from workbench.document.recovery import RecoveryStore
    folder, layout = Path(sys.argv[1]), Path(sys.argv[2])
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(load_catalog(), settings, RecoveryStore(folder / "recovery"))
    window.open_path(layout)
    window.document.push(lambda d: delete_items(d, node_ids=["dgx"]))
    deadline = time.monotonic() + 30
    while not list((folder / "recovery").glob("*.yaml")) and time.monotonic() < deadline:
        app.processEvents()
    os._exit(3)                          # a crash: no clean-up runs
""")


def test_edits_are_autosaved_and_saving_clears_the_recovery_file(window, qtbot, tmp_path):
    store = window.recovery
    window.editor.binder.select(Selection(nodes=["dgx"]))
    window.actions.delete.trigger()
    qtbot.waitUntil(store.has_saved, timeout=5000)
    window.files.save_to(tmp_path / "saved.yaml")
    assert not store.has_saved()


def test_after_a_crash_the_next_start_offers_the_unsaved_work_back(make_window, tmp_path,
                                                                  monkeypatch):
    layout = tmp_path / "pod.yaml"
    layout.write_text((ROOT / "workbench" / "shell" / "resources" / "default.yaml").read_text())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    crashed = subprocess.run([sys.executable, "-c", CRASHING_SESSION, str(tmp_path),
                              str(layout)], cwd=ROOT, env=env, capture_output=True, text=True,
                             timeout=120)
    assert crashed.returncode == 3, crashed.stderr
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = make_window()
    assert window.offer_recovery()
    doc = window.document
    assert [n.id for n in doc.design.nodes] == ["leaf"]
    assert doc.path == layout
    assert window.isWindowModified()
    assert doc.undo_stack.undoText() == "Restore unsaved changes"
    doc.undo_stack.undo()
    assert [n.id for n in doc.design.nodes] == ["dgx", "leaf"]
    assert not window.offer_recovery()          # offered once, then gone
