"""The window's analysis off the UI thread: one pool, the declared stages, newest first.

:class:`AnalysisPipeline` owns every worker thread the window's analyses
use, so one :meth:`~AnalysisPipeline.close` stops them all before the
window goes (a worker still running Python while the app shuts down
crashes it). A request to a stage (:meth:`~AnalysisPipeline.submit`) is
numbered; its answer comes back on the UI thread through the stage's
:attr:`Lane.answered` signal only if it answers a newer request than the
last one passed on, so a slow answer about an old design never replaces a
fresh one, whatever order the threads finish in; a job still waiting for a
thread when a newer request to its stage arrives is skipped. An answer
feeds the stages declared after it, unless a newer request has started at
the root of its chain meanwhile (exploring a design the user has already
changed is wasted). A remembered answer (:class:`~workbench.analysis.stage.Memo`)
is passed on at once, with no thread. A job that raises is a bug in the
engine: it is logged and the stage's fallback is passed on instead. An
answer that arrives after the pipeline was deleted is dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from workbench.analysis.stage import Inputs, Stage

log = logging.getLogger(__name__)

THREADS = 4         # an evaluation need not wait for a long exploration to finish


@dataclass(frozen=True)
class Done:
    """A stage's answer to its request ``number``, on the chain that root request
    ``origin`` started (the evaluation a panel's curves follow), and the seconds it took."""

    stage: str
    number: int
    origin: int
    inputs: Inputs
    value: Any
    seconds: float


class Lane(QObject):
    """One stage's requests and answers."""

    #: A :class:`Done` answering a newer request than any this stage passed on before.
    answered = Signal(object)
    #: A request was made: the stage is busy until it is answered.
    requested = Signal()

    def __init__(self, stage: Stage, parent: QObject) -> None:
        super().__init__(parent)
        self.stage = stage
        self.number = 0                          # requests made
        self.shown = 0                           # the newest request passed on (or dropped)
        self.latest: Done | None = None
        self.enabled = True
        self.options: dict[str, Any] = dict(stage.options)
        self.last: tuple[Inputs, int] | None = None     # the newest request's inputs, origin
        self.fed_from: Done | None = None        # the upstream answer it was last fed

    def is_current(self) -> bool:
        """The newest request's answer has been passed on (or dropped)."""
        return self.shown >= self.number


class _Relay(QObject):
    """Carries answers from pool threads to the UI thread (queued signal)."""

    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, lane: Lane, number: int, origin: int, inputs: Inputs,
                 options: dict[str, Any], key: Hashable | None, relay: _Relay) -> None:
        super().__init__()
        self._lane, self._number, self._origin = lane, number, origin
        self._inputs, self._options, self._key, self._relay = inputs, options, key, relay

    def run(self) -> None:
        lane, stage = self._lane, self._lane.stage
        if self._number != lane.number or self._number <= lane.shown:
            return                      # superseded or cancelled while it waited: skip it
        start = time.perf_counter()
        try:
            value = stage.run(self._inputs, **self._options)
        except Exception as exc:     # a bug in one job must not kill the worker or the UI
            log.exception("the %s stage failed", stage.name)
            value = stage.fallback(exc, self._inputs)
        else:
            if stage.memo is not None and self._key is not None:
                stage.memo.put(self._key, value, time.perf_counter() - start)
        try:
            self._relay.finished.emit(Done(stage.name, self._number, self._origin,
                                           self._inputs, value, time.perf_counter() - start))
        except RuntimeError:         # the pipeline went with its window while this job ran
            log.debug("a %s job finished after its pipeline was deleted", stage.name)


