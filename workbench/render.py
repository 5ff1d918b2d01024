"""The window as it would show a design, rendered to an image offscreen.

Used by ``cluster-workbench render`` and ``scripts/screenshots.py``. The
window gets throw-away settings (the default panel layout, never the
user's), fits the canvas to the design, waits for the estimates (and the
comparison, when it is shown), and grabs itself. The presentation and a
finished sweep are drawn the same way, for the documentation.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from engine.catalog import Catalog
from engine.design import Design
from workbench.mainwindow import MainWindow
from workbench.offscreen import application

SWEEP_TIMEOUT_S = 300.0


@contextmanager
def opened_window(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                  theme: str = "light") -> Iterator[MainWindow]:
    """A main window on ``design`` with throw-away settings, shown offscreen, closed after."""
    app = application(theme)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "render.ini"), QSettings.Format.IniFormat)
        window = MainWindow(catalog, settings)
        window.document.load(design, path)
        window.resize(*size)
        window.show()
        try:
            yield window
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()


def render_window(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                  theme: str = "light", compare: bool = False) -> QImage:
    """The main window showing ``design`` (opened from ``path``), ``size`` pixels large;
    with ``compare``, the comparison of its scenarios docked under the canvas."""
    with opened_window(design, path, size, catalog, theme) as window:
        app = application()
        if compare:
            window.show_comparison()
        app.processEvents()
        window.editor.fit()
        evaluators = [window.evaluator] + ([window.comparison.evaluator] if compare else [])
        for evaluator in evaluators:
            evaluator.evaluate_now()
            evaluator.wait()
        app.processEvents()
        return window.grab().toImage()


def render_presentation(design: Design, path: Path | None, size: tuple[int, int],
                        catalog: Catalog, slide: int = 0) -> QImage:
    """The presentation of ``design``'s scenarios at ``size`` (not full screen: offscreen
    has no screen to fill), showing ``slide``."""
    with opened_window(design, path, size, catalog) as window:
        show = window.comparison.present()
        show.showNormal()
        show.resize(*size)
        show.show_slide(slide)
        window.comparison.evaluator.evaluate_now()
        window.comparison.evaluator.wait()
        application().processEvents()
        image = show.grab().toImage()
        show.close()
        return image


def render_sweep(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                 key: str, start: float, stop: float, steps: int, log: bool) -> QImage:
    """The sweep window after sweeping ``key`` of ``design``'s base scenario."""
    with opened_window(design, path, size, catalog) as window:
        sweep = window.show_sweep()
        sweep.resize(*size)
        panel = sweep.panel
        panel.setting.setCurrentIndex(panel.setting.findData(key))
        panel.set_range(start, stop, log)
        panel.steps.setValue(steps)
        sweep.run(key, start, stop, steps, log)
        _spin(lambda: not sweep.runner.is_running())
        image = sweep.grab().toImage()
        sweep.close()
        return image


def _spin(done: Callable[[], bool]) -> None:
    """Process events until ``done`` (a sweep's points arrive as events)."""
    app = application()
    deadline = time.monotonic() + SWEEP_TIMEOUT_S
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
