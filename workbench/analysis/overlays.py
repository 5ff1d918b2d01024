"""What the panels draw of a design, and of each compared design beside the shown one (no Qt).

The live window overlays every other scenario; the report overlays every
compared design. Each gets its panel curves (:func:`engine.analysis.curves`),
its scaling curve (six training estimates) and its throughput-latency curve
(a serving search), so the memo keeps a design's overlay while it is
unchanged; the configuration search is the shown design's alone.
"""

from __future__ import annotations

from engine.analysis import curves, explore
from engine.catalog import Catalog
from engine.compare import Comparison
from engine.design import Design
from engine.evaluate import Evaluation
from workbench.analysis.facts import Facts
from workbench.analysis.stage import Memo

#: The explorations drawn of a compared design (the search is the shown design's alone).
OVERLAID = ("scaling", "serving")


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
