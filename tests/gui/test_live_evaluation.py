"""Estimates follow the document off the UI thread, and an old design's answer never
replaces a newer one."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication

from engine.evaluate import evaluate
from engine.inventory import INVENTORY
from workbench.analysis.live_evaluation import LiveEvaluator
from workbench.analysis.live_stages import live_stages
from workbench.analysis.pipeline import AnalysisPipeline
from workbench.document.commands import delete_items
from workbench.document.document import Document


def follow(document: Document, run=evaluate) -> tuple[LiveEvaluator, AnalysisPipeline, list]:
    """A live evaluator on the window's stages (``run`` evaluates), and the evaluations
    shown, in order."""
    pipeline = AnalysisPipeline(live_stages(run))
    pipeline.set_enabled("comparison", False)           # as in a window with it hidden
    evaluator = LiveEvaluator(document, pipeline)
    shown = []
    pipeline.lane("evaluation").answered.connect(shown.append)
    return evaluator, pipeline, shown


def test_an_older_result_never_replaces_a_newer_one(qtbot, catalog, starter):
    old_started, release_old, old_done = threading.Event(), threading.Event(), threading.Event()

    def run(design, catalog):
        """The real engine, holding back the design as it was before the edit."""
        if len(design.nodes) == 2:
            old_started.set()
            release_old.wait(30)
            try:
                return evaluate(design, catalog)
            finally:
                old_done.set()
        return evaluate(design, catalog)

    doc = Document(catalog, starter)
    evaluator, pipeline, shown = follow(doc, run)
    evaluator.evaluate_now()                               # slow: still running ...
    qtbot.waitUntil(old_started.is_set)       # (a request still queued would be skipped)
    doc.push(lambda d: delete_items(d, node_ids=["dgx"]))  # ... when this is evaluated
    qtbot.waitUntil(lambda: bool(shown))
    release_old.set()
    qtbot.waitUntil(old_done.is_set)
    pipeline.wait()
    QApplication.processEvents()
    assert [done.value.require(INVENTORY).accelerators for done in shown] == [0]
    assert evaluator.latest is shown[0]


def test_one_edit_is_evaluated_at_once_and_a_burst_once_more_when_it_pauses(qtbot, catalog,
                                                                             starter):
    doc = Document(catalog, starter)
    evaluator, pipeline, shown = follow(doc)
    with qtbot.waitSignal(pipeline.lane("evaluation").answered, timeout=5000):
        doc.push(lambda d: delete_items(d, link_ids=["rails"]))
    assert shown[-1].value.require(INVENTORY).links_by_type == {}
    for node in ("dgx", "leaf"):                  # a burst, faster than the quiet period
        doc.push(lambda d, n=node: delete_items(d, node_ids=[n]))
    qtbot.waitUntil(lambda: shown[-1].value.require(INVENTORY).switches == 0, timeout=5000)
    assert evaluator.latest is shown[-1]
    assert len(shown) <= 3


def test_undo_is_answered_at_once_from_what_was_computed(qtbot, catalog, starter):
    """Designs are values: the design an undo restores was evaluated before."""
    doc = Document(catalog, starter)
    evaluator, pipeline, shown = follow(doc)
    with qtbot.waitSignal(pipeline.lane("evaluation").answered, timeout=5000):
        evaluator.evaluate_now()
    with qtbot.waitSignal(pipeline.lane("evaluation").answered, timeout=5000):
        doc.push(lambda d: delete_items(d, link_ids=["rails"]))
    doc.undo_stack.undo()
    evaluator.evaluate_now()                         # answered before it returns
    assert shown[-1].value is shown[0].value
    assert shown[-1].inputs.request.design is doc.design
    pipeline.wait()
