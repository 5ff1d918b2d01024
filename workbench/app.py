"""Application start-up: the QApplication, the main window, the first document."""

from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_DESIGN = Path(__file__).parent / "resources" / "default.yaml"


def run_app(path: str | None) -> int:
    """Open the workbench on ``path`` (or the built-in default design); returns the exit code."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from engine.layout import load_design

    app = QApplication.instance() or QApplication(sys.argv[:1])
    design = load_design(path or str(DEFAULT_DESIGN))
    window = QMainWindow()
    window.setWindowTitle(f"{Path(path).name if path else 'Untitled'} - Cluster Workbench")
    window.setCentralWidget(QLabel(design.name))
    window.resize(1280, 800)
    window.show()
    return app.exec()
