"""What the panels may draw of one design (no Qt): the answers of the pipeline's lanes.

The live window fills it lane by lane as answers arrive; an overlaid
scenario and a report's design have it whole
(:mod:`workbench.analysis.overlays`). Each panel's feeds
(:mod:`workbench.analysis.panel_registry`) read their part of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.analysis import Curves, Exploration
from engine.evaluate import Evaluation


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
