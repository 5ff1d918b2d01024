"""The window's commands: ``render`` draws it offscreen at the requested size; ``open`` and
``render`` refuse a bad file the way every command does, before any window exists."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.conftest import ROOT

CLI = [sys.executable, "-m", "workbench.cli"]
STARTER = ROOT / "workbench" / "shell" / "resources" / "default.yaml"


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


def test_open_of_a_bad_file_is_one_line_before_any_window(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: cluster-workbench/1\nnodes:\n  - {id: a, kind: switch, "
                   "switch: qm9700, replicas: 0}\n")
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["QT_QPA_PLATFORM"] = "no-such-platform"      # a window would abort the run
    result = subprocess.run([*CLI, "open", str(bad)], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:3: nodes[0].replicas:")
    assert result.stderr.count("\n") == 1
