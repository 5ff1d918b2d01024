"""Work done off the UI thread whose newest request wins.

Each :meth:`NewestWins.submit` is numbered; the job runs in a thread pool
and its answer comes back to the UI thread through a queued signal. It is
passed on only if it answers a newer request than the last one passed on,
so a slow answer about an old design never replaces a fresh one, whatever
order the threads finish in; a job still waiting for a thread when a newer
request arrives is skipped. A job that raises is a bug in the engine: it
is logged, and its ``fallback`` (built from the exception) is passed on in
its place, so the UI says what failed instead of waiting forever.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Done:
    """A finished job: the request it answers, its arguments, its value, how long it took."""

    generation: int
    args: tuple[Any, ...]
    value: Any
    seconds: float


class _Relay(QObject):
    """Carries answers from pool threads to the UI thread (queued signal)."""

    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, generation: int, run: Callable[..., Any], args: tuple[Any, ...],
                 fallback: Callable[[Exception], Any], relay: _Relay,
                 newest: Callable[[], int]) -> None:
        super().__init__()
        self._generation, self._run, self._args = generation, run, args
        self._fallback, self._relay, self._newest = fallback, relay, newest

    def run(self) -> None:
        if self._newest() > self._generation:
            return                      # superseded while it waited for a thread: skip it
        start = time.perf_counter()
        try:
            value = self._run(*self._args)
        except Exception as exc:     # a bug in one job must not kill the worker or the UI
            log.exception("background job failed")
            value = self._fallback(exc)
        try:
            self._relay.finished.emit(Done(self._generation, self._args, value,
                                           time.perf_counter() - start))
        except RuntimeError:         # the lane went with its window while this job ran
            log.debug("background job finished after its lane was deleted")


class NewestWins(QObject):
    """A thread pool whose answers reach ``finished`` only when newer than the last shown."""

    #: A :class:`Done` answering a newer request than any passed on before.
    finished = Signal(object)

    def __init__(self, threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self.requested = 0
        self.shown = 0

    def submit(self, run: Callable[..., Any], args: tuple[Any, ...],
               fallback: Callable[[Exception], Any]) -> int:
        """Run ``run(*args)`` in the pool; returns the request's number."""
        self.requested += 1
        self._pool.start(_Job(self.requested, run, args, fallback, self._relay,
                              lambda: self.requested))
        return self.requested

    def is_current(self) -> bool:
        """The newest request's answer has been passed on."""
        return self.shown == self.requested

    def wait(self) -> None:
        """Block until running jobs finish (their answers still arrive as events)."""
        self._pool.waitForDone()

    def _on_finished(self, done: Done) -> None:
        if done.generation <= self.shown:
            return                      # an older request's answer: a newer one is shown
        self.shown = done.generation
        self.finished.emit(done)
