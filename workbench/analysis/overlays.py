"""What the panels draw of a design, and of each compared design beside the shown one (no Qt).

The live window overlays every other scenario; the report overlays every
compared design. Each gets its panel curves (:func:`engine.analysis.curves`),
its scaling curve (six training estimates) and its throughput-latency curve
(a serving search), so the memo keeps a design's overlay while it is
unchanged; the configuration search is the shown design's alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.analysis import Curves, Exploration, curves, explore
from engine.catalog import Catalog
from engine.compare import Comparison
from engine.design import Design
from engine.evaluate import Evaluation
from workbench.analysis.stage import Memo

#: The explorations drawn of a compared design (the search is the shown design's alone).
OVERLAID = ("scaling", "serving")


@dataclass(frozen=True)
class Facts:
    """What the panels may draw of one design: its evaluation, its cheap curves and its
    explorations (each None while not computed)."""

    evaluation: Evaluation | None = None
    curves: Curves | None = None
    exploration: Exploration | None = None

    def value(self, lane: str, part: str) -> Any | None:
        """The ``part`` (a section's name, or a curve's) of ``lane``'s answer, or None."""
        answer = getattr(self, lane)
        if answer is None:
            return None
        if isinstance(answer, Evaluation):
            return answer.sections.get(part)
        return getattr(answer, part, None)

    def reason(self, lane: str, part: str) -> str:
        """Why ``part`` is missing (its own error, or why the whole answer failed)."""
        answer = getattr(self, lane)
        errors = dict(getattr(answer, "errors", {}))
        if isinstance(answer, Evaluation):
            errors = {**answer.skipped, **errors}
        return errors.get(part) or next(iter(errors.values()), "not computed")


def overlay(design: Design, catalog: Catalog, evaluation: Evaluation) -> Facts:
    """What the panels draw of a compared design."""
    return Facts(evaluation, curves(evaluation),
                 explore(design, catalog, evaluation, parts=OVERLAID))


def overlays(comparison: Comparison, catalog: Catalog, memo: Memo | None = None,
             leave_out: str | None = None) -> dict[str, Facts]:
    """Each evaluated row of ``comparison`` but ``leave_out`` (the shown design's name) by
    its label; ``memo`` keeps the overlays of designs seen before."""
    return {row.design: _remembered(row.evaluated, catalog, row.evaluation, memo)
            for row in comparison.rows if row.design != leave_out
            and row.evaluated is not None and row.evaluation is not None}


def _remembered(design: Design, catalog: Catalog, evaluation: Evaluation,
                memo: Memo | None) -> Facts:
    if memo is None:
        return overlay(design, catalog, evaluation)
    return memo.value((design, catalog), lambda: overlay(design, catalog, evaluation))
