"""Bus bandwidth against message size over the design's machine, nccl-tests style.

One vectorised call of the collectives model (:func:`engine.collectives.collective`)
per operation, over 64 message sizes from 8 B to 16 GiB spaced evenly on a
log scale (nccl-tests' ``-b 8 -e 16G -f 2`` takes 32 powers of two), on
every accelerator of the design's largest island, as ``all_reduce_perf``
run with one process per GPU would. Each size keeps the algorithm NCCL's
tuner would pick and the tier or limit that bounds it, and its bus
bandwidth's 80% band (:func:`engine.network.collective_trust`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.catalog import AcceleratorSpec
from engine.collectives import CollectiveResult, collective
from engine.errors import EngineError
from engine.fabric import Fabric
from engine.network import NetworkReport, collective_trust
from engine.units import GIB

OPS = ("all_reduce", "all_gather", "reduce_scatter", "all_to_all")
SIZES = np.round(np.geomspace(8, 16 * GIB, 64))


@dataclass(frozen=True)
class BandwidthCurves:
    """One collective result per operation, aligned on :data:`SIZES`."""

    accelerator: str
    ranks: int
    curves: dict[str, CollectiveResult]
    bands: dict[str, tuple[np.ndarray, np.ndarray]]    # op -> busbw's low and high ends


def bandwidth_curves(network: NetworkReport) -> BandwidthCurves:
    """Every operation of :data:`OPS` over the largest island, at every size of :data:`SIZES`."""
    main = network.main()
    fabric = main.topology.fabric
    if fabric.ranks < 2:
        raise EngineError("one accelerator: there is no collective to time")
    curves = {op: collective(fabric, op, SIZES) for op in OPS}
    return BandwidthCurves(fabric.accelerator, fabric.ranks, curves,
                           {op: _busbw_band(result, fabric, main.accelerator)
                            for op, result in curves.items()})


def _busbw_band(result: CollectiveResult, fabric: Fabric,
                accelerator: AcceleratorSpec) -> tuple[np.ndarray, np.ndarray]:
    bands = [collective_trust(fabric, accelerator, result, i).bands["busbw_GBps"]
             for i in range(result.bytes.size)]
    return np.array([b.low for b in bands]), np.array([b.high for b in bands])
