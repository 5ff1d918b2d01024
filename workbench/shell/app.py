"""Application start-up: the QApplication, the main window, the first design, crash recovery."""

from __future__ import annotations

import sys
from pathlib import Path

from engine.design import Design

DEFAULT_DESIGN = Path(__file__).parent / "resources" / "default.yaml"


def run_app(design: Design | None, path: Path | None) -> int:
    """Open the workbench on ``design`` read from ``path`` (or on the built-in starter design);
    returns the exit code."""
    import shiboken6
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication

    from engine.catalog import load_catalog
    from engine.layout import load_design
    from widgets.app_theme import apply_theme
    from workbench.document.app_settings import (
        APPLICATION,
        ORGANIZATION,
        AppSettings,
        user_settings,
    )
    from workbench.document.recovery import RecoveryStore
    from workbench.i18n.language import resolve, use_language
    from workbench.shell.main_window import MainWindow

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    settings = user_settings()
    apply_theme(app, AppSettings(settings).theme())
    use_language(resolve(AppSettings(settings).language()))
    catalog = load_catalog()
    data = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppLocalDataLocation))
    window = MainWindow(catalog, settings, RecoveryStore(data / "recovery"))
    if design is None:
        design, path = load_design(str(DEFAULT_DESIGN), catalog), None
    window.document.load(design, path)
    if path is not None:
        window.settings.add_recent(path)
    window.show()
    app.aboutToQuit.connect(window.shutdown)
    QTimer.singleShot(0, window.offer_recovery)
    code = app.exec()
    # The window's widgets go now, before the application, not in whatever order the
    # interpreter's teardown picks: pyqtgraph views destroyed after it segfault at exit.
    shiboken6.delete(window)
    return code
