"""The pipeline follows the document: each edit asks it about the design, throttled.

An edit after a quiet spell is asked about as soon as it is complete (a
command of several steps announces each; they are asked about once), so a
single edit shows its effect without waiting; edits that come faster than
:data:`QUIET_MS` apart (typing, nudging) are folded into one more request
when they pause. A request is a snapshot of the document
(:class:`~workbench.analysis.live_stages.Request`); the pipeline evaluates
it off the UI thread, and what follows the evaluation follows it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.analysis.live_stages import Request, labelled
from workbench.analysis.pipeline import AnalysisPipeline, Done
from workbench.document.document import Document

QUIET_MS = 150


class LiveEvaluator(QObject):
    """Asks ``pipeline`` about the document's design after edits."""

    #: True while a newer evaluation than the one shown is scheduled or running.
    pending_changed = Signal(bool)

    def __init__(self, document: Document, pipeline: AnalysisPipeline,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._pipeline = pipeline
        self._lane = pipeline.lane("evaluation")
        self._lane.answered.connect(self._on_evaluated)
        self._soon = QTimer(self)          # once the current edit (all its steps) is done
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._on_soon)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(QUIET_MS)
        self._timer.timeout.connect(self._on_quiet)
        self._edited_since = False
        document.changed.connect(self.schedule)

    @property
    def latest(self) -> Done | None:
        """The newest evaluation shown (its request holds the design it is about)."""
        return self._lane.latest

    def schedule(self) -> None:
        """The design changed: evaluate now, or once edits pause if they keep coming."""
        if self._timer.isActive():
            self._edited_since = True
        else:
            self._soon.start()
        self.pending_changed.emit(True)

    def evaluate_now(self) -> int:
        """Ask about the current design; returns the request's number."""
        doc = self._doc
        self.pending_changed.emit(True)
        return self._pipeline.submit("evaluation", Request(doc.design, doc.catalog,
                                                           labelled(doc.scenarios)))

    def flush(self) -> None:
        """Ask now about an edit still waiting for its turn (before a stage is enabled, so
        it catches up on the design as it is, not as it was)."""
        if self._soon.isActive() or self._edited_since:
            self._soon.stop()
            self._edited_since = False
            self.evaluate_now()
            self._timer.start()

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

    def _on_evaluated(self, _: Done) -> None:
        self.pending_changed.emit(not self._lane.is_current() or self._edited_since)
