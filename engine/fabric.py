"""A machine's network as nested tiers: what a collective sees.

Ranks fill the tiers innermost first (as Megatron and NCCL place them): tier
0 is the scale-up domain (NVLink/NVSwitch, ICI, HCCS ...), tier 1 the
switches the servers' NICs plug into, tier 2 the next switch layer, and so
on. Each tier says how many units of the tier below one of its units joins,
the achievable bandwidth per accelerator for traffic that crosses it (after
link efficiency and the oversubscription of every layer below), and the
one-way latency between two accelerators that first meet there. This is
astra-sim's per-dimension network description (its analytical backend's
``npus_count``, ``bandwidth`` and ``latency`` per dimension), derived from a
drawn design by :mod:`engine.topology` or from a few flags here.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from engine.catalog import AcceleratorSpec, Catalog, LinkSpec
from engine.catalog.specs import NCCL_IB_STEP, StepLatency
from engine.errors import InputError, Problem
from engine.limits import MAX_ACCELERATORS, MAX_NUMBER


@dataclass(frozen=True)
class Tier:
    """One level of the network as an accelerator sees it."""

    name: str                     # "NVLink 4 (scale-up)", "leaf qm9700", ...
    fanout: int                   # units of the tier below in one unit of this tier
    bandwidth_Bps: float          # achievable, per accelerator, one direction
    latency_s: float              # one way between two accelerators meeting here
    link: str                     # link id crossing into this tier (bottleneck naming)
    kind: str = "switch"          # scale-up shape: switch | mesh | ring | torus; "network" above
    in_network_reduction: bool = False
    line_Bps: float = 0.0         # line rate per accelerator before efficiency (NVLS model)
    dims: tuple[int, ...] = ()    # torus shape (tier 0 only)
    links_per_accelerator: int = 0   # scale-up links of one accelerator (NCCL channel count)
    hops: int = 2                 # links one way between two accelerators meeting here
    calibrated_latency_s: float = 0.0   # measured per collective whose group tops out here
    step_latency: StepLatency = NCCL_IB_STEP   # network tiers: one NCCL step across them

    @property
    def deeper_latency_s(self) -> float:
        """Latency beyond a single switch (NIC, switch, NIC): what deeper levels add."""
        return self.latency_s * max(0, self.hops - 2) / self.hops if self.hops else 0.0


@dataclass(frozen=True)
class Fabric:
    """The tiers of one island of identical accelerators."""

    accelerator: str
    tiers: tuple[Tier, ...]

    @property
    def ranks(self) -> int:
        return math.prod(t.fanout for t in self.tiers)

    def span(self, level: int) -> int:
        """Accelerators in one unit of tier ``level``."""
        return math.prod(t.fanout for t in self.tiers[: level + 1])

    def members(self, size: int, stride: int = 1) -> list[int]:
        """Members of a group (``size`` ranks, ``stride`` apart) inside one unit of each tier.

        A group of 16 with stride 8 on 8-GPU servers has 1 member per server
        (tier 0), and so on up; the last entry is ``size``.
        """
        if size < 1 or stride < 1 or (size - 1) * stride + 1 > self.ranks:
            raise InputError([Problem("", f"a collective over {size} ranks with stride {stride} "
                                      f"needs {size * stride} accelerators; this design has "
                                      f"{self.ranks}")])
        out = []
        for level in range(len(self.tiers)):
            out.append(max(1, min(size, self.span(level) // stride)))
        out[-1] = size
        return out


def nic_link_for(catalog: Catalog, accelerator: AcceleratorSpec, nic_gbps: float | None,
                 nic_link: str | None = None) -> LinkSpec:
    """The reference server's NIC type (or the link ``nic_link``), or the same kind of link
    at ``nic_gbps``."""
    base = catalog.link(nic_link or accelerator.server.nic_link)
    if nic_gbps is None or math.isclose(base.bandwidth_Bps * 8 / 1e9, nic_gbps):
        return base
    same_kind = [lk for lk in catalog.links.values()
                 if lk.kind == base.kind and math.isclose(lk.bandwidth_Bps * 8 / 1e9, nic_gbps)]
    if same_kind:
        return same_kind[0]
    return dataclasses.replace(base, id=f"{base.id}@{nic_gbps:g}G",
                               bandwidth_Bps=nic_gbps * 1e9 / 8)


def scale_up_tier(catalog: Catalog, accelerator: AcceleratorSpec, domain: int) -> Tier:
    """Tier 0 for ``domain`` accelerators joined by the accelerator's own scale-up fabric."""
    up = accelerator.scale_up
    link = catalog.link(up.link)
    return Tier(
        name=f"{link.name} (scale-up)", fanout=domain,
        bandwidth_Bps=up.bandwidth_Bps * link.efficiency, latency_s=link.latency_s,
        link=link.id, kind=up.topology, in_network_reduction=up.in_network_reduction,
        line_Bps=up.bandwidth_Bps,
        links_per_accelerator=max(1, round(up.bandwidth_Bps / link.bandwidth_Bps)),
        calibrated_latency_s=link.calibrated_latency_s)


def fabric_from_hardware(catalog: Catalog, accelerator: str, gpus: int,
                         gpus_per_node: int | None = None, nic_gbps: float | None = None,
                         nics_per_node: int | None = None, nic_link: str | None = None) -> \
        Fabric:
    """A cluster described by flags: servers of one scale-up domain on a non-blocking fat tree.

    Defaults come from the accelerator's reference server (``catalog``); ``nic_link`` names
    another catalog link for the NICs (EFA on a B200 server, say).
    """
    spec = catalog.accelerator(accelerator)
    per_node = gpus_per_node or spec.server.accelerators
    nics = spec.server.nics if nics_per_node is None else nics_per_node
    problems = []
    for flag, value in (("--gpus", gpus), ("--gpus-per-node", per_node)):
        if not 1 <= value <= MAX_ACCELERATORS:
            problems.append(Problem(flag, f"must be 1 to {MAX_ACCELERATORS:,}, got {value}"))
    if nic_gbps is not None and not 0 < nic_gbps <= MAX_NUMBER:
        problems.append(Problem("--nic-gbps", f"must be > 0, got {nic_gbps:g}"))
    if gpus % per_node and gpus > per_node:
        problems.append(Problem("--gpus", f"{gpus} is not a whole number of "
                                f"{per_node}-GPU servers"))
    if problems:
        raise InputError(problems)
    domain = min(per_node, gpus)
    tiers = [scale_up_tier(catalog, spec, domain)]
    nodes = gpus // domain
    if nodes > 1:
        if nics < 1:
            raise InputError([Problem("--nics-per-node", "servers need NICs to reach each "
                                      "other; got 0")])
        link = nic_link_for(catalog, spec, nic_gbps, nic_link)
        tiers.append(Tier(
            name=f"{link.name} fat tree", fanout=nodes,
            bandwidth_Bps=nics * link.bandwidth_Bps * link.efficiency / domain,
            latency_s=2 * link.latency_s, link=link.id, kind="network",
            line_Bps=nics * link.bandwidth_Bps / domain,
            calibrated_latency_s=link.calibrated_latency_s, step_latency=link.step_latency))
    return Fabric(spec.id, tuple(tiers))
