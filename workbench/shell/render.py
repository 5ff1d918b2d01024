"""The window as it would show a design, rendered to an image offscreen.

Used by ``cluster-workbench render`` and ``scripts/screenshots.py``. The
window gets throw-away settings (the default panel layout, never the
user's), fits the canvas to the design, waits for the estimates (and the
panels and the comparison when they are shown), and grabs itself. Without
``panels`` the analysis panels are closed (the canvas and estimates alone);
with it every panel is in view, in two rows under the canvas, each drawn
from the finished analyses; with ``tabs`` the panels are in their default
tab groups, as a user first sees the window. ``heat`` turns on the canvas heat overlay;
``compare`` docks the comparison of the design's scenarios under the
canvas. ``language`` is the one the window speaks ("en" or "zh_CN"). The
presentation and a finished sweep are drawn the same way, for the
documentation. ``render_window_to`` draws the window and writes the picture
(encoded in memory, written whole) for the command line, which imports no widgets.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from engine.catalog import Catalog
from engine.design import Design
from widgets.image_file import write_image
from workbench.analysis import panel_layout
from workbench.canvas.offscreen import application, dispose
from workbench.i18n.language import ENGLISH, use_language
from workbench.shell.main_window import MainWindow

PANEL_ROWS_SHARE = 0.29       # of the window's height, each of the two rows of panels
SWEEP_TIMEOUT_S = 300.0
__all__ = ["opened_window", "render_presentation", "render_sweep", "render_window",
           "render_window_to"]


@contextmanager
def opened_window(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                  theme: str = "light", language: str = ENGLISH) -> Iterator[MainWindow]:
    """A main window on ``design`` with throw-away settings, not yet shown; closed after."""
    application(theme)
    use_language(language)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "render.ini"), QSettings.Format.IniFormat)
        window = MainWindow(catalog, settings)
        window.document.load(design, path)
        window.resize(*size)
        try:
            yield window
        finally:
            dispose(window)


def render_window(design: Design, path: Path | None, size: tuple[int, int], catalog: Catalog,
                  theme: str = "light", panels: bool = False, heat: bool = False,
                  compare: bool = False, tabs: bool = False,
                  language: str = ENGLISH) -> QImage:
    """The main window showing ``design`` (opened from ``path``), ``size`` pixels large;
    ``tabs``: the panels in their default tab groups, as the window first opens."""
    with opened_window(design, path, size, catalog, theme, language) as window:
        app = application()
        if panels:
            panel_layout.all_in_view(window, window.analysis_docks, window.panels.set.specs,
                                     round(size[1] * PANEL_ROWS_SHARE))
        elif not tabs:
            for dock in window.analysis_docks.values():
                dock.hide()
        window.actions.heat.setChecked(heat)
        window.show()
        if compare:
            window.show_comparison()
        app.processEvents()
        window.editor.fit()
        window.evaluator.evaluate_now()
        _settle(window)
        window.editor.fit()
        app.processEvents()
        return window.grab().toImage()


def render_window_to(out: str | os.PathLike[str], design: Design, path: Path | None,
                     size: tuple[int, int], catalog: Catalog,
                     **options: bool | str) -> tuple[int, int]:
    """:func:`render_window` (``options`` as it takes them) written to ``out``
    atomically, in the format its extension names; the picture's width and height."""
    image = render_window(design, path, size, catalog, **options)
    write_image(image, out)
    return image.width(), image.height()


def render_presentation(design: Design, path: Path | None, size: tuple[int, int],
                        catalog: Catalog, slide: int = 0) -> QImage:
    """The presentation of ``design``'s scenarios at ``size`` (not full screen: offscreen
    has no screen to fill), showing ``slide``."""
    with opened_window(design, path, size, catalog) as window:
        window.show()
        show = window.comparison.present()
        show.showNormal()
        show.resize(*size)
        show.show_slide(slide)
        window.evaluator.evaluate_now()
        _settle(window)
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


def _settle(window: MainWindow) -> None:
    """Until the estimates, every panel and the comparison show the newest answers."""
    app = application()
    while not window.is_idle():
        window.pipeline.wait()
        app.processEvents()


def _spin(done: Callable[[], bool]) -> None:
    """Process events until ``done`` (a sweep's points arrive as events)."""
    app = application()
    deadline = time.monotonic() + SWEEP_TIMEOUT_S
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
