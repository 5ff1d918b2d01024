"""The one atomic writer: whole files or none, the user's links and modes kept, every
refusal one line. Real conditions only (tests may run as root, where a chmod'ed folder
stops nothing: a path through a regular file, /proc and a process file-size limit do)."""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from engine.atomic_file import (
    AtomicFile,
    WriteError,
    check_writable,
    make_folder,
    remove_stale_temps,
    write_bytes,
    write_text,
)


@contextlib.contextmanager
def umask(mask: int):
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


@contextlib.contextmanager
def disk_full_after(limit: int):
    """Writes past ``limit`` bytes fail (EFBIG), as on a full disk (RLIMIT_FSIZE)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def half_then_fail(path: Path) -> None:
    with AtomicFile(path) as out:
        out.file.write(b"half")
        raise KeyError("the caller failed")


def one_line(exc: pytest.ExceptionInfo[WriteError]) -> str:
    text = str(exc.value)
    assert "\n" not in text
    return text


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_a_new_file_honours_the_umask(tmp_path, mask, mode):
    with umask(mask):
        write_text(tmp_path / "new.yaml", "a: 1\n")
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == mode


def test_an_existing_file_keeps_its_mode(tmp_path):
    path = tmp_path / "design.yaml"
    path.write_text("old")
    path.chmod(0o604)
    write_text(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "design.yaml"
    target.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    write_text(link, "new")
    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real"]


def test_a_read_only_file_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "design.yaml"
    path.write_text("old")
    path.chmod(0o444)
    with pytest.raises(WriteError) as refused:
        write_text(path, "new")
    assert one_line(refused) == (f"{path}: cannot write: the file is read-only; make it "
                                 "writable or choose another name")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["design.yaml"]


@pytest.mark.parametrize(("where", "says"), [
    ("missing/out.png", "there is no folder {tmp}/missing; create it or choose another folder"),
    ("plain/out.png", "{tmp}/plain is a file, not a folder; choose another folder"),
    ("folder", "it is a folder; give a file name"),
])
def test_where_nothing_can_be_written_is_one_line(tmp_path, where, says):
    (tmp_path / "plain").write_text("a regular file")
    (tmp_path / "folder").mkdir()
    path = tmp_path / where
    with pytest.raises(WriteError) as refused:
        write_bytes(path, b"data")
    assert one_line(refused) == f"{path}: cannot write: " + says.format(tmp=tmp_path)
    with pytest.raises(WriteError):
        check_writable(path)


def test_a_folder_that_takes_no_files_is_one_line():
    with pytest.raises(WriteError) as refused:
        write_text("/proc/cluster-workbench-test.yaml", "x")
    assert one_line(refused) == ("/proc/cluster-workbench-test.yaml: cannot write: /proc "
                                 "does not take new files; choose another folder")


def test_a_full_disk_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "report.html"
    path.write_text("old")
    with disk_full_after(1024), pytest.raises(WriteError) as failed:
        write_bytes(path, b"x" * 100_000)
    assert one_line(failed).startswith(f"{path}: cannot write: the file is larger than")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_any_failure_while_writing_removes_the_temporary(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("old")
    with pytest.raises(KeyError):
        half_then_fail(path)
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_temporaries_of_dead_writers_go_at_the_next_write_others_stay(tmp_path):
    stale = tmp_path / f".out.png.cw{dead_pid()}-0123abcd.tmp"
    live = tmp_path / f".out.png.cw{os.getppid()}-89abcdef.tmp"
    unrelated = tmp_path / ".out.png.tmp"
    for path in (stale, live, unrelated):
        path.write_bytes(b"partial")
    write_bytes(tmp_path / "out.png", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == \
        sorted([live.name, unrelated.name, "out.png"])
    assert remove_stale_temps(tmp_path) == []


def test_make_folder_says_why_in_one_line(tmp_path):
    (tmp_path / "plain").write_text("a regular file")
    make_folder(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir()
    with pytest.raises(WriteError) as refused:
        make_folder(tmp_path / "plain" / "out")
    assert one_line(refused) == (f"{tmp_path}/plain/out: cannot create: {tmp_path}/plain is "
                                 "a file, not a folder; choose another folder")


def test_a_long_name_still_gets_a_temporary(tmp_path):
    path = tmp_path / ("d" * 250)
    write_text(path, "x")
    assert path.read_text() == "x"


def test_the_temporary_is_beside_the_target(tmp_path):
    with AtomicFile(tmp_path / "out.bin") as out:
        assert out.temp.parent == tmp_path
        assert Path(out.temp).name.startswith(".out.bin.cw")
        out.file.write(b"1")
    assert (tmp_path / "out.bin").read_bytes() == b"1"
