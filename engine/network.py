"""The network section of an evaluation: topology figures and headline collectives.

For each island: its topology (scale-up domain, NICs, levels, bisection) and
the bus bandwidth of all-reduce, all-gather and all-to-all at 1 GiB over the
whole island and within one scale-up domain, each with the algorithm a
library would choose and the tier that limits it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from engine.catalog import AcceleratorSpec, Catalog
from engine.collectives import CollectiveResult, collective
from engine.design import Design
from engine.fabric import Fabric
from engine.results import JsonResult
from engine.sections import HIGHER, FigureSpec, Section
from engine.topology import Island, PathReport, Topology, analyse
from engine.trust import Trust, collective_bands, for_keys

if TYPE_CHECKING:
    from engine.sections import Evaluation

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
    accelerator: AcceleratorSpec = field(metadata={"json": False})   # what bands rest on


@dataclass(frozen=True)
class NetworkReport(JsonResult):
    islands: tuple[IslandReport, ...]
    paths: tuple[PathReport, ...]
    warnings: tuple[str, ...]

    def main(self) -> IslandReport:
        """The largest island: the one a training job would run on."""
        return max(self.islands, key=lambda r: r.topology.accelerators)

    def topology(self) -> Topology:
        """The topology this report was made of (no need to analyse the design again)."""
        return Topology(tuple(r.topology for r in self.islands), self.paths, self.warnings)


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
                                    headline(fabric, fabric.tiers[0].fanout),
                                    catalog.accelerator(island.accelerator)))
    return NetworkReport(tuple(reports), topology.paths, topology.warnings)


def _all_reduce_busbw(network: NetworkReport) -> float | None:
    figure = network.main().machine.get("all_reduce")
    return figure.busbw_GBps if figure is not None else None


def collective_trust(fabric: Fabric, accelerator: AcceleratorSpec, result: CollectiveResult,
                     index: int = 0, stride: int = 1) -> Trust:
    """Bands of one size of a collective (``busbw_GBps``, ``time_s``): the published
    collectives of the accelerator's regime at that message scope; across servers, the
    reason also names what the network steps' latency rests on."""
    crosses = fabric.members(result.ranks, stride)[0] < result.ranks
    basis = fabric.tiers[1].step_latency.basis if crosses else ""
    return Trust(collective_bands(float(result.busbw_GBps[index]), float(result.time_s[index]),
                                  float(result.bytes[index]), crosses,
                                  accelerator, basis))


def network_trust(network: NetworkReport, catalog: Catalog, done: Evaluation) -> Trust:
    """The headline all-reduce's band, and which island it is of when there are several."""
    main = network.main()
    if "all_reduce" not in main.machine:
        return Trust()
    fabric = main.topology.fabric
    bands = collective_trust(fabric, main.accelerator, collective(
        fabric, "all_reduce", HEADLINE_BYTES, fabric.ranks)).bands
    others = " and ".join(f"{r.topology.accelerators:,} x {r.topology.accelerator}"
                          for r in network.islands if r is not main)
    covers = (f"the {main.topology.accelerators:,} x {main.topology.accelerator} island (the "
              f"largest of one accelerator kind); the {others} are other islands") if others else ""
    return Trust({"all_reduce_busbw_GBps": bands["busbw_GBps"]},
                 for_keys(("all_reduce_busbw_GBps",), covers))


NETWORK = Section(
    "network", "Network", NetworkReport,
    lambda design, catalog, done: network_section(design, catalog), trust=network_trust,
    figures=(
        FigureSpec("all_reduce_busbw_GBps", "All-reduce busbw", "GB/s", HIGHER,
                   _all_reduce_busbw, order=40, missing="a single accelerator: no collective",
                   tile=True),
    ))
