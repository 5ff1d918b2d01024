"""The user's work survives failed saves and files from a newer version."""

from __future__ import annotations

import contextlib
import resource
import signal
from pathlib import Path

from engine.layout import load_design
from tests.conftest import ROOT
from workbench.document.selection import Selection

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
    assert dialog.lines()[0].startswith("/proc/cluster-workbench-test.yaml: ")
    assert window.isWindowModified()
    assert window.document.design == edited
    assert window.document.path is None
    dialog.accept()


@contextlib.contextmanager
def _disk_full_after(limit: int):
    """Writes past ``limit`` bytes fail with an OSError, as on a full disk (RLIMIT_FSIZE)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_full_disk_on_save_keeps_the_edits_and_the_old_file(window, tmp_path):
    folder = tmp_path / "designs"
    folder.mkdir()
    target = folder / "pod.yaml"
    target.write_text(SUPERPOD.read_text())
    assert window.open_path(target)
    _edit(window)
    with _disk_full_after(256):
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
