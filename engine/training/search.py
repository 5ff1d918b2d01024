"""The best parallel configurations of a job, and the estimate of the best one.

Every valid configuration's memory is checked at once and those that fit
are timed (:mod:`~engine.training.candidates`), then ranked by a key,
smallest first. The key is
pluggable (:data:`RankingKey`): iteration time by default, and anything
computed from the candidates' arrays, such as cost per run, can rank them.
Configurations within ``TIE`` of each other rank as equals, and the simpler
comes first: less context parallelism, a lower ZeRO stage, less model
parallelism, fewer virtual stages, less recomputation (a compute-bound job
has many equally fast layouts; the plainest is the one to run).
Nothing that does not fit is ever returned by :func:`search`;
:func:`estimate` falls back to the configuration needing least memory,
flagged ``fits_in_memory: false``, so a user who fixed a configuration too
large for the machine still sees by how much.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from engine.errors import InfeasibleConfig
from engine.training.candidates import Candidates, evaluate_candidates
from engine.training.job import Job
from engine.training.result import GIB, TrainingEstimate, estimate_at

RankingKey = Callable[[Candidates], np.ndarray]
TIE = 0.02          # closer than the model's calibration error (median 2.2%): a tie


def by_time(c: Candidates) -> np.ndarray:
    """Iteration time: with the global batch fixed, the same order as time to train."""
    return c.time.iteration


@dataclass(frozen=True)
class SearchResult:
    """The best configurations, and how many others were rejected and why.

    ``rejected`` counts what each rule rejected where it was checked: layouts
    (tp, pp, cp, ep, dp), schedules (a layout with its virtual stages,
    micro-batch and ZeRO stage) and, for memory, whole configurations.
    """

    top: tuple[TrainingEstimate, ...]
    evaluated: int          # configurations that passed the divisibility rules
    fitting: int            # ... and fit in memory (each of them timed)
    rejected: dict[str, int]


def search(job: Job, top: int = 10, key: RankingKey = by_time) -> SearchResult:
    """The ``top`` fitting configurations by ``key``; :class:`InfeasibleConfig` if none fits."""
    c = evaluate_candidates(job)
    if not c.fits.any():
        raise InfeasibleConfig(_nothing_fits(c))
    order = _ranked(c, key)[:top]
    return SearchResult(tuple(estimate_at(c, int(i)) for i in order), c.checked, len(c),
                        dict(c.rejected.most_common()))


def estimate(job: Job, key: RankingKey = by_time) -> TrainingEstimate:
    """The best fitting configuration, or the one needing least memory if none fits."""
    c = evaluate_candidates(job)
    if not len(c):
        raise InfeasibleConfig(_nothing_fits(c))
    return estimate_at(c, int(_ranked(c, key)[0]) if c.fits.any() else 0)


def _ranked(c: Candidates, key: RankingKey) -> np.ndarray:
    """Indices of ``c`` best first: by ``key`` in steps of ``TIE``, then the simpler."""
    value = key(c)
    step = np.floor(np.log(value / value.min()) / np.log1p(TIE))
    g = c.grid
    return np.lexsort((value, g.recompute, g.virtual_stages, g.tp * g.pp, g.zero, g.cp, step))


def _nothing_fits(c: Candidates) -> str:
    """Why no configuration can run: each reason with its count, the closest miss."""
    reasons = "; ".join(f"{reason} ({count:,})" for reason, count in c.rejected.most_common())
    message = f"no parallel configuration of {c.job.model.name} can run on " \
              f"{c.job.machine.gpus:,} x {c.job.machine.accelerator.id}: {reasons}"
    if len(c):
        least = float(np.min(c.memory.total)) / GIB
        capacity = c.job.memory_capacity / GIB
        message += f"; the least memory any needs is {least:.1f} GiB per GPU, " \
                   f"a job may use {capacity:.1f} GiB of the accelerator's"
    return message
