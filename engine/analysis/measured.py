"""The user's nccl-tests measurements beside the model's prediction of them.

A sweep (:mod:`engine.interop.nccl_tests`) ran one collective on ``ranks``
accelerators; the model times the same collective on as many ranks of the
design's largest island (the machine the bandwidth panel draws), at the
sweep's sizes, with the design's calibrations applied. The residual of
each size is the model's time over the measured one, minus one (+0.10:
the model is 10% slow), as ``calibrate`` reports its error.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.collectives import collective
from engine.errors import EngineError, InputError
from engine.interop.nccl_tests import Sweep
from engine.network import NetworkReport


@dataclass(frozen=True)
class MeasuredSweep:
    """One sweep's sizes, its measured and modelled bus bandwidth, and the residuals."""

    file: str
    op: str
    ranks: int
    nodes: int
    bytes: np.ndarray
    measured_busbw_GBps: np.ndarray
    model_busbw_GBps: np.ndarray
    residual: np.ndarray            # model time / measured time - 1, per size
    island_ranks: int               # accelerators of the island (the curves' ranks)

    def median_error(self) -> float:
        """The median of the residuals' sizes (0.05: the model is off by 5% at the median)."""
        return float(np.median(np.abs(self.residual)))

    def worst(self) -> int:
        """The index of the size the model misses most."""
        return int(np.argmax(np.abs(self.residual)))


def measured_sweep(network: NetworkReport, sweep: Sweep) -> MeasuredSweep:
    """``sweep`` against the model on the design's largest island; :class:`EngineError` if
    the island has fewer accelerators than the sweep ran on."""
    fabric = network.main().topology.fabric
    if sweep.ranks > fabric.ranks:
        raise EngineError(f"{sweep.file}: measured on {sweep.ranks:,} ranks; the design's "
                          f"largest island has {fabric.ranks:,} accelerators")
    sizes = np.array([p.bytes for p in sweep.points], dtype=float)
    try:
        model = collective(fabric, sweep.op, sizes, sweep.ranks)
    except InputError as exc:
        raise EngineError(f"{sweep.file}: {exc}") from None
    measured_s = np.array([p.time_us for p in sweep.points]) * 1e-6
    return MeasuredSweep(sweep.file, sweep.op, sweep.ranks, sweep.nodes, sizes,
                         np.array([p.busbw_GBps for p in sweep.points]), model.busbw_GBps,
                         model.time_s / measured_s - 1, fabric.ranks)
