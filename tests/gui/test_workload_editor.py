"""The inspector adds, edits and removes a serving workload (and leaves training out), one
undo step each, checked by the rule set; the tiles and the serving panel follow."""

from __future__ import annotations

from engine.layout import load_design
from engine.serving import ServingWorkload
from engine.serving.section import SERVING_SETTINGS
from tests.gui.test_inspector import choose, type_into


def tick(inspector, key: str, on: bool) -> None:
    inspector.editor(key).setChecked(on)


def test_a_serving_workload_is_added_edited_and_undone(window, qtbot):
    doc, inspector = window.document, window.inspector
    window.editor.scene.clearSelection()
    assert inspector.editor("asks.workload").isChecked()
    assert not inspector.editor("asks.serving").isChecked()
    assert "serving.model" not in list(inspector.keys())

    tick(inspector, "asks.serving", True)
    assert SERVING_SETTINGS.present(doc.design)
    assert SERVING_SETTINGS.of(doc.design) == ServingWorkload()
    assert doc.undo_stack.undoText() == "Add serving"
    assert {"serving.model", "serving.input_tokens", "serving.ttft_ms",
            "serving.parallelism.tp", "serving.options.batching"} <= set(inspector.keys())
    qtbot.waitUntil(lambda: "Output tokens/s" in window.summary.tile_values(), timeout=30000)
    qtbot.waitUntil(lambda: "this design" in window.panels["serving"].series_names(),
                    timeout=30000)

    type_into(qtbot, inspector.editor("serving.input_tokens"), "4096")
    choose(inspector.editor("serving.precision"), "fp8")
    assert SERVING_SETTINGS.of(doc.design).input_tokens == 4096
    assert SERVING_SETTINGS.of(doc.design).precision == "fp8"
    assert doc.undo_stack.undoText() == "Change precision"

    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert SERVING_SETTINGS.of(doc.design) == ServingWorkload()
    assert inspector.editor("serving.input_tokens").value() == 1024
    doc.undo_stack.undo()
    assert not SERVING_SETTINGS.present(doc.design)
    assert "serving.model" not in list(inspector.keys())
    assert not inspector.editor("asks.serving").isChecked()
    qtbot.waitUntil(lambda: "Output tokens/s" not in window.summary.tile_values(),
                    timeout=30000)
    doc.undo_stack.redo()
    assert SERVING_SETTINGS.present(doc.design)


def test_a_design_may_only_serve_but_must_ask_for_something(window, qtbot, tmp_path):
    doc, inspector = window.document, window.inspector
    window.editor.scene.clearSelection()
    tick(inspector, "asks.serving", True)
    tick(inspector, "asks.workload", False)
    assert not doc.design.trains
    assert "workload.model" not in list(inspector.keys())
    assert doc.undo_stack.undoText() == "Remove training"

    steps = doc.undo_stack.count()
    tick(inspector, "asks.serving", False)
    assert doc.undo_stack.count() == steps
    assert SERVING_SETTINGS.present(doc.design)
    assert "asks for nothing" in inspector.error()
    assert inspector.editor("asks.serving").isChecked()

    path = tmp_path / "serves.yaml"
    assert window.files.save_to(path)
    assert load_design(str(path), doc.catalog) == doc.design
    qtbot.waitUntil(lambda: window.panels["breakdown"].message() == "no training workload",
                    timeout=30000)
