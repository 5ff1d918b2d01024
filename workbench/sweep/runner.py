"""Sweep points computed in a pool of worker processes, with progress and a quick cancel.

The engine is pure Python, so threads would share one core; worker
processes (forked from a clean server process where the platform has one,
else spawned, never forked from the Qt process) each get the catalog once
and then one small task per point (:func:`engine.sweep.sweep_point`).
Results come back on the UI thread, in whatever order they finish, each
with its index.

Cancel drops every point not yet started at once (the pool's queue is
emptied, and points already handed to a worker see the sweep's stop flag and
return at once) and ignores those still running (one per worker at most):
no result of a cancelled sweep reaches the view, and the workers are free
once their current point is done.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from multiprocessing.synchronize import Event

from PySide6.QtCore import QObject, Signal

from engine.catalog import Catalog
from engine.design import Design
from engine.errors import EngineError
from engine.sweep import SweepPoint, sweep_point

log = logging.getLogger(__name__)
MAX_WORKERS = 6
# in a worker process: the catalog of its sweep, and the flag that stops it
_worker: tuple[Catalog, Event] | None = None


def _start_worker(catalog: Catalog, stop: Event) -> None:
    global _worker
    _worker = (catalog, stop)


def _point(design: Design, key: str, value: float) -> SweepPoint | str | None:
    """One point in a worker; a value the design cannot take is its reason, not a crash;
    ``None`` if the sweep was cancelled before the point started."""
    if _worker is None:
        raise RuntimeError("sweep worker started without a catalog")
    catalog, stop = _worker
    if stop.is_set():
        return None
    try:
        return sweep_point(design, key, value, catalog)
    except EngineError as exc:
        return str(exc)


def worker_count(points: int) -> int:
    """One worker per core but one (the UI keeps a core), at most MAX_WORKERS."""
    return max(1, min(points, MAX_WORKERS, (os.cpu_count() or 2) - 1))


class _Relay(QObject):
    """Carries finished futures from the pool's thread to the UI thread (queued)."""

    done = Signal(int, int, object)        # sweep number, point index, future


class SweepRunner(QObject):
    """Runs one sweep at a time."""

    #: A point is ready: its index in the values and the point (or why it has none).
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
        self._executor: ProcessPoolExecutor | None = None
        self._stop_flag: Event | None = None
        self._futures: list[Future] = []
        self._done = 0

    def is_running(self) -> bool:
        return self._executor is not None

    def idle(self) -> bool:
        """No worker is computing a point (of this sweep or a cancelled one)."""
        return all(f.done() for f in self._futures)

    def start(self, design: Design, key: str, values: Sequence[float],
              catalog: Catalog) -> None:
        """Compute ``design`` with ``key`` at each of ``values`` (a running sweep is
        cancelled first)."""
        self.cancel()
        self._sweep += 1
        self._done = 0
        context = _context()
        self._stop_flag = context.Event()
        self._executor = ProcessPoolExecutor(worker_count(len(values)), context,
                                             _start_worker, (catalog, self._stop_flag))
        self._futures = []
        self.progressed.emit(0, len(values))
        try:
            for index, value in enumerate(values):
                future = self._executor.submit(_point, design, key, value)
                future.add_done_callback(
                    lambda f, s=self._sweep, i=index: self._forward(s, i, f))
                self._futures.append(future)
        except (OSError, RuntimeError) as exc:      # no worker process could start
            log.exception("sweep workers did not start")
            self._stop()
            self.failed.emit(f"the sweep's worker processes did not start: {exc}")
            self.finished.emit(True)

    def cancel(self) -> None:
        """Stop now: pending points are dropped, running ones ignored."""
        if self._executor is None:
            return
        self._stop()
        self.finished.emit(True)

    def _stop(self) -> None:
        self._sweep += 1                       # results of this sweep are stale from now
        executor, self._executor = self._executor, None
        if self._stop_flag is not None:
            self._stop_flag.set()
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    def _forward(self, sweep: int, index: int, future: Future) -> None:
        """In the pool's thread: pass on a current sweep's point (a cancelled sweep's
        points stop here, even after the window has gone)."""
        if sweep == self._sweep:
            self._relay.done.emit(sweep, index, future)

    def _on_done(self, sweep: int, index: int, future: Future) -> None:
        if sweep != self._sweep:
            return                             # a cancelled sweep's point
        try:
            point = future.result()
        except CancelledError:
            return
        except Exception as exc:               # a bug in the engine or a dead worker
            log.exception("sweep point failed")
            self._stop()
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            self.finished.emit(True)
            return
        self._done += 1
        self.point_ready.emit(index, point)
        self.progressed.emit(self._done, len(self._futures))
        if self._done == len(self._futures):
            self._stop()
            self.finished.emit(False)


def _context() -> multiprocessing.context.BaseContext:
    """A start method that never forks the Qt process itself."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() \
        else "spawn"
    return multiprocessing.get_context(method)
