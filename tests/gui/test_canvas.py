"""The canvas follows the document, and gestures on it become single undo steps."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QPointF, Qt

from engine.design import Group, Node
from tests.gui.canvas_input import click, drag
from widgets.canvas.node_item import BOX_HEIGHT
from workbench.document.commands import (
    InsertCommand,
    SettingsCommand,
    delete_items,
    group_items,
    set_collapsed,
)


def test_items_follow_the_document_through_undo(editor):
    doc, binder = editor.document, editor.binder
    assert binder.node_item("dgx").pos() == QPointF(0, 220)
    assert binder.node_item("dgx").count_text() == "× 4"
    doc.push(lambda d: InsertCommand(d, Node("gpu", "accelerator", "h100-sxm", "Spare",
                                             position=(300.0, 0.0))))
    assert binder.node_item("gpu").title() == "Spare"
    doc.undo_stack.undo()
    assert binder.item_count() == 3


def test_the_how_to_start_placeholder_shows_only_on_an_empty_design(editor):
    doc, view = editor.document, editor.view
    assert not view.shows_placeholder()
    doc.push(lambda d: delete_items(d, [n.id for n in d.design.nodes]))
    assert view.shows_placeholder()
    doc.undo_stack.undo()
    assert not view.shows_placeholder()


def test_link_labels_hide_when_zoomed_out_and_a_selected_link_has_a_halo(editor):
    link = editor.binder.link_item(editor.document.design.links[0].id)
    editor.view.reset_zoom()
    assert link.label_shown()
    editor.view.zoom_by(0.3)
    assert not link.label_shown()
    editor.view.reset_zoom()
    assert link.label_shown()
    assert not link.halo_shown()
    link.setSelected(True)
    assert link.halo_shown()


def test_dragging_a_box_moves_it_in_one_undo_step_on_the_grid(editor):
    doc = editor.document
    drag(editor.view, QPointF(0, 220), QPointF(133, 297))
    assert doc.node("dgx").position == (140.0, 300.0)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert editor.binder.node_item("dgx").pos() == QPointF(0, 220)


def test_dragging_from_a_handle_to_another_box_offers_the_compatible_link_types(editor):
    doc = editor.document
    doc.push(lambda d: InsertCommand(d, Node("spine", "switch", "qm9700", "Spine",
                                             accelerators=0, position=(0.0, -260.0))))
    editor.fit()
    handle = QPointF(0, -BOX_HEIGHT / 2)            # top edge of the rail leaf
    drag(editor.view, handle, QPointF(0, -260))
    menu = editor.link_menu
    assert menu is not None
    assert menu.defaultAction().text() == "InfiniBand NDR 400 Gb/s  (ib-ndr)"
    assert all("infiniband" in a.toolTip() for a in menu.actions())
    menu.defaultAction().trigger()
    link = doc.design.links[-1]
    assert (link.source, link.target, link.type) == ("leaf", "spine", "ib-ndr")
    assert editor.binder.link_item(link.id).label_text() == "ib-ndr"
    doc.undo_stack.undo()
    assert len(doc.design.links) == 1
    doc.undo_stack.redo()
    assert doc.design.links[-1] == link


def test_a_rubber_band_selects_what_it_touches(editor):
    drag(editor.view, QPointF(-300, 150), QPointF(300, 300))
    assert editor.binder.selection().nodes == ["dgx"]
    click(editor.view, QPointF(0, 0))
    assert editor.binder.selection().nodes == ["leaf"]


def test_delete_copy_and_paste(editor, qtbot):
    doc = editor.document
    click(editor.view, QPointF(0, 220))
    assert editor.copy_selection()
    editor.paste()
    assert [n.id for n in doc.design.nodes] == ["dgx", "leaf", "dgx-2"]
    assert editor.binder.selection().nodes == ["dgx-2"]
    editor.delete_selection()
    assert [n.id for n in doc.design.nodes] == ["dgx", "leaf"]
    editor.select_all()
    editor.delete_selection()
    assert doc.design.nodes == ()
    doc.undo_stack.undo()
    assert [lk.id for lk in doc.design.links] == ["rails"]


def test_links_into_a_collapsed_group_end_on_its_box(editor):
    doc, binder = editor.document, editor.binder
    doc.push(lambda d: group_items(d, Group("pod", "Pod", 4), ["dgx"]))
    frame = binder.group_item("pod").scene_frame()
    assert frame.contains(binder.node_item("dgx").scene_body_rect())
    assert binder.node_item("dgx").count_text() == "× 16"
    doc.push(lambda d: set_collapsed(d, "pod", True))
    assert not binder.node_item("dgx").isVisible()
    box = binder.group_item("pod").scene_frame()
    end = binder.link_item("rails").path().pointAtPercent(0.0)
    assert abs(end.y() - box.top()) < 1 or abs(end.y() - box.bottom()) < 1


def test_arrow_keys_nudge_in_one_merged_step(editor, qtbot):
    doc = editor.document
    click(editor.view, QPointF(0, 220))
    editor.view.setFocus()
    for _ in range(3):
        qtbot.keyClick(editor.view, Qt.Key.Key_Right)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert doc.node("dgx").position == (60.0, 221.0)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.node("dgx").position == (0.0, 220.0)


def test_box_figures_follow_the_workload_precision(editor):
    doc = editor.document
    doc.push(lambda d: InsertCommand(d, Node("gpu", "accelerator", "h100-sxm", "H100 SXM5 80GB",
                                             position=(400.0, 0.0))))
    assert editor.binder.node_item("gpu").lines()[0] == "989 TFLOP/s · 80 GB"
    fp8 = dataclasses.replace(doc.design.workload, precision="fp8")
    doc.push(lambda d: SettingsCommand(d, "workload", fp8))
    assert editor.binder.node_item("gpu").lines()[0] == "1,979 TFLOP/s · 80 GB"
