"""One training estimate: ``estimate --json``, and the ``training`` of ``evaluate --json``.

Keys are stable (scripts read them): add, never rename.
``model_tflops_per_gpu`` counts model FLOPs (forward and backward);
``hardware_tflops_per_gpu`` adds what recomputation runs again, the figure
Megatron-LM papers report. MFU and HFU divide them by the precision's dense
peak.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.phrases import Template
from engine.results import JsonResult
from engine.training.candidates import Candidates

GIB = 2**30
SECONDS_PER_DAY = 86400.0
#: Shown instead of a time when the workload does not fit in memory.
DOES_NOT_FIT = Template("does not fit: needs {needs:.1f} GiB of {has:.1f} per GPU")


@dataclass(frozen=True)
class ParallelismChoice:
    tp: int
    pp: int
    dp: int
    cp: int
    ep: int
    micro_batch: int
    global_batch: int
    recompute: str
    virtual_stages: int
    zero: int
    sequence_parallel: bool


@dataclass(frozen=True)
class TimeBreakdown:
    """Seconds per iteration (see :class:`engine.training.timing.Breakdown`).

    The iteration is ``compute + bubble + exposed_comm + optimizer``, and
    ``exposed_comm`` is the sum of the ``*_exposed`` parts.
    """

    compute: float
    bubble: float
    tp_comm: float
    pp_comm: float
    dp_comm: float
    cp_comm: float
    ep_comm: float
    optimizer: float
    exposed_comm: float
    tp_exposed: float
    pp_exposed: float
    dp_exposed: float
    cp_exposed: float
    ep_exposed: float


@dataclass(frozen=True)
class MemoryBreakdown:
    """GiB per GPU of the fullest pipeline stage."""

    weights: float
    gradients: float
    optimizer: float
    activations: float
    buffers: float


@dataclass(frozen=True)
class TrainingEstimate(JsonResult):
    iteration_time_s: float
    tokens_per_s: float
    model_tflops_per_gpu: float
    hardware_tflops_per_gpu: float
    mfu: float
    hfu: float
    memory_per_gpu_gib: float
    fits_in_memory: bool
    time_to_train_days: float
    parallelism: ParallelismChoice
    breakdown_s: TimeBreakdown
    memory_breakdown_gib: MemoryBreakdown
    memory_capacity_gib: float
    gpus: int                      # used: tp x pp x dp x cp
    gpus_available: int
    model: str
    accelerator: str
    precision: str
    tokens: float
    fp8_kernels: str = "deepgemm"   # the FP8 GEMM library assumed (training options)

    @property
    def does_not_fit(self) -> str:
        """What to show where the time would be when the workload does not fit, else ``""``:
        a time for a configuration that cannot run is no time at all."""
        if self.fits_in_memory:
            return ""
        return DOES_NOT_FIT(needs=self.memory_per_gpu_gib, has=self.memory_capacity_gib)


def estimate_at(c: Candidates, i: int) -> TrainingEstimate:
    """The estimate of configuration ``i`` of ``c``."""
    job = c.job
    workload, accelerator = job.workload, job.machine.accelerator
    seconds = float(c.time.iteration[i])
    gpus = int(c.grid.gpus[i])
    per_gpu = gpus * seconds
    peak = job.machine.peak_flops(workload.precision)
    model_flops, hardware_flops = float(c.model_flops[i]), float(c.hardware_flops[i])
    tokens_per_s = job.tokens_per_iteration / seconds
    memory = c.memory
    return TrainingEstimate(
        iteration_time_s=seconds, tokens_per_s=tokens_per_s,
        model_tflops_per_gpu=model_flops / per_gpu / 1e12,
        hardware_tflops_per_gpu=hardware_flops / per_gpu / 1e12,
        mfu=model_flops / per_gpu / peak, hfu=hardware_flops / per_gpu / peak,
        memory_per_gpu_gib=float(memory.total[i]) / GIB, fits_in_memory=bool(c.fits[i]),
        time_to_train_days=workload.tokens / tokens_per_s / SECONDS_PER_DAY,
        parallelism=ParallelismChoice(global_batch=workload.global_batch, **c.grid.row(i)),
        breakdown_s=TimeBreakdown(**{name: float(getattr(c.time, name)[i])
                                     for name in TimeBreakdown.__dataclass_fields__}),
        memory_breakdown_gib=MemoryBreakdown(**{
            name: float(getattr(memory, name)[i]) / GIB
            for name in MemoryBreakdown.__dataclass_fields__}),
        memory_capacity_gib=job.memory_capacity / GIB,
        gpus=gpus, gpus_available=job.machine.gpus, model=job.model.name,
        accelerator=accelerator.id, precision=workload.precision, tokens=workload.tokens,
        fp8_kernels=workload.options.fp8_kernels)
