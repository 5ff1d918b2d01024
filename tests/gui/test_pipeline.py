"""The analysis pipeline with real Qt threads: newest wins, a stage fed by another gets the
newest upstream answer, cancel drops, wait() returns with no worker running."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication

from workbench.analysis.pipeline import AnalysisPipeline
from workbench.analysis.stage import Memo, Stage, run_now


class Gate:
    """Holds back the jobs given ``held`` until opened; says when one is held."""

    def __init__(self, held: str) -> None:
        self.held, self.started, self.open = held, threading.Event(), threading.Event()

    def __call__(self, value: str) -> str:
        if value == self.held:
            self.started.set()
            self.open.wait(30)
        return value


def answers(pipeline: AnalysisPipeline, stage: str) -> list:
    shown: list = []
    pipeline.lane(stage).answered.connect(shown.append)
    return shown


def settle(qtbot, pipeline: AnalysisPipeline) -> None:
    qtbot.waitUntil(pipeline.is_idle, timeout=10000)
    pipeline.wait()
    QApplication.processEvents()


def test_a_slow_old_answer_never_replaces_a_newer_one(qtbot):
    gate = Gate("old")
    pipeline = AnalysisPipeline([Stage("echo", lambda x: gate(x.request))])
    shown = answers(pipeline, "echo")
    pipeline.submit("echo", "old")
    qtbot.waitUntil(gate.started.is_set)
    pipeline.submit("echo", "new")
    qtbot.waitUntil(lambda: bool(shown))
    gate.open.set()
    settle(qtbot, pipeline)
    assert [done.value for done in shown] == ["new"]


def test_a_request_superseded_before_it_starts_is_skipped(qtbot):
    """With every thread busy, of two queued requests only the newer runs."""
    gate, ran = Gate("blocker"), []
    pipeline = AnalysisPipeline([Stage("echo", lambda x: ran.append(gate(x.request)))],
                                threads=1)
    pipeline.submit("echo", "blocker")
    qtbot.waitUntil(gate.started.is_set)
    for name in ("stale", "fresh"):
        pipeline.submit("echo", name)
    gate.open.set()
    settle(qtbot, pipeline)
    assert ran == ["blocker", "fresh"]


def test_a_stage_fed_by_another_gets_the_newest_upstream_answer(qtbot):
    """The first request's upstream answer arrives after the second's: nothing downstream
    runs on it."""
    gate, fed = Gate("first"), []
    pipeline = AnalysisPipeline([
        Stage("upper", lambda x: gate(x.request).upper()),
        Stage("count", lambda x: fed.append(x["upper"]) or len(x["upper"]), after="upper")])
    counts = answers(pipeline, "count")
    pipeline.submit("upper", "first")
    qtbot.waitUntil(gate.started.is_set)
    pipeline.submit("upper", "second!")
    qtbot.waitUntil(lambda: bool(counts))
    gate.open.set()
    settle(qtbot, pipeline)
    assert fed == ["SECOND!"]
    assert [(d.value, d.inputs.request, d.origin) for d in counts] == [(7, "second!", 2)]


def test_cancel_drops_every_answer_and_wait_returns_with_no_worker_running(qtbot):
    gate, finished = Gate("slow"), threading.Event()

    def run(x):
        gate(x.request)
        finished.set()
        return x.request

    pipeline = AnalysisPipeline([Stage("echo", run)])
    shown = answers(pipeline, "echo")
    pipeline.submit("echo", "slow")
    qtbot.waitUntil(gate.started.is_set)
    pipeline.cancel()
    assert pipeline.is_idle()
    gate.open.set()
    pipeline.wait()
    assert finished.is_set()                 # wait() returned after the job, not before it
    QApplication.processEvents()
    assert shown == []


def test_a_closed_pipeline_takes_no_more_requests(qtbot):
    ran = []
    pipeline = AnalysisPipeline([Stage("echo", lambda x: ran.append(x.request))])
    pipeline.close()
    assert pipeline.submit("echo", "late") == 0
    pipeline.wait()
    assert ran == []


def test_a_remembered_answer_comes_at_once_and_feeds_the_next_stage(qtbot):
    memo, runs = Memo(), []

    def double(x):
        runs.append(x.request)
        return 2 * x.request

    pipeline = AnalysisPipeline([Stage("double", double, memo=memo, key=lambda r: r),
                                 Stage("plus", lambda x: x["double"] + 1, after="double")])
    plus = answers(pipeline, "plus")
    pipeline.submit("double", 20)
    qtbot.waitUntil(lambda: bool(plus))
    pipeline.submit("double", 20)
    assert pipeline.latest("double").number == 2              # answered before it returned
    settle(qtbot, pipeline)
    assert runs == [20]
    assert [d.value for d in plus] == [41, 41]


def test_a_disabled_stage_catches_up_when_enabled_and_options_rerun_it(qtbot):
    pipeline = AnalysisPipeline([
        Stage("source", lambda x: x.request),
        Stage("scaled", lambda x, factor: x["source"] * factor, after="source",
              options={"factor": 2})])
    scaled = answers(pipeline, "scaled")
    pipeline.set_enabled("scaled", False)
    pipeline.submit("source", 5)
    settle(qtbot, pipeline)
    assert scaled == []
    pipeline.set_enabled("scaled", True)
    settle(qtbot, pipeline)
    pipeline.configure("scaled", factor=3)
    settle(qtbot, pipeline)
    assert [d.value for d in scaled] == [10, 15]


def test_a_failing_stage_answers_with_its_fallback(qtbot, caplog):
    pipeline = AnalysisPipeline([Stage("broken", lambda x: 1 / x.request,
                                       fallback=lambda exc, x: f"failed: {exc}")])
    shown = answers(pipeline, "broken")
    pipeline.submit("broken", 0)
    settle(qtbot, pipeline)
    assert [d.value for d in shown] == ["failed: division by zero"]
    assert "the broken stage failed" in caplog.text


def test_an_answer_after_the_pipeline_is_gone_is_dropped(qtbot):
    """The window (and its pipeline) is deleted while a job runs: its answer goes nowhere."""
    gate = Gate("late")
    pipeline = AnalysisPipeline([Stage("echo", lambda x: gate(x.request))])
    shown = answers(pipeline, "echo")
    pipeline.submit("echo", "late")
    qtbot.waitUntil(gate.started.is_set)
    threading.Timer(0.2, gate.open.set).start()
    shiboken6.delete(pipeline)                  # waits for the job, then goes
    QApplication.processEvents()
    assert shown == []


def test_run_now_runs_the_stages_in_order_on_this_thread():
    stages = (Stage("upper", lambda x: x.request.upper()),
              Stage("count", lambda x: len(x["upper"]), after="upper"))
    assert run_now(stages, "abc") == {"upper": "ABC", "count": 3}
    with pytest.raises(ZeroDivisionError):
        run_now((Stage("broken", lambda x: 1 / 0),), None)
