"""The sweep window's points computed on a local process pool, with progress and a quick cancel.

The engine is pure Python, so threads would share one core; the points run on the
sweep backends' :class:`~workbench.sweep.backends.ProcessPool` (never forked from the
Qt process), one point per task so each is plotted as soon as it is done. A sweep is
a one-axis :class:`~engine.design_space.plan.SweepPlan` and each point's row comes from
:func:`engine.design_space.chunks.evaluate_chunk`, as on the command line. Rows come
back on the UI thread, in whatever order they finish, each with its point's index.

Points go to the pool one per worker at a time, so Cancel has nothing queued to
drop: it ignores the points running (one per worker), no row of a cancelled sweep
reaches the view, and the workers are free once those are done.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from engine.catalog import Catalog
from engine.design import Design
from engine.design_space.axes import FLOAT, INT, Axis
from engine.design_space.chunks import evaluate_chunk
from engine.design_space.plan import Chunk, SweepPlan
from workbench.sweep.backends import ProcessPool

log = logging.getLogger(__name__)
MAX_WORKERS = 6


def worker_count(points: int) -> int:
    """One worker per core but one (the UI keeps a core), at most MAX_WORKERS."""
    return max(1, min(points, MAX_WORKERS, (os.cpu_count() or 2) - 1))


def one_setting(design: Design, key: str, values: Sequence[float], integer: bool) -> SweepPlan:
    """The window's sweep as a plan: ``key`` over ``values``, values checked per point
    (one the design cannot take is a row saying why)."""
    axis = Axis(key, tuple(round(v) for v in values), INT) if integer else \
        Axis(key, tuple(values), FLOAT)
    return SweepPlan(design, (axis,))


class _Relay(QObject):
    """Carries finished futures from the pool's thread to the UI thread (queued)."""

    done = Signal(int, int, object)        # sweep number, point index, future


class SweepRunner(QObject):
    """Runs one sweep at a time."""

    #: A point is ready: its index and its row (column name -> value).
    point_ready = Signal(int, object)
    #: ``done`` of ``total`` points finished.
    progressed = Signal(int, int)
    #: The sweep ended: True if it was cancelled (or failed).
    finished = Signal(bool)
    #: A bug in a worker stopped the sweep.
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._sweep = 0
        self._backend: ProcessPool | None = None
        self._futures: list[Future[Any]] = []
        self._done = 0
        self.plan: SweepPlan | None = None
        self._catalog: Catalog | None = None

    def is_running(self) -> bool:
        return self._backend is not None

    def idle(self) -> bool:
        """No worker is computing a point (of this sweep or a cancelled one)."""
        return all(f.done() for f in self._futures)

    def start(self, plan: SweepPlan, catalog: Catalog) -> None:
        """Compute every point of ``plan`` (a running sweep is cancelled first)."""
        self.cancel()
        self._sweep += 1
        self._done = 0
        self.plan = plan
        self._futures = []
        self._catalog = catalog
        self.progressed.emit(0, plan.size)
        try:
            self._backend = ProcessPool(worker_count(plan.size))
            for _ in range(self._backend.workers):
                self._submit_next()
        except (OSError, RuntimeError) as exc:      # no worker process could start
            log.exception("sweep workers did not start")
            self._stop()
            self.failed.emit(f"the sweep's worker processes did not start: {exc}")
            self.finished.emit(True)

    def _submit_next(self) -> None:
        """Hand the next point to the pool: one per worker at a time, so a cancel has
        nothing queued behind the points running."""
        index = len(self._futures)
        if self._backend is None or self.plan is None or index >= self.plan.size:
            return
        future = self._backend.submit(evaluate_chunk, self.plan, self._catalog,
                                      Chunk(index, range(index, index + 1)))
        future.add_done_callback(lambda f, s=self._sweep, i=index: self._forward(s, i, f))
        self._futures.append(future)

    def cancel(self) -> None:
        """Stop now: pending points are dropped, running ones ignored."""
        if self._backend is None:
            return
        self._stop()
        self.finished.emit(True)

    def _stop(self) -> None:
        self._sweep += 1                       # results of this sweep are stale from now
        backend, self._backend = self._backend, None
        if backend is not None:
            backend.close()

    def _forward(self, sweep: int, index: int, future: Future[Any]) -> None:
        """In the pool's thread: pass on a current sweep's point (a cancelled sweep's
        points stop here, even after the window has gone)."""
        if sweep == self._sweep:
            self._relay.done.emit(sweep, index, future)

    def _on_done(self, sweep: int, index: int, future: Future[Any]) -> None:
        if sweep != self._sweep:
            return                             # a cancelled sweep's point
        try:
            rows = future.result()
        except CancelledError:
            return
        except Exception as exc:               # a bug in the engine or a dead worker
            log.exception("sweep point failed")
            self._stop()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            self.finished.emit(True)
            return
        self._done += 1
        self._submit_next()
        self.point_ready.emit(index, {name: cells[0] for name, cells in rows.items()})
        self.progressed.emit(self._done, self.plan.size if self.plan else self._done)
        if self.plan is not None and self._done == self.plan.size:
            self._stop()
            self.finished.emit(False)
