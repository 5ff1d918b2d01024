"""A design's canvas as a picture, drawn offscreen as the window draws it (for reports).

Only the scene and its binder: nothing is edited, so no editor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette

from engine.catalog import Catalog
from engine.design import Design
from widgets.canvas.scene import CanvasScene
from widgets.canvas.theme import CanvasTheme
from widgets.canvas.view import CanvasView
from workbench.canvas.binder import CanvasBinder
from workbench.canvas.offscreen import application, grab_offscreen
from workbench.document.document import Document


def render_canvas(design: Design, catalog: Catalog, size: tuple[int, int],
                  palette: QPalette | None = None) -> QImage:
    """The canvas alone, fitted to ``design``, as the window draws it in ``palette``'s
    colours (default: the app's): the scene and its binder, no editor (nothing is edited)."""
    app = application()
    scene = CanvasScene(CanvasTheme.from_palette(palette or app.palette()))
    view = CanvasView(scene)
    binder = CanvasBinder(Document(catalog, design), scene)
    view.zoom_changed.connect(scene.set_zoom)       # labels shown at the fitted zoom
    scene.set_zoom(view.zoom())
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return grab_offscreen(view, size, before=lambda: view.fit(binder.nodes_rect()))
