"""Estimates that follow the document: throttled, computed off the UI thread, newest wins.

An edit after a quiet spell is evaluated as soon as it is complete (a
command of several steps announces each; they are evaluated once), so a
single edit shows its effect without waiting; edits that come faster than :data:`QUIET_MS` apart
(typing, nudging) are folded into one more evaluation when they pause. The
design (an immutable value, safe to hand to another thread) is evaluated in
a thread pool under a generation number, and a result is shown only if it
is newer than the one on screen, so a slow evaluation of an old design never
overwrites a fresh one (:mod:`workbench.analysis.background`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from engine.catalog import Catalog
from engine.design import Design
from engine.evaluate import Evaluation, evaluate
from workbench.analysis.background import Done, NewestWins
from workbench.document.document import Document

QUIET_MS = 150
Evaluate = Callable[[Design, Catalog], Evaluation]


@dataclass(frozen=True)
class Result:
    """One finished evaluation: the generation it answers, how long it took, and the design
    and catalog it was computed from (what follow-up analyses must use)."""

    generation: int
    evaluation: Evaluation
    seconds: float
    design: Design
    catalog: Catalog


class LiveEvaluator(QObject):
    """Re-evaluates the document's design after edits."""

    #: A result newer than the one shown.
    evaluated = Signal(object)
    #: True while a newer evaluation than the one shown is scheduled or running.
    pending_changed = Signal(bool)

    def __init__(self, document: Document, run: Evaluate = evaluate,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._run = run
        self._lane = NewestWins(parent=self)
        self._lane.finished.connect(self._on_finished)
        self._soon = QTimer(self)          # once the current edit (all its steps) is done
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._on_soon)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self._on_quiet)
        self._edited_since = False
        self.latest: Result | None = None
        document.changed.connect(self.schedule)

    def schedule(self) -> None:
        """The design changed: evaluate now, or once edits pause if they keep coming."""
        if self._timer.isActive():
            self._edited_since = True
        else:
            self._soon.start()
        self.pending_changed.emit(True)

    def evaluate_now(self) -> int:
        """Start an evaluation of the current design; returns its generation."""
        design = self._doc.design
        generation = self._lane.submit(self._run, (design, self._doc.catalog), lambda exc:
                                       Evaluation(design.name, {}, {"evaluation":
                                                                    f"failed: {exc}"}))
        self.pending_changed.emit(True)
        return generation

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
            and self._lane.is_current()

    def wait(self) -> None:
        """Block until running evaluations finish (their results still arrive as events)."""
        self._lane.wait()

    def _on_finished(self, done: Done) -> None:
        design, catalog = done.args
        self.latest = Result(done.generation, done.value, done.seconds, design, catalog)
        self.evaluated.emit(self.latest)
        self.pending_changed.emit(not self._lane.is_current() or self._edited_since)
