"""Files a user names (issue 20): only regular files are read, never past a byte limit, and
an error never quotes a file that is not ours."""

from __future__ import annotations

import os
import sys

import pytest

from engine.catalog.loader import build_catalog
from engine.errors import CatalogError, InteropError, LayoutError
from engine.interop.importers import import_design
from engine.layout import load_design
from engine.reading import read_bounded
from workbench.cli import main

SECRET = "hunter2:x:0:0:hunter2:/home:/bin/bash\nadmin:$6$s3cr3t-hash:19000:0:99999:7:::\n"
posix = pytest.mark.skipif(sys.platform == "win32", reason="named pipes and /dev/zero")


@posix
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path, capsys):
    pipe = tmp_path / "design.yaml"
    os.mkfifo(pipe)
    with pytest.raises(LayoutError) as caught:
        load_design(str(pipe))
    assert caught.value.lines() == [f"{pipe}: is a named pipe, not a regular file"]
    assert main(["evaluate", str(pipe)]) == 2
    assert capsys.readouterr().err == f"{pipe}: is a named pipe, not a regular file\n"


@posix
def test_dev_zero_is_refused_not_read_until_memory_runs_out():
    with pytest.raises(LayoutError, match=r"^/dev/zero: is a device, not a regular file$"):
        load_design("/dev/zero")


def test_a_folder_is_refused_in_one_line(tmp_path):
    with pytest.raises(LayoutError) as caught:
        load_design(str(tmp_path))
    assert caught.value.lines() == [f"{tmp_path}: is a folder, not a regular file"]


@posix
def test_other_tools_files_are_held_to_the_same_reading(tmp_path):
    pipe = tmp_path / "topology.xml"
    os.mkfifo(pipe)
    with pytest.raises(InteropError, match="is a named pipe, not a regular file"):
        import_design(str(pipe))


def test_reading_stops_one_byte_past_the_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 2000)
    assert read_bounded(path, 2000) == b"#" * 2000
    with pytest.raises(LayoutError, match="over the"):
        read_bounded(path, 1999, LayoutError)


@pytest.mark.parametrize("name", ["notes.yaml", "notes.json"])
def test_a_file_that_is_not_ours_is_never_quoted(tmp_path, capsys, name):
    """A layout, catalog or InfraGraph name given to a file of other content (a symlink
    to a system file, say) says what is wrong without echoing any of it."""
    other = tmp_path / "other"
    other.write_text(SECRET)
    link = tmp_path / name
    link.symlink_to(other)
    catalog_dir = tmp_path / "catalog"
    catalog_dir.mkdir()
    (catalog_dir / "mine.yaml").symlink_to(other)
    (catalog_dir / "keys.yaml").write_text("hunter2:x:0:0:hunter2: 1\n")
    errors = []
    for read, error in ((lambda: load_design(str(link)), LayoutError),
                        (lambda: import_design(str(link)), InteropError),
                        (lambda: build_catalog([catalog_dir / "mine.yaml"]), CatalogError),
                        (lambda: build_catalog([catalog_dir / "keys.yaml"]), CatalogError)):
        with pytest.raises(error) as caught:
            read()
        errors.append(str(caught.value))
    assert main(["evaluate", str(link)]) == 2
    errors.append(capsys.readouterr().err)
    for text in errors:
        assert "hunter2" not in text, text
        assert "s3cr3t" not in text, text
