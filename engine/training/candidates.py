"""Every valid configuration of a job, evaluated at once: memory, time and FLOPs."""

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


@dataclass(frozen=True)
class Candidates:
    """Aligned arrays over the configurations that passed the divisibility rules."""

    job: Job
    grid: Grid
    time: Breakdown
    memory: Memory
    model_flops: np.ndarray        # per iteration
    hardware_flops: np.ndarray     # per iteration, recomputation included
    rejected: Counter[str]         # divisibility reasons and how many broke each

    @property
    def fits(self) -> np.ndarray:
        return self.memory.total <= self.job.machine.accelerator.memory_bytes

    def __len__(self) -> int:
        return len(self.grid)


def evaluate_candidates(job: Job) -> Candidates:
    """Enumerate the job's configurations and compute everything about each."""
    workload = job.workload
    found = enumerate_grid(job.model, workload.parallelism, job.machine.gpus,
                           workload.global_batch)
    grid = found.grid
    flops = np.array([iteration_flops(job.model, job.tokens_per_iteration, mode)
                      for mode in RECOMPUTE])
    return Candidates(
        job=job, grid=grid, time=iteration_time(job, grid),
        memory=memory_per_gpu(job.model, grid, workload.global_batch, workload.options),
        model_flops=flops[grid.recompute, 0], hardware_flops=flops[grid.recompute, 1],
        rejected=found.rejected)
