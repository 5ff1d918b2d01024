"""The panels' curves and explorations, computed off the UI thread after each evaluation.

Every evaluation the live evaluator shows starts, on the design and catalog
it was computed from, the cheap curves (:func:`engine.analysis.curves`,
milliseconds); once they are shown, the explorations
(:func:`engine.analysis.explore`: the scaling curve and the parallelism
search, tens of milliseconds, up to a second on a large, fully searched
design). Running them one after the other keeps them from competing for
the interpreter, so the cheap panels refresh first and fastest. Each runs
in its own lane where the newest request wins (:mod:`workbench.analysis.background`):
an answer about an older design is dropped, and exploring an older design
is not started once a newer one is being evaluated. Changing the search's
scope re-runs the explorations on the evaluation shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, SignalInstance

from engine.analysis import Curves, Exploration, curves, explore
from engine.catalog import Catalog
from engine.design import Design
from engine.evaluate import Evaluation
from workbench.analysis.background import Done, NewestWins
from workbench.analysis.live_evaluation import LiveEvaluator, Result

Explore = Callable[[Design, Catalog, Evaluation, bool], Exploration]
Draw = Callable[[Evaluation], Curves]


@dataclass(frozen=True)
class Answer:
    """A lane's answer, with the evaluation it follows (what panels show beside it)."""

    result: Result
    value: Curves | Exploration
    seconds: float


class AnalysisRunner(QObject):
    """Follows ``evaluator``: curves and explorations of each evaluation shown."""

    #: An :class:`Answer` holding :class:`~engine.analysis.Curves`.
    curves_ready = Signal(object)
    #: An :class:`Answer` holding :class:`~engine.analysis.Exploration`.
    exploration_ready = Signal(object)

    def __init__(self, evaluator: LiveEvaluator, draw: Draw = curves,
                 explorer: Explore = explore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._draw, self._explore = draw, explorer
        self._curves = NewestWins(parent=self)
        self._explorations = NewestWins(parent=self)
        self._curves.finished.connect(self._on_curves)
        self._explorations.finished.connect(
            lambda done: self._answer(done, self.exploration_ready))
        self.every_setting = False
        self._latest: Result | None = None
        evaluator.evaluated.connect(self.follow)

    def follow(self, result: Result) -> None:
        """Start on ``result``'s design: the curves, then its explorations."""
        self._latest = result
        self._curves.submit(lambda r: self._draw(r.evaluation), (result,),
                            lambda exc: Curves(errors={"curves": f"failed: {exc}"}))

    def set_every_setting(self, on: bool) -> None:
        """Search every parallel setting, or keep the workload's fixed ones; re-run."""
        self.every_setting = on
        if self._latest is not None:
            self._start_exploration(self._latest)

    def is_idle(self) -> bool:
        """Both lanes show the answer to their newest request."""
        return self._curves.is_current() and self._explorations.is_current()

    def wait(self) -> None:
        """Block until running jobs finish (their answers still arrive as events)."""
        self._curves.wait()
        self._explorations.wait()

    def _start_exploration(self, result: Result) -> None:
        every = self.every_setting
        self._explorations.submit(
            lambda r: self._explore(r.design, r.catalog, r.evaluation, every), (result,),
            lambda exc: Exploration(errors={"exploration": f"failed: {exc}"}))

    def _on_curves(self, done: Done) -> None:
        self._answer(done, self.curves_ready)
        if done.args[0] is self._latest:          # not if a newer evaluation came meanwhile
            self._start_exploration(done.args[0])

    def _answer(self, done: Done, signal: SignalInstance) -> None:
        signal.emit(Answer(done.args[0], done.value, done.seconds))
