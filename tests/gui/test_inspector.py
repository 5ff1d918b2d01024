"""The inspector edits the selection (or the design's settings), one undo step per field."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox

from engine.settings import is_settings_class, settings_of
from widgets.content.selection import Selection
from workbench.canvas.parts import template_payload


def type_into(qtbot, widget, text: str) -> None:
    """Replace the field's text the way a user does, then press Enter."""
    line = widget.lineEdit() if isinstance(widget, QSpinBox) else widget
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Enter)


def choose(widget: QComboBox, value) -> None:
    index = widget.findData(value)
    assert index >= 0, value
    widget.setCurrentIndex(index)
    widget.activated.emit(index)


def test_editing_replicas_of_a_box_is_one_undoable_step(window, qtbot):
    doc, inspector = window.document, window.inspector
    window.editor.binder.select(Selection(nodes=["dgx"]))
    assert inspector.heading() == "Server: DGX H100"
    type_into(qtbot, inspector.editor("replicas"), "16")
    assert doc.node("dgx").replicas == 16
    assert window.editor.binder.node_item("dgx").count_text() == "× 16"
    assert doc.undo_stack.undoText() == "Change replicas of DGX H100"
    doc.undo_stack.undo()
    assert doc.node("dgx").replicas == 4
    assert inspector.editor("replicas").value() == 4
    doc.undo_stack.redo()
    assert doc.node("dgx").replicas == 16


def test_link_type_offers_only_what_both_ends_take(window):
    window.editor.binder.select(Selection(links=["rails"]))
    types = window.inspector.editor("type")
    offered = [types.itemData(i) for i in range(types.count())]
    assert offered[0] == "ib-ndr"
    assert "nvlink4" not in offered
    choose(types, "ib-xdr")
    assert window.document.link("rails").type == "ib-xdr"


def test_catalog_overrides_are_set_and_cleared(window, qtbot):
    doc, inspector = window.document, window.inspector
    window.editor.binder.select(Selection(nodes=["dgx"]))
    field = inspector.editor("override.peak_tflops_bf16")
    assert isinstance(field, QLineEdit)
    assert field.placeholderText() == "catalog: 989"
    type_into(qtbot, field, "900")
    assert doc.node("dgx").override("peak_tflops_bf16") == 900.0
    type_into(qtbot, inspector.editor("override.peak_tflops_bf16"), "")
    assert doc.node("dgx").overrides == ()


def test_a_refused_edit_says_why_and_shows_the_documents_value(window, qtbot):
    editor, inspector = window.editor, window.inspector
    editor.add_part(template_payload("torus"), QPointF(600, 0))
    editor.binder.select(Selection(nodes=["tpu"]))
    type_into(qtbot, inspector.editor("replicas"), "100")
    assert window.document.node("tpu").replicas == 64
    assert "torus 4x4x4 does not fit" in inspector.error()
    assert inspector.editor("replicas").value() == 64


def test_with_nothing_selected_every_setting_is_editable(window, qtbot):
    from engine.design import CostSettings, Parallelism, TrainingOptions, Workload
    doc, inspector = window.document, window.inspector
    window.editor.scene.clearSelection()
    keys = set(inspector.keys())
    for prefix, cls in (("workload", Workload), ("workload.parallelism", Parallelism),
                        ("workload.options", TrainingOptions), ("cost", CostSettings)):
        assert {f"{prefix}.{s.name}" for s in settings_of(cls)
                if not is_settings_class(s.kind)} <= keys
    type_into(qtbot, inspector.editor("workload.global_batch"), "512")
    type_into(qtbot, inspector.editor("workload.parallelism.tp"), "8")
    choose(inspector.editor("cost.currency"), "CNY")
    assert doc.design.workload.global_batch == 512
    assert doc.design.workload.parallelism.tp == 8
    assert doc.design.cost.currency == "CNY"
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.design.cost.currency == "USD"


def test_a_new_form_replaces_the_old_one_on_screen(window):
    inspector = window.inspector
    old = inspector.editor("design.name")
    window.editor.binder.select(Selection(nodes=["dgx"]))
    assert not old.isVisible()
    assert inspector.editor("replicas").isVisible()


def test_a_twenty_box_move_rebuilds_the_inspector_once(window, monkeypatch):
    from engine.design import Design, Node
    from workbench.document.commands import MoveNodesCommand, add_fragment
    doc = window.document
    boxes = Design(nodes=tuple(Node(f"spare-{i}", "accelerator", "h100-sxm",
                                    position=(40.0 * i, 600.0)) for i in range(20)))
    doc.push(lambda d: add_fragment(d, boxes, "Add 20 spares"))
    window.editor.binder.select(Selection(nodes=[n.id for n in boxes.nodes]))
    shown = []
    monkeypatch.setattr(window.inspector, "show_sections", lambda *a: shown.append(a))
    steps = doc.undo_stack.count()
    doc.push(lambda d: MoveNodesCommand(d, {n.id: (n.position, (n.position[0], 700.0))
                                            for n in boxes.nodes}))
    assert len(shown) == 1
    assert doc.undo_stack.count() == steps + 1
    assert window.editor.binder.node_item("spare-19").pos().y() == 700.0
