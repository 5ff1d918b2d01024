"""Every scenario of the document compared, in the background, as the document changes.

An edit changes one scenario, so evaluations are remembered: the others
are not evaluated again (designs are immutable values; an equal design gets
the remembered evaluation). The comparison follows the document only while
someone looks at it (:meth:`LiveEvaluator.set_following`).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject

from engine.catalog import Catalog
from engine.compare import Comparison, compare
from engine.design import Design
from engine.evaluate import Evaluation, evaluate
from engine.scenarios import unique_labels
from workbench.document import Document
from workbench.live_evaluation import LiveEvaluator

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
            self._entries.insert(0, (design, catalog, result))
            del self._entries[self._size:]
        return result


def labelled_scenarios(document: Document) -> tuple[tuple[tuple[str, Design], ...], Catalog]:
    """The scenarios with unique labels (their names), and the catalog they are read in."""
    labels = unique_labels(d.name for d in document.scenarios)
    return tuple(zip(labels, document.scenarios, strict=True)), document.catalog


class ComparisonEvaluator(LiveEvaluator):
    """A :class:`LiveEvaluator` whose results are :class:`~engine.compare.Comparison` s."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        self.cache = EvaluationCache()
        super().__init__(document, self._compare, parent, inputs=labelled_scenarios)

    def _compare(self, designs: Sequence[tuple[str, Design]], catalog: Catalog) -> Comparison:
        return compare(designs, catalog, run=self.cache)
