"""Every scenario of the document compared, in the background, after each live evaluation.

The comparison follows the live evaluator rather than the document: each
evaluation it shows (an edit, a switch, a scenario added, renamed or
removed, all of which change the document) is followed by a comparison of
every scenario, in a lane of its own where the newest request wins
(:mod:`workbench.analysis.background`). Evaluations are remembered: the live one is
handed over, so the edited scenario is not evaluated twice, and the others
are not evaluated again (designs are immutable values; an equal design gets
the remembered evaluation). It runs only while someone looks
(:meth:`ComparisonEvaluator.set_following`) and catches up when looked at.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from engine.catalog import Catalog
from engine.compare import Comparison, compare
from engine.design import Design
from engine.evaluate import Evaluation, evaluate
from engine.scenarios import unique_labels
from workbench.analysis.background import Done, NewestWins
from workbench.analysis.live_evaluation import LiveEvaluator, Result
from workbench.document.document import Document

CACHE_SIZE = 32


class EvaluationCache:
    """``evaluate``, remembering the last :data:`CACHE_SIZE` designs' results (thread-safe)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: list[tuple[Design, Catalog, Evaluation]] = []
        self.misses = 0

    def __call__(self, design: Design, catalog: Catalog) -> Evaluation:
        with self._lock:
            for seen, seen_catalog, result in self._entries:
                if seen_catalog is catalog and (seen is design or seen == design):
                    return result
        result = evaluate(design, catalog)
        with self._lock:
            self.misses += 1
        self.remember(design, catalog, result)
        return result

    def remember(self, design: Design, catalog: Catalog, result: Evaluation) -> None:
        """An evaluation made elsewhere (the live one), for the next comparison."""
        with self._lock:
            self._entries.insert(0, (design, catalog, result))
            del self._entries[self._size:]


def labelled_scenarios(document: Document) -> tuple[tuple[tuple[str, Design], ...], Catalog]:
    """The scenarios with unique labels (their names), and the catalog they are read in."""
    labels = unique_labels(d.name for d in document.scenarios)
    return tuple(zip(labels, document.scenarios, strict=True)), document.catalog


@dataclass(frozen=True)
class ComparisonResult:
    """A finished comparison (or why it failed: a bug), its request and how long it took."""

    generation: int
    comparison: Comparison | str
    seconds: float


class ComparisonEvaluator(QObject):
    """Compares the document's scenarios after each of ``live``'s evaluations."""

    #: A :class:`ComparisonResult` newer than the one shown.
    evaluated = Signal(object)
    #: True while a newer comparison than the one shown is running.
    pending_changed = Signal(bool)

    def __init__(self, document: Document, live: LiveEvaluator,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self.cache = EvaluationCache()
        self._lane = NewestWins(parent=self)     # two threads: a newer one overtakes a slow one
        self._lane.finished.connect(self._on_finished)
        self._following = False
        self._behind = True                  # nothing compared yet
        self.latest: ComparisonResult | None = None
        live.evaluated.connect(self._on_live)

    def set_following(self, following: bool) -> None:
        """Compare after every evaluation (catching up at once), or stop."""
        self._following = following
        if following and self._behind:
            self.evaluate_now()

    def evaluate_now(self) -> int:
        """Start comparing the scenarios as they are; returns the request's number."""
        self._behind = False
        designs, catalog = labelled_scenarios(self._doc)
        generation = self._lane.submit(self._compare, (designs, catalog),
                                       lambda exc: f"the comparison failed: {exc}")
        self.pending_changed.emit(True)
        return generation

    def is_idle(self) -> bool:
        """The newest comparison asked for is shown."""
        return self._lane.is_current()

    def wait(self) -> None:
        self._lane.wait()

    def _compare(self, designs: Sequence[tuple[str, Design]], catalog: Catalog) -> Comparison:
        return compare(designs, catalog, run=self.cache)

    def _on_live(self, result: Result) -> None:
        self.cache.remember(result.design, result.catalog, result.evaluation)
        if self._following:
            self.evaluate_now()
        else:
            self._behind = True

    def _on_finished(self, done: Done) -> None:
        self.latest = ComparisonResult(done.generation, done.value, done.seconds)
        self.evaluated.emit(self.latest)
        self.pending_changed.emit(not self._lane.is_current())
