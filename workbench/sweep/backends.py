"""Where sweep chunks are evaluated: this process, a local process pool, or a Dask cluster.

One seam for the command line and the sweep window: a backend takes a pure function
and its arguments (:func:`engine.design_space.chunks.evaluate_chunk` and a chunk)
and returns a future with ``result()``, ``cancel()`` and ``add_done_callback()``,
whichever of the three runs it. The process pool never forks the calling process
(a forkserver where the platform has one, else spawn), so it is safe under Qt.
Dask's futures are retried on another worker when theirs dies; the caller writes
rows by point number, so a retried chunk still lands once (:mod:`.stream`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class TaskFuture(Protocol[T]):
    """What :class:`concurrent.futures.Future` and :class:`distributed.Future` share."""

    def result(self) -> T: ...

    def cancel(self) -> Any: ...

    def add_done_callback(self, fn: Callable[[Any], object]) -> Any: ...


class Backend(Protocol):
    """Runs tasks; ``workers`` says how many at once."""

    workers: int

    def submit(self, fn: Callable[..., T], *args: Any) -> TaskFuture[T]: ...

    def close(self) -> None: ...


class InProcess:
    """Each task runs when it is submitted, here (tests, and one core with no start-up);
    a task's error is raised by ``submit``."""

    workers = 1

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        future: Future[T] = Future()
        future.set_result(fn(*args))
        return future

    def close(self) -> None:
        """Nothing to stop."""


class ProcessPool:
    """``workers`` processes of this machine (one per core by default)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool = ProcessPoolExecutor(self.workers, _context(), _leave_interrupts)

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        return self._pool.submit(fn, *args)

    def close(self) -> None:
        """Drop tasks not started; running ones finish in the background."""
        self._pool.shutdown(wait=False, cancel_futures=True)


class DaskCluster:
    """A Dask scheduler's workers: an existing cluster's (``address``) or ``workers``
    local worker processes started here (a ``LocalCluster``, one thread each)."""

    def __init__(self, address: str | None = None, workers: int | None = None) -> None:
        from distributed import Client, LocalCluster  # Dask loads only when asked for

        self._cluster = None
        if address is None:
            self._cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1,
                                         threads_per_worker=1, processes=True,
                                         dashboard_address=None)
        self.client = Client(self._cluster if self._cluster is not None else address)
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable[..., T], *args: Any) -> TaskFuture[T]:
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def open_backend(workers: int | None = None, dask_workers: int | None = None,
                 scheduler: str | None = None) -> Backend:
    """The backend the command line's flags ask for: Dask when given a scheduler or
    a worker count for it, else in-process for ``workers == 0``, else a process pool."""
    if scheduler is not None or dask_workers is not None:
        return DaskCluster(scheduler, dask_workers)
    if workers == 0:
        return InProcess()
    return ProcessPool(workers)


def _leave_interrupts() -> None:
    """In a pool worker: Ctrl+C is for the process that owns the pool, which stops the
    sweep and keeps its rows; the workers finish their task or are cancelled."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _context() -> multiprocessing.context.BaseContext:
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() \
        else "spawn"
    return multiprocessing.get_context(method)
