"""What the panels draw for each compared design beside the shown one (no Qt).

The live window overlays every other scenario; the report overlays every
compared design. Each gets its panel curves (:func:`engine.analysis.curves`)
and its scaling curve (:func:`engine.analysis.scaling.scaling_curve`, six
training estimates, so the memo keeps a design's overlay while it is
unchanged).
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.analysis import Curves, curves
from engine.analysis.scaling import ScalingCurve, scaling_curve
from engine.catalog import Catalog
from engine.compare import Comparison
from engine.design import Design
from engine.errors import EngineError
from engine.evaluate import Evaluation
from engine.training import TRAINING, TrainingEstimate
from workbench.analysis.stage import Memo


@dataclass(frozen=True)
class Overlay:
    """What the panels draw for one design."""

    training: TrainingEstimate | None
    curves: Curves
    scaling: ScalingCurve | None


def overlay(design: Design, catalog: Catalog, evaluation: Evaluation) -> Overlay:
    try:
        scaling: ScalingCurve | None = scaling_curve(design, catalog)
    except EngineError:
        scaling = None
    return Overlay(evaluation.result(TRAINING), curves(evaluation), scaling)


def overlays(comparison: Comparison, catalog: Catalog, memo: Memo | None = None,
             leave_out: str | None = None) -> dict[str, Overlay]:
    """Each evaluated row of ``comparison`` but ``leave_out`` (the shown design's name) by
    its label; ``memo`` keeps the overlays of designs seen before."""
    return {row.design: _remembered(row.evaluated, catalog, row.evaluation, memo)
            for row in comparison.rows if row.design != leave_out
            and row.evaluated is not None and row.evaluation is not None}


def _remembered(design: Design, catalog: Catalog, evaluation: Evaluation,
                memo: Memo | None) -> Overlay:
    if memo is None:
        return overlay(design, catalog, evaluation)
    return memo.value((design, catalog), lambda: overlay(design, catalog, evaluation))
