"""The window as it would show a design, rendered to an image offscreen.

Used by ``cluster-workbench render`` and ``scripts/screenshots.py``. The
window gets throw-away settings (the default panel layout, never the
user's), fits the canvas to the design, waits for the estimates, and grabs
itself.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from engine.catalog import Catalog
from engine.design import Design
from workbench.mainwindow import MainWindow
from workbench.theme import apply_theme


def render_window(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                  theme: str = "light", compare: bool = False) -> QImage:
    """The main window showing ``design`` (opened from ``path``), ``size`` pixels large;
    with ``compare``, the comparison of its scenarios docked under the canvas."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    apply_theme(app, theme)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "render.ini"), QSettings.Format.IniFormat)
        window = MainWindow(catalog, settings)
        window.document.load(design, path)
        window.resize(*size)
        window.show()
        if compare:
            window.show_comparison()
        app.processEvents()
        window.editor.fit()
        for evaluator in (window.evaluator, window.comparison.evaluator):
            evaluator.evaluate_now()
            evaluator.wait()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        window.deleteLater()
        app.processEvents()
    return image


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's notes about what a real screen could do (raise,
    keyboard grabs, size hints); every other Qt message still reaches stderr."""
    qInstallMessageHandler(_filter_platform_notes)


def _filter_platform_notes(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if "This plugin does not support" not in message:
        sys.stderr.write(f"{message}\n")
