"""Estimates run off the UI thread, and an old design's answer never replaces a newer one."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication

from engine.evaluate import evaluate
from engine.inventory import INVENTORY
from workbench.analysis.background import NewestWins
from workbench.analysis.live_evaluation import LiveEvaluator
from workbench.document.commands import delete_items
from workbench.document.document import Document


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
    evaluator = LiveEvaluator(doc, run)
    shown = []
    evaluator.evaluated.connect(shown.append)
    evaluator.evaluate_now()                               # slow: still running ...
    qtbot.waitUntil(old_started.is_set)       # (a request still queued would be skipped)
    doc.push(lambda d: delete_items(d, node_ids=["dgx"]))  # ... when this is evaluated
    qtbot.waitUntil(lambda: bool(shown))
    release_old.set()
    qtbot.waitUntil(old_done.is_set)
    evaluator.wait()
    QApplication.processEvents()
    assert [r.evaluation.require(INVENTORY).accelerators for r in shown] == [0]
    assert evaluator.latest is shown[0]


def test_one_edit_is_evaluated_at_once_and_a_burst_once_more_when_it_pauses(qtbot, catalog,
                                                                             starter):
    doc = Document(catalog, starter)
    evaluator = LiveEvaluator(doc)
    shown = []
    evaluator.evaluated.connect(shown.append)
    with qtbot.waitSignal(evaluator.evaluated, timeout=5000):
        doc.push(lambda d: delete_items(d, link_ids=["rails"]))
    assert shown[-1].evaluation.require(INVENTORY).links_by_type == {}
    for node in ("dgx", "leaf"):                  # a burst, faster than the quiet period
        doc.push(lambda d, n=node: delete_items(d, node_ids=[n]))
    qtbot.waitUntil(lambda: shown[-1].evaluation.require(INVENTORY).switches == 0, timeout=5000)
    assert evaluator.latest is shown[-1]
    assert len(shown) <= 3


def test_a_request_superseded_before_it_starts_is_skipped(qtbot):
    """With every thread busy, of two queued requests only the newer runs."""
    started, gate, ran = threading.Event(), threading.Event(), []
    lane = NewestWins(threads=1)
    shown = []
    lane.finished.connect(shown.append)

    def job(name):
        if name == "blocker":
            started.set()
            gate.wait(30)
        ran.append(name)
        return name

    lane.submit(job, ("blocker",), lambda exc: None)
    qtbot.waitUntil(started.is_set)
    for name in ("stale", "fresh"):
        lane.submit(job, (name,), lambda exc: None)
    gate.set()
    qtbot.waitUntil(lane.is_current)
    lane.wait()
    assert ran == ["blocker", "fresh"]
    assert [done.value for done in shown] == ["blocker", "fresh"]
