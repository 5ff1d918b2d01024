"""A sweep's chunks run on a backend, their rows handed back in point order as they finish.

At most ``window`` chunks are out past the first one not yet handed back, so neither
this process nor a Dask scheduler holds more than a window of results whatever the
sweep's size, and rows come out in point order whichever worker finished first: the
same file from every backend. Each chunk has one future and is handed back once,
even when Dask ran it twice because a worker died under it.
"""

from __future__ import annotations

import math
import queue
from collections.abc import Iterator

from engine.catalog import Catalog
from engine.design_space.chunks import Rows, evaluate_chunk
from engine.design_space.plan import Chunk, SweepPlan, chunks
from workbench.sweep.backends import Backend, TaskFuture

CHUNKS_PER_WORKER = 8     # enough to even out chunks of unequal cost
MAX_CHUNK = 1000          # points; rows of a chunk are held until it is written
WINDOW_PER_WORKER = 4


def chunk_size(points: int, workers: int) -> int:
    """Points per task: large enough that scheduling is a small part of the time, small
    enough that every worker gets several."""
    return max(1, min(MAX_CHUNK, math.ceil(points / (workers * CHUNKS_PER_WORKER))))


def stream_rows(backend: Backend, plan: SweepPlan, catalog: Catalog, size: int,
                window: int | None = None) -> Iterator[tuple[Chunk, Rows]]:
    """Each chunk of ``size`` points with its rows, in point order. Closing the iterator
    early (Ctrl+C) cancels what has not started."""
    window = window or WINDOW_PER_WORKER * backend.workers
    waiting = chunks(plan, size)
    finished: queue.Queue[int] = queue.Queue()
    out: dict[int, tuple[Chunk, TaskFuture[Rows]]] = {}
    ready: dict[int, tuple[Chunk, Rows]] = {}
    submitted = delivered = 0
    try:
        while True:
            while submitted < delivered + window:
                chunk = next(waiting, None)
                if chunk is None:
                    break
                future = backend.submit(evaluate_chunk, plan, catalog, chunk)
                out[submitted] = (chunk, future)
                future.add_done_callback(lambda _, number=submitted: finished.put(number))
                submitted += 1
            if delivered == submitted:
                return
            number = finished.get()
            chunk, future = out.pop(number)
            ready[number] = (chunk, future.result())
            while delivered in ready:
                yield ready.pop(delivered)
                delivered += 1
    finally:
        for _, future in out.values():
            future.cancel()
