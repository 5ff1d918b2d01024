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
    from workbench.app import DEFAULT_DESIGN
    return load_design(str(DEFAULT_DESIGN), catalog)


@pytest.fixture
def editor(qtbot, qapp, catalog, starter):
    from widgets.canvas.theme import CanvasTheme
    from workbench.canvas_editor import CanvasEditor
    from workbench.document import Document
    doc = Document(catalog, starter)
    editor = CanvasEditor(doc, CanvasTheme.from_palette(qapp.palette()))
    qtbot.addWidget(editor.view)
    editor.view.resize(1000, 700)
    editor.view.show()
    qtbot.waitExposed(editor.view)
    editor.fit()
    return editor

