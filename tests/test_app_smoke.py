"""`make run` opens the window: started offscreen in a subprocess, it quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

START_AND_QUIT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
QTimer.singleShot(1500, app.quit)
from workbench.cli import main
sys.exit(main([]))
"""


def test_the_app_starts_on_the_default_design_and_exits_cleanly():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", START_AND_QUIT], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


VOID_CALLS = """
from PySide6.QtWidgets import QApplication, QGraphicsRectItem
app = QApplication([])
item = QGraphicsRectItem(0, 0, 10, 10)
for i in range(10_000):
    item.setPos(i, i)
print("ok")
"""


def test_ten_thousand_void_calls_do_not_abort_python():
    """PySide6 6.12.0 aborts Python 3.11 after ~1000 such calls (design.md pitfalls)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", VOID_CALLS], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
