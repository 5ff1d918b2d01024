"""The network section of an evaluation: topology figures and headline collectives.

For each island: its topology (scale-up domain, NICs, levels, bisection) and
the bus bandwidth of all-reduce, all-gather and all-to-all at 1 GiB over the
whole island and within one scale-up domain, each with the algorithm a
library would choose and the tier that limits it.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalog import Catalog
from engine.collectives import collective
from engine.design import Design
from engine.fabric import Fabric
from engine.results import JsonResult
from engine.sections import HIGHER, FigureSpec, Section
from engine.topology import Island, PathReport, analyse

HEADLINE_BYTES = 2**30
HEADLINE_OPS = ("all_reduce", "all_gather", "all_to_all")


@dataclass(frozen=True)
class CollectiveFigure:
    ranks: int
    busbw_GBps: float
    time_s: float
    algorithm: str
    bottleneck: str


@dataclass(frozen=True)
class IslandReport:
    topology: Island
    machine: dict[str, CollectiveFigure]           # op -> figure over the whole island
    scale_up_domain: dict[str, CollectiveFigure]   # op -> figure within one domain


@dataclass(frozen=True)
class NetworkReport(JsonResult):
    islands: tuple[IslandReport, ...]
    paths: tuple[PathReport, ...]
    warnings: tuple[str, ...]

    def main(self) -> IslandReport:
        """The largest island: the one a training job would run on."""
        return max(self.islands, key=lambda r: r.topology.accelerators)


def headline(fabric: Fabric, ranks: int) -> dict[str, CollectiveFigure]:
    out = {}
    if ranks < 2:
        return out
    for op in HEADLINE_OPS:
        result = collective(fabric, op, HEADLINE_BYTES, ranks)
        row = result.row()
        out[op] = CollectiveFigure(ranks, row["busbw_GBps"], row["time_s"], row["algorithm"],
                                   row["bottleneck"])
    return out


def network_section(design: Design, catalog: Catalog) -> NetworkReport:
    topology = analyse(design, catalog)
    reports = []
    for island in topology.islands:
        fabric = island.fabric
        reports.append(IslandReport(island, headline(fabric, fabric.ranks),
                                    headline(fabric, fabric.tiers[0].fanout)))
    return NetworkReport(tuple(reports), topology.paths, topology.warnings)


def _all_reduce_busbw(network: NetworkReport) -> float | None:
    figure = network.main().machine.get("all_reduce")
    return figure.busbw_GBps if figure is not None else None


NETWORK = Section(
    "network", "Network", NetworkReport,
    lambda design, catalog, done: network_section(design, catalog),
    figures=(
        FigureSpec("all_reduce_busbw_GBps", "All-reduce busbw", "GB/s", HIGHER,
                   _all_reduce_busbw, order=40, missing="a single accelerator: no collective"),
    ))
