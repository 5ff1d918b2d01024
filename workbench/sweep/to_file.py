"""A sweep run on a backend straight into a results file, chunk by chunk.

Rows are written as their chunks come back (in point order, :mod:`.stream`), so
memory holds a window of chunks and one Parquet row group whatever the sweep's
size. Ctrl+C stops the sweep and keeps the rows written so far; any other failure
leaves the output as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from engine.catalog import Catalog
from engine.design_space.chunks import columns
from engine.design_space.plan import SweepPlan
from workbench.sweep.backends import Backend
from workbench.sweep.results_file import ResultsWriter
from workbench.sweep.stream import chunk_size, stream_rows


@dataclass(frozen=True)
class Written:
    """How many points are in the file, and whether Ctrl+C stopped the sweep first."""

    points: int
    interrupted: bool = False


def sweep_to_file(plan: SweepPlan, catalog: Catalog, backend: Backend,
                  path: str | os.PathLike[str], size: int | None = None,
                  on_progress: Callable[[int], object] | None = None) -> Written:
    """Evaluate every point of ``plan`` on ``backend`` into ``path`` (.parquet or .csv),
    ``size`` points per task (default :func:`~.stream.chunk_size`); ``on_progress`` gets
    the number of points written after each chunk."""
    writer = ResultsWriter(path, columns(plan), [a.key for a in plan.axes])
    rows = stream_rows(backend, plan, catalog, size or chunk_size(plan.size, backend.workers))
    try:
        for _, chunk_rows in rows:
            writer.write(chunk_rows)
            if on_progress is not None:
                on_progress(writer.rows)
    except KeyboardInterrupt:
        rows.close()
        writer.commit()
        return Written(writer.rows, interrupted=True)
    except BaseException:
        rows.close()
        writer.discard()
        raise
    writer.commit()
    return Written(writer.rows)
