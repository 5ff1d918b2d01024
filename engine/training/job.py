"""What a training estimate is about: a model, a workload and the machine it runs on."""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog import AcceleratorSpec, ModelSpec
from engine.design import Workload
from engine.errors import InputError, Problem
from engine.fabric import Fabric
from engine.training.model import Transformer, transformer


@dataclass(frozen=True)
class Machine:
    """Identical accelerators joined by ``fabric``; ranks fill its tiers innermost first."""

    accelerator: AcceleratorSpec
    fabric: Fabric

    @property
    def gpus(self) -> int:
        return self.fabric.ranks

    def peak_flops(self, precision: str) -> float:
        """Dense peak FLOP/s in ``precision``; an input error if the part has no such unit."""
        peak = self.accelerator.peak_flops(precision)
        if not peak:
            have = [p for p in ("bf16", "fp16", "fp8") if self.accelerator.peak_flops(p)]
            raise InputError([Problem("precision", f"{self.accelerator.id} has no {precision} "
                                      f"peak (it has {', '.join(have)})")])
        return peak

    def compute_share(self, reserved_sms: int) -> float:
        """Share of the peak left to computation while communication kernels hold
        ``reserved_sms`` SMs; an input error when the SM count is unknown or all taken."""
        if not reserved_sms:
            return 1.0
        sms = self.accelerator.sms
        if sms is None or reserved_sms >= sms:
            why = "its SM count is not in the catalog" if sms is None else f"it has {sms}"
            raise InputError([Problem("options.reserved_comm_sms",
                                      f"{self.accelerator.id} cannot reserve {reserved_sms} "
                                      f"SMs for communication: {why}")])
        return (sms - reserved_sms) / sms


@dataclass(frozen=True)
class Job:
    """A workload's model at its sequence length, on a machine."""

    model: Transformer
    workload: Workload
    machine: Machine

    @property
    def tokens_per_iteration(self) -> int:
        return self.workload.global_batch * self.model.seq_len

    @property
    def memory_capacity(self) -> float:
        """Bytes per accelerator the job may fill (``options.usable_memory`` of the device)."""
        return self.machine.accelerator.memory_bytes * self.workload.options.usable_memory


def job_for(spec: ModelSpec, workload: Workload, machine: Machine) -> Job:
    """The job of training ``spec`` as ``workload`` says on ``machine``."""
    machine.peak_flops(workload.precision)
    machine.compute_share(workload.options.reserved_comm_sms)
    return Job(transformer(spec, workload.seq_len), workload, machine)
