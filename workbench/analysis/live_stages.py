"""The window's analyses, declared once: what an edit sets off, and what feeds what.

::

    evaluation (the shown design) ──> curves ──> exploration
             └──> comparison (every scenario) ──> overlays (the other scenarios)

The curves are cheap (milliseconds) and come first; the explorations (the
scaling curve's estimates and the parallelism search, tens of milliseconds,
up to a second on a large, fully searched design) follow them, so the cheap
panels refresh first and fastest. Every stage remembers its answers by
design: an undo, or a scenario shown again, is answered at once. The
comparison evaluates the scenarios through the evaluation stage's memo, so
the live evaluation is handed over and the shown design is not evaluated
twice; the others are not evaluated again while they are unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from engine.analysis import Curves, Exploration, curves, explore
from engine.catalog import Catalog
from engine.compare import Comparison, compare
from engine.design import Design
from engine.evaluate import Evaluation, evaluate
from engine.scenarios import unique_labels
from workbench.analysis.facts import Facts
from workbench.analysis.overlays import overlays
from workbench.analysis.stage import Inputs, Memo, Stage

Evaluate = Callable[[Design, Catalog], Evaluation]


@dataclass(frozen=True)
class Request:
    """What the window asks after an edit: the shown design, the catalog, and every
    scenario by its label (an immutable snapshot, safe to hand to another thread)."""

    design: Design
    catalog: Catalog
    scenarios: tuple[tuple[str, Design], ...]


def labelled(designs: Sequence[Design]) -> tuple[tuple[str, Design], ...]:
    """The scenarios with unique labels (their names)."""
    return tuple(zip(unique_labels(d.name for d in designs), designs, strict=True))


def live_stages(evaluate_design: Evaluate = evaluate) -> tuple[Stage, ...]:
    """The stages of the window's pipeline (module docstring), evaluating with
    ``evaluate_design``."""
    evaluations = Memo()

    def remembered(design: Design, catalog: Catalog) -> Evaluation:
        return evaluations.value((design, catalog),        # the evaluation stage's key
                                 lambda: evaluate_design(design, catalog))

    overlay_memo = Memo()

    def other_scenarios(x: Inputs) -> dict[str, Facts] | None:
        comparison = x["comparison"]
        if not isinstance(comparison, Comparison):
            return None                             # the comparison failed: keep what is drawn
        return overlays(comparison, x.request.catalog, overlay_memo, x.request.design.name)

    return (
        Stage("evaluation", lambda x: evaluate_design(x.request.design, x.request.catalog),
              fallback=lambda exc, x: Evaluation(x.request.design.name, {},
                                                 {"evaluation": f"failed: {exc}"}),
              memo=evaluations, key=_shown),
        Stage("curves", lambda x: curves(x["evaluation"]), after="evaluation",
              fallback=lambda exc, x: Curves(errors={"curves": f"failed: {exc}"}),
              memo=Memo(), key=_shown),
        Stage("exploration", _explore, after="curves", options={"every_setting": False},
              fallback=lambda exc, x: Exploration(errors={"exploration": f"failed: {exc}"}),
              memo=Memo(), key=_shown),
        Stage("comparison",
              lambda x: compare(x.request.scenarios, x.request.catalog, run=remembered),
              after="evaluation", fallback=lambda exc, x: f"the comparison failed: {exc}",
              memo=Memo(), key=lambda r: (r.scenarios, r.catalog)),
        Stage("overlays", other_scenarios, after="comparison", fallback=lambda exc, x: None,
              memo=Memo(), key=lambda r: (r.scenarios, r.catalog, r.design.name)),
    )


def _shown(request: Request) -> Hashable:
    """The memo key of an answer about the shown design (the catalog compares by identity)."""
    return request.design, request.catalog


def _explore(x: Inputs, every_setting: bool) -> Exploration:
    return explore(x.request.design, x.request.catalog, x["evaluation"], every_setting)
