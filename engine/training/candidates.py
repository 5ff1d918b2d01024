"""A job's valid configurations, evaluated at once: memory for all, time for those that fit.

Memory is cheap and decides feasibility, so it is computed for every
configuration that passed the divisibility rules; time (the collectives)
only for those that fit, or, when none does, for the one needing least
memory, so that a user still sees how it would run and by how much it does
not fit.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from engine.design import RECOMPUTE
from engine.training.grid import Grid, enumerate_grid
from engine.training.job import Job
from engine.training.memory import Memory, memory_per_gpu
from engine.training.model import iteration_flops
from engine.training.timing import Breakdown, iteration_time

MEMORY_REASON = "needs more memory than the accelerator has"


@dataclass(frozen=True)
class Candidates:
    """Aligned arrays over the configurations that fit (or the closest miss)."""

    job: Job
    grid: Grid
    time: Breakdown
    memory: Memory
    model_flops: np.ndarray        # per iteration
    hardware_flops: np.ndarray     # per iteration, recomputation included
    checked: int                   # configurations that passed the divisibility rules
    rejected: Counter[str]         # each reason and how many it rejected

    @property
    def fits(self) -> np.ndarray:
        return self.memory.total <= self.job.memory_capacity

    def __len__(self) -> int:
        return len(self.grid)


def evaluate_candidates(job: Job) -> Candidates:
    """Enumerate the job's configurations, check their memory and time those that fit."""
    workload = job.workload
    found = enumerate_grid(job.model, workload.parallelism, job.machine.gpus,
                           workload.global_batch, job.machine.fabric.tiers[0].fanout,
                           workload.options.dualpipe)
    memory = memory_per_gpu(job.model, found.grid, workload.global_batch, workload.options,
                            workload.precision)
    fits = memory.total <= job.memory_capacity
    rejected = Counter(found.rejected)
    if not fits.all():
        rejected[MEMORY_REASON] += int((~fits).sum())
    keep = np.flatnonzero(fits) if fits.any() else np.argsort(memory.total)[:1]
    grid = found.grid.take(keep)
    flops = np.array([iteration_flops(job.model, job.tokens_per_iteration, mode)
                      for mode in RECOMPUTE])
    return Candidates(
        job=job, grid=grid, time=iteration_time(job, grid), memory=memory.take(keep),
        model_flops=flops[grid.recompute, 0], hardware_flops=flops[grid.recompute, 1],
        checked=len(found.grid), rejected=rejected)
