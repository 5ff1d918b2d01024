"""Peak memory of the whole app with the largest example open, estimates shown.

Runs ``cluster-workbench open`` in a child process (offscreen, its own
settings folder), lets it evaluate for a few seconds, quits it, and reads
the child's peak resident set size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.timing import report

LARGEST = Path(__file__).resolve().parent.parent / "examples" / "llama3-16k-h100-roce.yaml"
CHILD = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
QTimer.singleShot(4000, app.quit)
from workbench.cli import main
code = main(["open", sys.argv[1]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
sys.exit(code)
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=home,
                   XDG_DATA_HOME=home, XDG_CACHE_HOME=home, HOME=home)
        out = subprocess.run([sys.executable, "-c", CHILD, str(LARGEST)], env=env,
                             capture_output=True, text=True, check=True)
    peak_kib = int(out.stdout.strip().splitlines()[-1])
    report("peak memory, app with the 16,384-GPU example open", peak_kib / 1024, "MB",
           "< 400 MB")
