"""How loaded each link of a design is under its busiest collective: the canvas heat overlay.

The busiest collective is the slowest of the network section's headline
collectives (all-reduce, all-gather and all-to-all of 1 GiB over the whole
largest island). The collectives model says what fraction of each fabric
tier's bandwidth it keeps busy (:meth:`CollectiveResult.tier_load`); a design
link takes the load of the tier it belongs to: links entering a network
level that of the level's tier, scale-up links (NVLink cables, a torus)
that of tier 0. Links of other islands, and of a level that joins no more
accelerators than the one below it, carry none of it and are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.collectives import collective
from engine.errors import EngineError
from engine.network import HEADLINE_BYTES, NetworkReport


@dataclass(frozen=True)
class LinkLoads:
    """The collective, and each design link's load: the fraction of its bandwidth in use."""

    op: str
    bytes: float
    ranks: int
    algorithm: str
    bottleneck: str
    loads: dict[str, float]

    @property
    def busiest_link(self) -> str | None:
        """The design link with the highest load (the first in file order among equals)."""
        return max(self.loads, key=self.loads.__getitem__) if self.loads else None


def link_loads(network: NetworkReport) -> LinkLoads:
    """Loads of the design's links under the slowest headline collective of its largest island."""
    report = network.main()
    if not report.machine:
        raise EngineError("one accelerator: there is no collective to load the links")
    op = max(report.machine, key=lambda name: report.machine[name].time_s)
    island = report.topology
    result = collective(island.fabric, op, HEADLINE_BYTES, island.fabric.ranks)
    load = result.tier_load()[:, 0]
    loads = {link: float(load[0]) for link in island.scale_up.links}
    for level in island.levels:
        if level.tier is not None:
            loads.update({link: float(load[level.tier]) for link in level.links})
    return LinkLoads(op, float(HEADLINE_BYTES), result.ranks, str(result.algorithm[0]),
                     str(result.bottleneck[0]), loads)
