"""The user's work survives failed saves and files from a newer version."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from engine.layout import load_design
from tests.conftest import ROOT
from tests.robustness.test_atomic_file import disk_full_after
from widgets.content.selection import Selection
from workbench.document.recovery import RecoveryStore

SUPERPOD = ROOT / "examples" / "dgx-h100-superpod.yaml"
READ_ONLY = Path("/proc/cluster-workbench-test.yaml")   # read-only even for root


def _edit(window) -> None:
    window.editor.binder.select(Selection(nodes=[window.document.design.nodes[0].id]))
    window.actions.delete.trigger()
    assert window.isWindowModified()


def test_saving_where_nothing_can_be_written_shows_an_error_and_keeps_the_edits(window):
    _edit(window)
    edited = window.document.design
    assert not window.files.save_to(READ_ONLY)
    dialog = window.files.last_error
    assert dialog.isVisible()
    assert dialog.lines() == ["/proc/cluster-workbench-test.yaml: cannot write: /proc does "
                              "not take new files; choose another folder"]
    assert window.isWindowModified()
    assert window.document.design == edited
    assert window.document.path is None
    dialog.accept()


def test_a_full_disk_on_save_keeps_the_edits_and_the_old_file(window, tmp_path):
    folder = tmp_path / "designs"
    folder.mkdir()
    target = folder / "pod.yaml"
    target.write_text(SUPERPOD.read_text())
    assert window.open_path(target)
    _edit(window)
    with disk_full_after(256):
        saved = window.files.save_to(target)
    assert not saved
    assert window.files.last_error.isVisible()
    assert window.isWindowModified()
    assert target.read_text() == SUPERPOD.read_text()
    assert [p.name for p in folder.iterdir()] == ["pod.yaml"]      # no temporary left
    window.files.last_error.accept()


def test_a_file_from_a_newer_version_is_refused_and_the_open_design_stays(window, tmp_path):
    before = window.document.design
    newer = tmp_path / "newer.yaml"
    newer.write_text(SUPERPOD.read_text().replace("cluster-workbench/1", "cluster-workbench/3"))
    assert not window.open_path(newer)
    line = window.files.last_error.lines()[0]
    assert "written by a newer Cluster Workbench (format 3)" in line
    assert window.document.design is before
    assert load_design(str(SUPERPOD)).nodes      # the example itself is fine
    window.files.last_error.accept()


def test_saving_a_read_only_file_is_refused_and_the_file_kept(window, tmp_path):
    target = tmp_path / "pod.yaml"
    target.write_text(SUPERPOD.read_text())
    assert window.open_path(target)
    target.chmod(0o444)
    _edit(window)
    assert not window.files.save_to(target)
    assert window.files.last_error.lines() == [
        f"{target}: cannot write: the file is read-only; make it writable or choose "
        "another name"]
    assert target.read_text() == SUPERPOD.read_text()
    assert window.isWindowModified()
    window.files.last_error.accept()


def test_saving_through_a_symlink_writes_its_target(window, tmp_path):
    (tmp_path / "store").mkdir()
    real = tmp_path / "store" / "pod.yaml"
    real.write_text(SUPERPOD.read_text())
    link = tmp_path / "pod.yaml"
    link.symlink_to(real)
    assert window.open_path(link)
    _edit(window)
    assert window.files.save_to(link)
    assert link.is_symlink()
    assert len(load_design(str(real)).nodes) == len(load_design(str(SUPERPOD)).nodes) - 1


def test_a_new_file_gets_the_usual_mode(window, tmp_path):
    previous = os.umask(0o022)
    try:
        assert window.files.save_to(tmp_path / "new.yaml")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o644


def gone_pid() -> int:
    """The process id of a writer that is no longer running."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_opening_a_file_removes_what_a_killed_save_left_beside_it(window, tmp_path):
    folder = tmp_path / "designs"
    folder.mkdir()
    target = folder / "pod.yaml"
    target.write_text(SUPERPOD.read_text())
    (folder / f".pod.yaml.cw{gone_pid()}-0123abcd.tmp").write_text("half a design")
    assert window.open_path(target)
    assert [p.name for p in folder.iterdir()] == ["pod.yaml"]


def test_the_next_start_removes_what_a_killed_autosave_left(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / f".0123456789ab.yaml.cw{gone_pid()}-0123abcd.tmp").write_text("half")
    store = RecoveryStore(folder)
    assert [p.suffix for p in folder.iterdir()] == [".lock"]
    store.close()
