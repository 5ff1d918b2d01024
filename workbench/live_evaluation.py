"""Estimates that follow the document: throttled, computed off the UI thread, newest wins.

An edit after a quiet spell is evaluated as soon as it is complete (a
command of several steps announces each; they are evaluated once), so a
single edit shows its effect without waiting; edits that come faster than :data:`QUIET_MS` apart
(typing, nudging) are folded into one more evaluation when they pause. The
design (an immutable value, safe to hand to another thread) is evaluated in
a thread pool under a generation number, and a result is shown only if it
is newer than the one on screen, so a slow evaluation of an old design never
overwrites a fresh one.

What is evaluated is the active scenario by default; ``inputs`` picks
something else of the document (the comparison evaluates every scenario)
and ``run`` computes on it. An evaluator that is not following (its view is
hidden) only notes that it is behind and catches up when it follows again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from engine.catalog import Catalog
from engine.design import Design
from engine.evaluate import Evaluation, evaluate
from workbench.document import Document

log = logging.getLogger(__name__)
QUIET_MS = 150
Evaluate = Callable[[Design, Catalog], Evaluation]
Inputs = Callable[[Document], tuple[Any, ...]]


def active_design(document: Document) -> tuple[Design, Catalog]:
    return document.design, document.catalog


@dataclass(frozen=True)
class Result:
    """One finished evaluation (what ``run`` returned): the generation it answers and how
    long it took."""

    generation: int
    evaluation: Any
    seconds: float


class _Relay(QObject):
    """Carries results from pool threads to the UI thread (queued signal)."""

    finished = Signal(object)


class _Task(QRunnable):
    def __init__(self, generation: int, args: tuple[Any, ...], run: Callable[..., Any],
                 relay: _Relay) -> None:
        super().__init__()
        self._args = args
        self._generation, self._run, self._relay = generation, run, relay

    def run(self) -> None:
        start = time.perf_counter()
        try:
            evaluation = self._run(*self._args)
        except Exception as exc:     # a bug in one estimate must not kill the worker or the UI
            log.exception("evaluation failed")
            evaluation = Evaluation("", {}, {"evaluation": f"failed: {exc}"})
        self._relay.finished.emit(Result(self._generation, evaluation,
                                         time.perf_counter() - start))


class LiveEvaluator(QObject):
    """Re-evaluates the document's design after edits."""

    #: A result newer than the one shown.
    evaluated = Signal(object)
    #: True while a newer evaluation than the one shown is scheduled or running.
    pending_changed = Signal(bool)

    def __init__(self, document: Document, run: Callable[..., Any] = evaluate,
                 parent: QObject | None = None, inputs: Inputs = active_design) -> None:
        super().__init__(parent)
        self._doc = document
        self._run = run
        self._inputs = inputs
        self._following = True
        self._behind = True             # nothing evaluated yet
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._soon = QTimer(self)          # once the current edit (all its steps) is done
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._on_soon)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self._on_quiet)
        self._edited_since = False
        self._requested = 0
        self._shown = 0
        self.latest: Result | None = None
        document.changed.connect(self.schedule)

    def set_following(self, following: bool) -> None:
        """Follow edits (catching up at once on those missed), or stop following them."""
        self._following = following
        if following and self._behind:
            self._behind = False
            self.schedule()

    def schedule(self) -> None:
        """The design changed: evaluate now, or once edits pause if they keep coming."""
        if not self._following:
            self._behind = True
            return
        if self._timer.isActive():
            self._edited_since = True
        else:
            self._soon.start()
        self.pending_changed.emit(True)

    def evaluate_now(self) -> int:
        """Start an evaluation of the current design; returns its generation."""
        self._requested += 1
        self._pool.start(_Task(self._requested, self._inputs(self._doc), self._run,
                               self._relay))
        self.pending_changed.emit(True)
        return self._requested

    def _on_soon(self) -> None:
        self.evaluate_now()
        self._timer.start()

    def _on_quiet(self) -> None:
        if self._edited_since:
            self._edited_since = False
            self.evaluate_now()
            self._timer.start()

    def is_idle(self) -> bool:
        """Nothing scheduled or running: what is shown is the current design's."""
        return not (self._soon.isActive() or self._timer.isActive()) \
            and self._shown == self._requested

    def wait(self) -> None:
        """Block until running evaluations finish (their results still arrive as events)."""
        self._pool.waitForDone()

    def _on_finished(self, result: Result) -> None:
        if result.generation <= self._shown:
            return                      # an older design's answer: a newer one is on screen
        self._shown = result.generation
        self.latest = result
        self.evaluated.emit(result)
        self.pending_changed.emit(self._shown < self._requested or self._edited_since)
