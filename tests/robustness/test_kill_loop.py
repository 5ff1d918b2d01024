"""Kill -9 at random points of save, render and report: the output is always the old file
or a new one, whole, never part of one; and the next start leaves no temporary file.

``make fuzz`` kills each writer 50 times; ``make test`` a few times. Half the kills land at
a random moment, half just after the writer's temporary file appears (mid-write); the
writers are forked from one process that imported everything once
(``kill_loop_writer.py``), so a kill costs a write, not an interpreter's start.
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from engine.layout import load_design
from tests.conftest import ROOT

KILLS = 50 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 2
SUPERPOD = ROOT / "examples" / "dgx-h100-superpod.yaml"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


ONE_PIXEL_PNG = (PNG_SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                 + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b""))


def png_width(data: bytes) -> int:
    """The width of a whole PNG: every chunk's CRC right, IEND last, nothing after it."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    at, width = 8, 0
    while True:
        assert at + 12 <= len(data), "truncated PNG"
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length:at + 12 + length])
        assert len(body) == length, "truncated PNG"
        assert zlib.crc32(kind + body) == crc, "damaged chunk"
        if kind == b"IHDR":
            width = struct.unpack(">I", body[:4])[0]
        at += 12 + length
        if kind == b"IEND":
            assert at == len(data), "bytes after IEND"
            return width


def whole_render(path: Path) -> None:
    assert png_width(path.read_bytes()) in {1, 640, 720}


def whole_report(path: Path) -> None:
    page = path.read_text(encoding="utf-8")
    assert page == "old" or (page.startswith("<!DOCTYPE html>")
                             and page.endswith("</main></body></html>\n"))


def whole_save(nodes: int) -> Callable[[Path], None]:
    def check(path: Path) -> None:
        design = load_design(str(path))          # loads: not truncated, not mixed
        assert len(design.nodes) == {"A": nodes + 3000, "B": nodes}.get(design.name, nodes)
    return check


@pytest.fixture(scope="module")
def writers() -> Iterator[subprocess.Popen[str]]:
    server = subprocess.Popen([sys.executable, str(Path(__file__).with_name(
        "kill_loop_writer.py"))], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True)
    assert server.stdout.readline().strip() == "ready"
    yield server
    server.stdin.close()
    server.wait(timeout=60)


def kill_loop(server: subprocess.Popen[str], kind: str, out: Path,
              check: Callable[[Path], None], seed: int) -> None:
    """KILLS kills of ``kind`` writing ``out``, ``check`` after each; then the next start."""
    server.stdin.write(f"{kind} {out} {KILLS} {seed}\n")
    server.stdin.flush()
    for _ in range(KILLS):
        assert server.stdout.readline().strip() == "killed"
        check(out)
        server.stdin.write("\n")
        server.stdin.flush()
    assert server.stdout.readline().strip() == "next 0"
    check(out)
    assert [p.name for p in out.parent.iterdir()] == [out.name]    # no temporary left


def test_killing_a_save_leaves_a_whole_file(writers, tmp_path):
    out = tmp_path / "design.yaml"
    out.write_text(SUPERPOD.read_text())
    kill_loop(writers, "save", out, whole_save(len(load_design(str(out)).nodes)), seed=7)


def test_killing_a_render_leaves_a_whole_picture(writers, tmp_path):
    out = tmp_path / "window.png"
    out.write_bytes(ONE_PIXEL_PNG)
    kill_loop(writers, "render", out, whole_render, seed=11)


def test_killing_a_report_leaves_a_whole_page(writers, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("old")
    kill_loop(writers, "report", out, whole_report, seed=13)
