"""Offscreen rendering: any view drawn to an image, never on screen.

Used by the reports (a design's canvas through :mod:`workbench.canvas.picture`),
``cluster-workbench render`` (through :mod:`workbench.shell.render`) and
``scripts/screenshots.py``. Views rendered for a report are never put on
the user's screen (``WA_DontShowOnScreen``), so exporting from the running
app does not flash windows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from widgets.app_theme import apply_theme


def application(theme: str | None = None) -> QApplication:
    """The running QApplication (one is made if there is none), in ``theme`` if given."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([])
    if theme is not None:
        apply_theme(app, theme)
    return app


def light_palette() -> QPalette:
    """The light theme's colours, whatever the app shows (reports are printed on white)."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def grab_offscreen(widget: QWidget, size: tuple[int, int],
                   before: Callable[[], None] | None = None,
                   part: QWidget | None = None) -> QImage:
    """``widget`` laid out at ``size`` and drawn (or only its child ``part``), without
    appearing on screen; ``before`` runs once it is laid out."""
    app = application()
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(*size)
    widget.show()
    app.processEvents()
    if before is not None:
        before()
        app.processEvents()
    image = (part or widget).grab().toImage()
    dispose(widget)
    return image


def dispose(widget: QWidget) -> None:
    """Close and delete ``widget`` now. Offscreen work has no event loop to run a
    ``deleteLater``, and pyqtgraph views left for the interpreter's teardown segfault."""
    widget.close()
    shiboken6.delete(widget)


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen platform's notes about what a real screen could do (raise,
    keyboard grabs, size hints); every other Qt message still reaches stderr."""
    qInstallMessageHandler(_filter_platform_notes)


def _filter_platform_notes(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if "This plugin does not support" not in message:
        sys.stderr.write(f"{message}\n")
