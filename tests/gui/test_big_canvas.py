"""A design of a thousand distinct boxes opens, renders and stays live on the canvas.

Work is counted, not timed (``tests/work.py``): loading the design into the canvas,
moving a box, changing a count and colouring every link by load, for a generated fat
tree and one twice its size. The scene's own index is Qt's: its bulk changes are
checked by what the scene reports.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QGraphicsScene

from benchmarks.big_design import big_design
from tests.work import lines_run
from widgets.canvas.scene import CanvasScene
from widgets.canvas.theme import CanvasTheme
from workbench.canvas.binder import Heat
from workbench.canvas.editor import CanvasEditor
from workbench.document.commands import ReplaceCommand
from workbench.document.document import Document

GROWTH = 2.5
INDEX = QGraphicsScene.ItemIndexMethod


def _canvas_work(qapp, catalog, nodes: int) -> int:
    """Lines run to load the design into a canvas, then edit and recolour it."""
    design = big_design(nodes)
    doc = Document(catalog)
    editor = CanvasEditor(doc, CanvasTheme.from_palette(qapp.palette()))
    server = next(n for n in design.nodes if n.kind == "server")
    moved = dataclasses.replace(server, position=(server.position[0] + 40, 0.0))
    fewer = dataclasses.replace(moved, accelerators=4)
    loads = {link.id: 0.5 for link in design.links}

    def work() -> None:
        doc.load(design, None)
        doc.push(lambda d: ReplaceCommand(d, d.node(server.id), moved))
        doc.push(lambda d: ReplaceCommand(d, d.node(server.id), fewer))
        editor.binder.show_heat(Heat(loads, "all-reduce"))
    count = lines_run(work)
    assert editor.binder.item_count() == len(design.nodes) + len(design.links)
    doc.undo_stack.setClean()
    editor.detach()
    return count


def test_canvas_work_grows_with_the_design(qapp, catalog):
    small, large = (_canvas_work(qapp, catalog, n) for n in (250, 500))
    assert large < GROWTH * small, (small, large)


def test_bulk_changes_drop_the_index_and_restore_it_once(qapp):
    scene = CanvasScene(CanvasTheme.from_palette(qapp.palette()))
    assert scene.itemIndexMethod() == INDEX.BspTreeIndex
    with scene.bulk_change():
        assert scene.itemIndexMethod() == INDEX.NoIndex
        with scene.bulk_change():
            pass
        assert scene.itemIndexMethod() == INDEX.NoIndex      # the outer change goes on
    assert scene.itemIndexMethod() == INDEX.BspTreeIndex


def test_a_thousand_boxes_open_in_the_window_and_render(qapp, catalog, tmp_path):
    from workbench.shell.render import render_window
    design = big_design(1000)
    image = render_window(design, None, (1200, 800), catalog)
    assert (image.width(), image.height()) == (1200, 800)
    colours = {image.pixel(x, y) for x in range(0, 1200, 25) for y in range(0, 800, 25)}
    assert len(colours) > 10                   # boxes, links and panels, not a blank window
