"""A canvas editor on the built-in starter design, shown offscreen."""

from __future__ import annotations

import pytest


@pytest.fixture
def catalog():
    from engine.catalog import load_catalog
    return load_catalog()


@pytest.fixture
def starter(catalog):
    from engine.layout import load_design
    from workbench.shell.app import DEFAULT_DESIGN
    return load_design(str(DEFAULT_DESIGN), catalog)


@pytest.fixture
def editor(qtbot, qapp, catalog, starter):
    from widgets.canvas.theme import CanvasTheme
    from workbench.canvas.editor import CanvasEditor
    from workbench.document.document import Document
    doc = Document(catalog, starter)
    editor = CanvasEditor(doc, CanvasTheme.from_palette(qapp.palette()))
    qtbot.addWidget(editor.view)
    editor.view.resize(1000, 700)
    editor.view.show()
    qtbot.waitExposed(editor.view)
    editor.fit()
    return editor



@pytest.fixture
def settings_file(tmp_path):
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, catalog, settings_file, tmp_path):
    """Main windows with throw-away settings and recovery folder, closed without prompts."""
    from PySide6.QtCore import QSettings

    from workbench.document.recovery import RecoveryStore
    from workbench.shell.main_window import MainWindow
    windows = []

    def make(design=None):
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        window = MainWindow(catalog, settings, RecoveryStore(tmp_path / "recovery"))
        if design is not None:
            window.document.load(design, None)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.pipeline.wait()
        window.document.undo_stack.setClean()
        window.close()


@pytest.fixture
def window(make_window, starter):
    return make_window(starter)


@pytest.fixture
def open_what_if(make_window):
    """Windows on the what-if example (three scenarios). The panels' scenario overlays are
    off unless asked for: they cost a scaling curve per scenario, and most tests look
    elsewhere."""
    from tests.conftest import ROOT

    def open_(overlay: bool = False):
        window = make_window()
        window.scenario_actions.overlay.setChecked(overlay)
        assert window.open_path(ROOT / "examples" / "what-if-a800-h800-h20.yaml")
        return window
    return open_
