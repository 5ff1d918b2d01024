"""The palette: search, and dragging entries onto the canvas as single undo steps."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from tests.gui.canvas_input import drop


def drop_entry(window, title: str, at: QPointF) -> None:
    """Drag a palette entry and drop it on the canvas at scene position ``at``."""
    palette = window.palette_panel
    index = palette.index_of(title)
    assert index.isValid(), title
    assert drop(window.editor.view, palette.tree.model().mimeData([index]), at)


def test_search_filters_by_name_vendor_and_alias(window):
    palette = window.palette_panel
    palette.search.setText("h800")
    shown = palette.visible_entries()
    assert "HGX H800 8-GPU server" in shown
    assert "H800 SXM 80GB" in shown
    assert "DGX H100" not in shown
    palette.search.setText("infiniband")
    assert "Quantum-2 QM9700" in palette.visible_entries()


def test_dropping_a_server_adds_one_box_where_it_lands_in_one_undo_step(window):
    doc = window.document
    drop_entry(window, "DGX H100", QPointF(407, 213))
    node = doc.design.nodes[-1]
    assert (node.kind, node.hardware, node.accelerators) == ("server", "h100-sxm", 8)
    assert node.position == (400.0, 220.0)                  # snapped to the grid
    assert window.editor.binder.node_item(node.id).title() == "DGX H100"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert [n.id for n in doc.design.nodes] == ["dgx", "leaf"]
    doc.undo_stack.redo()
    assert doc.design.nodes[-1] == node


def test_dropping_a_template_adds_a_whole_block_in_one_step(window):
    doc = window.document
    drop_entry(window, "Two-tier fat-tree", QPointF(800, 0))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Drop Two-tier fat-tree"
    assert [g.name for g in doc.design.groups] == ["Two-tier fat-tree"]
    assert {n.name for n in doc.design.nodes} >= {"Spine", "Leaf"}
    assert len(doc.design.links) == 3
    doc.undo_stack.undo()
    assert doc.design.groups == ()


def test_activating_an_entry_adds_it_in_the_middle_of_the_view(window, qtbot):
    palette = window.palette_panel
    palette.search.setText("QM9700")
    index = palette.index_of("Quantum-2 QM9700")
    palette.tree.setCurrentIndex(index)
    palette.tree.activated.emit(index)
    assert window.document.design.nodes[-1].hardware == "qm9700"
