"""``cluster-workbench render``: the window as a picture of the requested size, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.conftest import ROOT

CLI = [sys.executable, "-m", "workbench.cli"]
STARTER = ROOT / "workbench" / "resources" / "default.yaml"


def test_render_writes_a_png_of_the_requested_size(tmp_path):
    out = tmp_path / "window.png"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run([*CLI, "render", str(STARTER), "-o", str(out), "--size", "900x640"],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 640)
    assert len({image.pixel(x, y) for x in range(0, 900, 30) for y in range(0, 640, 30)}) > 10


def test_render_of_a_bad_file_is_one_line_and_no_picture(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: cluster-workbench/1\nnodes:\n  - {id: a, kind: server, "
                   "accelerator: h900}\n")
    out = tmp_path / "x.png"
    result = subprocess.run([*CLI, "render", str(bad), "-o", str(out)], capture_output=True,
                            text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:3: nodes[0].accelerator: unknown accelerator")
    assert result.stderr.count("\n") == 1
    assert not out.exists()
