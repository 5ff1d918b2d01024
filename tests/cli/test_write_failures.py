"""A file the command line cannot write is one line on stderr and exit status 1, never a
traceback, and nothing is left half written. The conditions are real: a folder that does
not exist, a path through a regular file, /proc (which takes no new files, even from root),
a read-only file, and a full disk (a process file-size limit, RLIMIT_FSIZE, set in the
child: the kernel refuses the write as a full disk would)."""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, EXAMPLES, ROOT
from workbench.cli import main

STARTER = ROOT / "workbench" / "shell" / "resources" / "default.yaml"
TRN1 = next(p for p in EXAMPLES if p.stem == "trn1-ultracluster")
H800 = ROOT / "examples" / "h800-1024.yaml"
NDV4 = DATA / "interop" / "nccl_topology" / "azure-ndv4-topo.xml"
SWEEP = ("--vary", "gpus=256,512", "--workers", "0")


def commands(out: Path) -> dict[str, list[str]]:
    """Every command that writes a file, writing to ``out``."""
    return {
        "render": ["render", str(STARTER), "-o", str(out.with_suffix(".png"))],
        "report": ["report", str(STARTER), "-o", str(out.with_suffix(".html"))],
        "export-infragraph": ["export", str(TRN1), "--to", "infragraph", "-o", str(out)],
        "export-astra": ["export", str(TRN1), "--to", "astra-sim", "-o", str(out / "astra")],
        "import": ["import", str(NDV4), "--accelerator", "a100-40gb", "-o", str(out)],
        "sweep": ["sweep", str(H800), *SWEEP, "-o", str(out.with_suffix(".csv"))],
    }


def places(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Where nothing can be written, and the line that says so (after the path)."""
    (tmp_path / "plain").write_text("a regular file")
    return {
        "no folder": (tmp_path / "missing" / "out.yaml",
                      f"there is no folder {tmp_path}/missing; create it or choose another "
                      "folder"),
        "through a file": (tmp_path / "plain" / "out.yaml",
                           f"{tmp_path}/plain is a file, not a folder; choose another folder"),
        "proc": (Path("/proc/cluster-workbench-test.yaml"),
                 "/proc does not take new files; choose another folder"),
    }


@pytest.mark.parametrize(("command", "place"), [
    (command, place) for command in ("render", "report", "export-infragraph", "export-astra",
                                     "import", "sweep")
    for place in ("no folder", "through a file", "proc")
    if (command, place) != ("export-astra", "no folder")])      # astra-sim makes its folder
def test_a_place_that_takes_no_file_is_one_line_and_status_1(tmp_path, capsys, command,
                                                             place):
    out, says = places(tmp_path)[place]
    assert main(commands(out)[command]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("cluster-workbench: "), err
    assert says in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain"]


def test_a_read_only_output_is_refused_and_kept(tmp_path, capsys):
    out = tmp_path / "design.yaml"
    out.write_text("kept")
    out.chmod(0o444)
    assert main(["export", str(TRN1), "--to", "infragraph", "-o", str(out)]) == 1
    assert capsys.readouterr().err == (f"cluster-workbench: {out}: cannot write: the file is "
                                       "read-only; make it writable or choose another name\n")
    assert out.read_text() == "kept"


def test_summarise_checks_its_picture_before_it_prints(tmp_path, capsys):
    results = tmp_path / "h800.csv"
    assert main(["sweep", str(H800), *SWEEP, "-o", str(results)]) == 0
    capsys.readouterr()
    assert main(["summarise", str(results), "-o", str(tmp_path / "no" / "front.png")]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "there is no folder" in captured.err


def _full_disk_after(limit: int):
    def limit_writes() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    return limit_writes


@pytest.mark.parametrize(("command", "name"), [("render", "window.png"), ("report", "page.html")])
def test_a_full_disk_is_one_line_and_the_old_file_stays(tmp_path, command, name):
    out = tmp_path / name
    out.write_bytes(b"the old file")
    done = subprocess.run([sys.executable, "-m", "workbench.cli", *commands(out)[command]],
                          capture_output=True, text=True, cwd=ROOT, timeout=180,
                          preexec_fn=_full_disk_after(16_384))
    assert done.returncode == 1, done.stderr
    assert done.stderr == (f"cluster-workbench: {out}: cannot write: the file is larger than "
                           "this disk or process allows; choose another disk\n")
    assert out.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir()] == [name]
