"""The window as it would show a design, rendered to an image offscreen.

Used by ``cluster-workbench render`` and ``scripts/screenshots.py``. The
window gets throw-away settings (the default panel layout, never the
user's), fits the canvas to the design, waits for the estimates (and the
comparison, when it is shown), and grabs itself.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from engine.catalog import Catalog
from engine.design import Design
from workbench.mainwindow import MainWindow
from workbench.offscreen import application


def render_window(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                  theme: str = "light", compare: bool = False) -> QImage:
    """The main window showing ``design`` (opened from ``path``), ``size`` pixels large;
    with ``compare``, the comparison of its scenarios docked under the canvas."""
    app = application(theme)
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
        evaluators = [window.evaluator] + ([window.comparison.evaluator] if compare else [])
        for evaluator in evaluators:
            evaluator.evaluate_now()
            evaluator.wait()
        app.processEvents()
        image = window.grab().toImage()
        window.close()
        window.deleteLater()
        app.processEvents()
    return image