class AnalysisPipeline(QObject):
    """Runs ``stages`` (each after the one that feeds it) in one pool (module docstring)."""

    def __init__(self, stages: Sequence[Stage], threads: int = THREADS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._lanes = {stage.name: Lane(stage, self) for stage in stages}
        self._depth = {name: len(self._chain(name)) for name in self._lanes}
        self._closed = False

    def lane(self, name: str) -> Lane:
        return self._lanes[name]

    def latest(self, name: str) -> Done | None:
        """Stage ``name``'s newest answer passed on."""
        return self._lanes[name].latest

    def submit(self, name: str, request: Any) -> int:
        """Ask stage ``name`` about ``request``, starting a chain; returns the request's
        number (0 if the stage is disabled or the pipeline closed)."""
        return self._start(self._lanes[name], Inputs(request), None)

    def configure(self, name: str, **options: Any) -> None:
        """Run stage ``name`` with ``options`` from now on, again on its newest inputs."""
        lane = self._lanes[name]
        lane.options.update(options)
        if lane.last is not None:
            self._start(lane, *lane.last)

    def set_enabled(self, name: str, enabled: bool) -> None:
        """A disabled stage neither runs nor answers, nor feeds the stages after it;
        enabled again, it catches up on its feeder's newest answer."""
        lane = self._lanes[name]
        lane.enabled = enabled
        if not enabled:
            self._drop_in_flight(lane)
            return
        feeder = self._lanes[lane.stage.after] if lane.stage.after else None
        if feeder is not None and feeder.latest is not None \
                and feeder.latest is not lane.fed_from and self._is_newest(feeder.latest):
            self._feed(lane, feeder.latest)

    def is_idle(self) -> bool:
        """Every stage has passed on the answer to its newest request."""
        return all(lane.is_current() for lane in self._lanes.values())

    def cancel(self) -> None:
        """Drop every request not yet answered: queued jobs never run, running ones'
        answers are dropped."""
        self._pool.clear()
        for lane in self._lanes.values():
            self._drop_in_flight(lane)

    def wait(self) -> None:
        """Block until no worker runs (answers already sent still arrive as events)."""
        self._pool.waitForDone()

    def close(self) -> None:
        """Cancel, wait, and take no more requests: before the window goes."""
        self._closed = True
        self.cancel()
        self.wait()

    # -- running --------------------------------------------------------------------------

    def _start(self, lane: Lane, inputs: Inputs, origin: int | None) -> int:
        if self._closed or not lane.enabled:
            return 0
        lane.number += 1
        number = lane.number
        origin = number if origin is None else origin
        lane.last = (inputs, origin)
        lane.requested.emit()
        stage = lane.stage
        key = stage.memo_key(inputs.request, lane.options)
        remembered = stage.memo.get(key) if stage.memo is not None and key is not None \
            else None
        if remembered is not None:
            value, seconds = remembered
            self._on_finished(Done(stage.name, number, origin, inputs, value, seconds))
        else:
            self._pool.start(_Job(lane, number, origin, inputs, dict(lane.options), key,
                                  self._relay), -self._depth[stage.name])
        return number

    def _on_finished(self, done: Done) -> None:
        lane = self._lanes[done.stage]
        if not lane.enabled or done.number <= lane.shown:
            return                      # an older request's answer: a newer one is shown
        lane.shown = done.number
        lane.latest = done
        lane.answered.emit(done)
        if not self._is_newest(done):
            return
        for after in self._lanes.values():
            if after.stage.after == done.stage and after.enabled:
                self._feed(after, done)

    def _feed(self, lane: Lane, done: Done) -> None:
        lane.fed_from = done
        values = {**done.inputs.values, done.stage: done.value}
        self._start(lane, Inputs(done.inputs.request, values), done.origin)

    def _is_newest(self, done: Done) -> bool:
        """No newer request has started at the root of ``done``'s chain."""
        return done.origin == self._lanes[self._chain(done.stage)[-1]].number

    def _chain(self, name: str) -> list[str]:
        """``name`` and the stages that feed it, up to its root."""
        chain = [name]
        while (after := self._lanes[chain[-1]].stage.after) is not None:
            chain.append(after)
        return chain

    @staticmethod
    def _drop_in_flight(lane: Lane) -> None:
        if not lane.is_current():
            lane.shown = lane.number
            lane.fed_from = None
