"""The window as it would show a design, rendered to an image offscreen.

Used by ``cluster-workbench render`` and ``scripts/screenshots.py``. The
window gets throw-away settings (the default panel layout, never the
user's), fits the canvas to the design, waits for the estimates, and grabs
itself. Without ``panels`` the analysis panels are closed (the canvas and
estimates alone); with it every panel is in view, in two rows under the
canvas, each drawn from the finished analyses. ``heat`` turns on the
canvas heat overlay.
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
from workbench import panel_layout
from workbench.mainwindow import MainWindow
from workbench.theme import apply_theme

PANEL_ROWS_SHARE = 0.29       # of the window's height, each of the two rows of panels


def render_window(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                  theme: str = "light", panels: bool = False, heat: bool = False) -> QImage:
    """The main window showing ``design`` (opened from ``path``), ``size`` pixels large."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    apply_theme(app, theme)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "render.ini"), QSettings.Format.IniFormat)
        window = MainWindow(catalog, settings)
        window.document.load(design, path)
        window.resize(*size)
        if panels:
            panel_layout.all_in_view(window, window.analysis_docks,
                                     round(size[1] * PANEL_ROWS_SHARE))
        else:
            for dock in window.analysis_docks.values():
                dock.hide()
        window.actions.heat.setChecked(heat)
        window.show()
        app.processEvents()
        window.editor.fit()
        window.evaluator.evaluate_now()
        _settle(app, window)
        window.editor.fit()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        window.deleteLater()
        app.processEvents()
    return image


def _settle(app: QApplication, window: MainWindow) -> None:
    """Until the estimates and every panel show the newest answers."""
    while True:
        window.evaluator.wait()
        app.processEvents()
        window.panels.runner.wait()
        app.processEvents()
        if window.evaluator.is_idle() and window.panels.runner.is_idle():
            return


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's notes about what a real screen could do (raise,
    keyboard grabs, size hints); every other Qt message still reaches stderr."""
    qInstallMessageHandler(_filter_platform_notes)


def _filter_platform_notes(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if "This plugin does not support" not in message:
        sys.stderr.write(f"{message}\n")
