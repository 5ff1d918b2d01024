"""How long a collective takes on a fabric: an NCCL-like alpha-beta model.

For each algorithm a library offers (ring, double binary tree, hierarchical,
NVLink SHARP, IB SHARP) and each NCCL protocol (LL, LL128, Simple) the time
of a message of ``S`` bytes over ``n`` ranks is

    t = latency + (V + fill) / B

- ``V`` is the data one rank moves: ``2(n-1)/n * S`` for a ring all-reduce,
  ``(n-1)/n * S`` for all-gather and reduce-scatter (Thakur et al. 2005;
  nccl-tests doc/PERFORMANCE.md);
- ``latency`` is NCCL's own model: a base per algorithm and protocol plus a
  per-step hardware latency, NVLink for steps inside a scale-up domain and
  network for the steps that cross it (NCCL 2.27 src/graph/tuning.cc
  ``baseLat``/``hwLat``, read in the hardware reference). NCCL's network
  constants are InfiniBand's; a NIC link whose fabric is slower per step
  (EFA, RoCE) carries its own figures (:class:`~engine.catalog.specs.StepLatency`);
- ``B`` is the narrowest tier the group crosses: the scale-up bandwidth per
  accelerator, or the NIC bandwidth of the group's members in one server
  (a ring leaves a server once per channel, so a server's NICs add up),
  capped per protocol by NCCL's per-architecture limits (``llMaxBws``,
  ``perChMaxRingLL128Bws``, ``perChMaxTreeBws``);
- ``fill`` is Hockney's half-performance length ``n_1/2``: measured busbw
  approaches its peak as ``V / (V + fill)``, reaching half of it when a rank
  moves ``fill`` bytes. NCCL's Simple protocol and NVLS ramp up this way;
  its size is calibrated (see ``FILL_BYTES``).

Where a design is calibrated on the user's own nccl-tests
(:mod:`engine.interop.calibration`), the latency the fit measured beyond
this model on a tier (``Tier.calibrated_latency_s``: launch and software
overheads) is added to every collective whose group tops out on that tier,
whatever the algorithm, so the library's choice is unchanged.

The library's choice is the fastest algorithm-protocol pair for each size,
as NCCL's tuner picks. Everything is vectorised over message sizes: a
64-point bandwidth curve is one call. Every result names its bottleneck and
says how long each tier's links are busy while it runs (``tier_busy_s``:
the bytes an accelerator's share of that tier carries over its bandwidth),
so the load of every link of a design can be shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from engine.errors import InputError, Problem
from engine.fabric import Fabric, Tier
from engine.phrases import Template

# What limits a collective at a size (its bottleneck), as a display may translate it.
TIER_LINK = Template("{tier} ({link}{note})")
MESH_NOTE = Template(": {used} of {links} mesh links")
IN_SWITCH = Template("{tier} in-switch reduction")
LATENCY_LIMIT = Template("latency ({steps:,} steps)")
PROTOCOL_LIMIT = Template("NCCL {protocol} limit")
TREE_LIMIT = Template("NCCL tree limit")

OPS = ("all_reduce", "all_gather", "reduce_scatter", "all_to_all", "broadcast")
ALGORITHMS = ("auto", "ring", "tree", "hierarchical", "nvls", "sharp")
PROTOCOLS = ("LL", "LL128", "Simple")
US = 1e-6

# NCCL 2.27 tuning.cc (hardware reference, latency_models): microseconds.
BASE_LATENCY_US = {"ring": (6.6, 14.0, 8.4), "tree": (6.8, 14.0, 8.4)}
HW_LATENCY_US = {
    "nvlink": {"ring": (0.6, 1.9, 3.4), "tree": (0.6, 1.25, 4.0)},
    "pci": {"ring": (1.0, 2.5, 5.7), "tree": (1.0, 1.9, 4.0)},
    "net": {"ring": (2.7, 4.0, 14.0), "tree": (5.0, 8.5, 14.0)},
}
NVLS_HW_LATENCY_US = 25.0         # NVLINK NVLS Simple; base taken as Simple's 8.4
SHARP_HW_LATENCY_US = 31.0        # NET CollNetDirect Simple

# NCCL's per-architecture protocol limits, GB/s (tuning.cc). LL: bus bandwidth for
# 1 node / 2 nodes / more; LL128 and tree: per channel.
LL_MAX_GBPS = {"volta": (39.0, 39.0, 20.4), "ampere": (87.7, 22.5, 19.0),
               "hopper": (141.0, 45.0, 35.0), "blackwell": (282.0, 90.0, 70.0)}
LL128_PER_CHANNEL_GBPS = {"volta": 20.0, "ampere": 20.0, "hopper": 36.7, "blackwell": 40.0}
TREE_PER_CHANNEL_GBPS = {"volta": (26.5, 18.5, 10.0), "ampere": (24.0, 23.6, 17.8),
                         "hopper": (38.7, 41.4, 36.0), "blackwell": (38.7, 41.4, 36.0)}
ARCH_OF_LINK = {"nvlink2": "volta", "nvlink3": "ampere", "nvlink4": "hopper",
                "nvlink5": "blackwell"}
DEFAULT_ARCH = "ampere"           # non-NVIDIA fabrics: no published constants of their own
LL128_DATA_FRACTION = 120 / 128   # LL128 lines carry 120 data bytes in 128

# Calibrated against the two published nccl-tests sweeps (8x A100, 8x H100) in
# tests/data/calibration/published_runs.yaml: the half-performance lengths of Simple and
# NVLS; NVLS algorithm bandwidth as a fraction of the NVLink line rate (480 GB/s busbw on
# 450 GB/s NVLink 4 gives 0.61; SimAI's H100 NVLS constant 475 gives 0.60); LL128
# channels = scale-up links / 2.
FILL_BYTES = {"LL": 0.0, "LL128": 0.0, "Simple": 56e6}
NVLS_FILL_BYTES = 16e6
NVLS_EFFICIENCY = 0.60
TREE_BANDWIDTH_SHARE = 0.92      # tuning.cc: tree busBw = min(busBw * .92, nCh * perChMaxTreeBw)


@dataclass(frozen=True)
class Candidate:
    """One algorithm-protocol pair at every size."""

    name: str
    time: np.ndarray        # seconds per size
    limit: np.ndarray       # what limits it at each size
    busy: np.ndarray        # tiers x sizes: seconds each tier's links are busy


@dataclass(frozen=True)
class CollectiveResult:
    """One collective at each message size (arrays aligned with ``bytes``)."""

    op: str
    ranks: int
    bytes: np.ndarray
    time_s: np.ndarray
    algbw_GBps: np.ndarray
    busbw_GBps: np.ndarray
    algorithm: np.ndarray        # e.g. "ring/LL128"
    bottleneck: np.ndarray       # tier or link that limits the bandwidth
    tier_busy_s: np.ndarray      # tiers x sizes: seconds each tier's links carry traffic

    def tier_load(self) -> np.ndarray:
        """Fraction of each tier's bandwidth in use while the collective runs (tiers x sizes).

        The bottleneck tier of a bandwidth-bound collective is near 1; a
        tier the group never crosses is 0.
        """
        return np.divide(self.tier_busy_s, self.time_s, out=np.zeros_like(self.tier_busy_s),
                         where=self.time_s > 0)

    def row(self, index: int = 0) -> dict[str, object]:
        """One size as the JSON contract's keys."""
        return {"op": self.op, "bytes": int(self.bytes[index]), "ranks": self.ranks,
                "algorithm": str(self.algorithm[index]),
                "time_s": float(self.time_s[index]),
                "algbw_GBps": float(self.algbw_GBps[index]),
                "busbw_GBps": float(self.busbw_GBps[index]),
                "bottleneck": str(self.bottleneck[index])}


def bus_factor(op: str, n: int) -> float:
    """nccl-tests' busbw / algbw (doc/PERFORMANCE.md)."""
    if op == "all_reduce":
        return 2 * (n - 1) / n
    if op == "broadcast":
        return 1.0
    return (n - 1) / n


@dataclass(frozen=True)
class _Group:
    """Where a group's ranks sit in the fabric."""

    n: int
    members: list[int]     # members inside one unit of each tier
    top: int               # highest tier the group crosses (-1: a single rank)
    arch: str
    tier0_hw: str

    @property
    def nodes(self) -> int:
        """Scale-up domains the group spans."""
        return self.n // self.members[0]


def _group(fabric: Fabric, n: int, stride: int) -> _Group:
    members = fabric.members(n, stride)
    top = -1
    for level, m in enumerate(members):
        if m > (members[level - 1] if level else 1):
            top = level
    tier0 = fabric.tiers[0]
    hw = "pci" if tier0.link.startswith("pcie") else "nvlink"
    return _Group(n, members, top, ARCH_OF_LINK.get(tier0.link, DEFAULT_ARCH), hw)


def mesh_share(tier: Tier, members: int) -> float:
    """Share of a full mesh's scale-up bandwidth that ``members`` of its accelerators use.

    In a full mesh (xGMI on MI300X, HCCS on Ascend 910B) an accelerator's
    bandwidth is spread over links to each of its ``fanout - 1`` peers, and a
    group of ``k`` reaches only the ``k - 1`` links among them (AMD's MI300X
    platform guide: each GPU has seven 64 GB/s links, one per peer). Other
    scale-up fabrics switch the whole bandwidth to any peer, and a lone
    member does not reach the mesh's links at all (1: nothing to share).
    """
    if tier.kind != "mesh" or tier.fanout < 2 or members < 2:
        return 1.0
    return (min(members, tier.fanout) - 1) / (tier.fanout - 1)


def _mesh_note(tier: Tier, members: int) -> str:
    """What a group smaller than its mesh uses, for a bottleneck's name ("" otherwise)."""
    if mesh_share(tier, members) >= 1.0:
        return ""
    return MESH_NOTE(used=members - 1, links=tier.fanout - 1)


def _ring_bandwidth(fabric: Fabric, g: _Group, level: int) -> float:
    """Bandwidth per rank of a ring at ``level``: what leaves one unit of the tier below is
    shared by the group's members in that unit (a server's NICs add up); in a mesh, the
    links among the members."""
    tier = fabric.tiers[level]
    if level == 0:
        return tier.bandwidth_Bps * mesh_share(tier, g.members[0])
    return g.members[level - 1] * tier.bandwidth_Bps


def _ring_bound(fabric: Fabric, g: _Group) -> tuple[float, str]:
    """Bandwidth per rank of a ring over the group, and the tier that sets it."""
    best, name = math.inf, ""
    for level in range(g.top + 1):
        bandwidth = _ring_bandwidth(fabric, g, level)
        if g.members[level] > (g.members[level - 1] if level else 1) and bandwidth < best:
            tier = fabric.tiers[level]
            note = _mesh_note(tier, g.members[0]) if level == 0 else ""
            best, name = bandwidth, TIER_LINK(tier=tier.name, link=tier.link, note=note)
    return best, name


def _ring_busy(fabric: Fabric, g: _Group, volume: np.ndarray) -> np.ndarray:
    """Seconds each tier is busy while a ring moves ``volume`` bytes per rank.

    Inside the scale-up domain every rank moves its volume (if the group has
    more than one member there); every tier up to the group's top carries
    what leaves the units below it.
    """
    busy = np.zeros((len(fabric.tiers), volume.size))
    if g.members[0] > 1:     # of all the tier's links (a mesh group uses a share of them)
        busy[0] = volume / fabric.tiers[0].bandwidth_Bps
    for level in range(1, g.top + 1):
        busy[level] = volume / _ring_bandwidth(fabric, g, level)
    return busy


def _on_tier(fabric: Fabric, level: int, seconds: np.ndarray) -> np.ndarray:
    """``seconds`` of traffic on tier ``level`` alone, as a tiers x sizes array."""
    busy = np.zeros((len(fabric.tiers), seconds.size))
    busy[level] = seconds
    return busy


def _ll_cap(g: _Group) -> float:
    caps = LL_MAX_GBPS[g.arch]
    return 1e9 * (caps[0] if g.nodes == 1 else caps[1] if g.nodes == 2 else caps[2])


def _channels(fabric: Fabric) -> int:
    return max(1, fabric.tiers[0].links_per_accelerator // 2)


def network_step_latency(fabric: Fabric, protocol: int, algo: str) -> float:
    """Seconds of one step through the servers' NICs and one switch: the NIC link's own
    figures where its fabric has them (EFA), else NCCL's InfiniBand constants plus what the
    fabric adds (RoCE's Ethernet switch hop)."""
    step = fabric.tiers[1].step_latency
    if step.by_protocol_s:
        return step.by_protocol_s[protocol]
    return HW_LATENCY_US["net"][algo][protocol] * US + step.extra_s


def _inter_latency(fabric: Fabric, g: _Group, protocol: int, algo: str) -> float:
    """Per-step latency of a step that crosses the network (one switch plus deeper hops)."""
    return network_step_latency(fabric, protocol, algo) + fabric.tiers[g.top].deeper_latency_s


def _ring(fabric: Fabric, g: _Group, op: str, S: np.ndarray) -> list[Candidate]:
    n = g.n
    steps = 2 * (n - 1) if op == "all_reduce" else n - 1
    inter_steps = (2 if op == "all_reduce" else 1) * (g.nodes - 1)
    volume = bus_factor(op, n) * S if op != "broadcast" else S
    bound, where = _ring_bound(fabric, g)
    busy = _ring_busy(fabric, g, volume * np.ones_like(S))
    caps = {"LL": _ll_cap(g),
            "LL128": _channels(fabric) * LL128_PER_CHANNEL_GBPS[g.arch] * 1e9,
            "Simple": math.inf}
    out = []
    for p, proto in enumerate(PROTOCOLS):
        bandwidth = min(bound * (LL128_DATA_FRACTION if proto == "LL128" else 1.0), caps[proto])
        latency = (BASE_LATENCY_US["ring"][p] +
                   (steps - inter_steps) * HW_LATENCY_US[g.tier0_hw]["ring"][p]) * US
        if inter_steps:
            latency += inter_steps * _inter_latency(fabric, g, p, "ring")
        limit = where if bandwidth == bound or proto == "Simple" else \
            PROTOCOL_LIMIT(protocol=proto)
        out.append(_timed(f"ring/{proto}", latency, (volume + FILL_BYTES[proto]) / bandwidth,
                          limit, steps, busy))
    return out


def _timed(name: str, latency: float, transfer: np.ndarray, limit: str, steps: int,
           busy: np.ndarray) -> Candidate:
    """A candidate's time, and what limits it at each size: latency or a tier's bandwidth."""
    slow = np.asarray(latency > transfer)
    label = np.empty(slow.shape, dtype=object)     # of phrases (np.where would make them str)
    label[...] = limit
    label[slow] = LATENCY_LIMIT(steps=steps)
    return Candidate(name, latency + transfer, label, busy)


def _tree(fabric: Fabric, g: _Group, S: np.ndarray) -> list[Candidate]:
    """Double binary tree all-reduce: chain inside a server, binary trees across servers."""
    if g.nodes < 2:
        return []
    bound, where = _ring_bound(fabric, g)
    per_channel = TREE_PER_CHANNEL_GBPS[g.arch][0 if g.nodes == 1 else 1 if g.nodes == 2 else 2]
    cap = _channels(fabric) * per_channel * 1e9
    bandwidth = min(bound * TREE_BANDWIDTH_SHARE, cap)
    volume = 2 * (g.n - 1) / g.n * S
    busy = _ring_busy(fabric, g, volume)        # a tree moves the same bytes over the same tiers
    out = []
    for p, proto in enumerate(PROTOCOLS):
        if proto == "LL":
            bw = min(bandwidth, _ll_cap(g))
        elif proto == "LL128":
            bw = bandwidth * LL128_DATA_FRACTION
        else:
            bw = bandwidth
        latency = (BASE_LATENCY_US["tree"][p] + 2 * (g.members[0] - 1) *
                   HW_LATENCY_US[g.tier0_hw]["tree"][p]) * US + \
            2 * math.ceil(math.log2(g.nodes)) * network_step_latency(fabric, p, "tree")
        limit = where if bw == bound else TREE_LIMIT()
        depth = 2 * (g.members[0] - 1 + math.ceil(math.log2(g.nodes)))
        out.append(_timed(f"tree/{proto}", latency, volume / bw, limit, depth, busy))
    return out


def _nvls(fabric: Fabric, g: _Group, S: np.ndarray) -> list[Candidate]:
    """NVLink SHARP: the NVSwitch reduces, so each GPU moves ``S`` once each way."""
    tier = fabric.tiers[0]
    if g.top != 0 or not tier.in_network_reduction:
        return []
    bandwidth = tier.line_Bps * NVLS_EFFICIENCY
    latency = (BASE_LATENCY_US["ring"][2] + NVLS_HW_LATENCY_US) * US
    return [_timed("nvls/Simple", latency, (S + NVLS_FILL_BYTES) / bandwidth,
                   IN_SWITCH(tier=tier.name), 2, _on_tier(fabric, 0, S / bandwidth))]


def _hierarchical(fabric: Fabric, g: _Group, S: np.ndarray, sharp: bool) -> \
        list[Candidate]:
    """Reduce-scatter in the server, all-reduce across servers per rail, all-gather back."""
    if g.nodes < 2 or g.top < 1:
        return []
    inner = g.members[0]
    per_rail = _Group(g.nodes, [1] + [max(1, m // inner) for m in g.members[1:]], g.top,
                      g.arch, g.tier0_hw)
    shard = S / inner
    if sharp:
        tiers = fabric.tiers[1: g.top + 1]
        if not all(t.in_network_reduction for t in tiers):
            return []
        bandwidth = min(t.bandwidth_Bps for t in tiers)
        cross = (SHARP_HW_LATENCY_US * US + fabric.tiers[g.top].latency_s) + shard / bandwidth
        busy = sum(_on_tier(fabric, level, shard / fabric.tiers[level].bandwidth_Bps)
                   for level in range(1, g.top + 1))
        name, where = "sharp", IN_SWITCH(tier=fabric.tiers[1].name)
    else:
        rails = _ring(fabric, per_rail, "all_reduce", shard)
        cross = np.min(np.stack([c.time for c in rails]), axis=0)
        busy = rails[0].busy
        name, where = "hierarchical", _ring_bound(fabric, per_rail)[1]
    if inner > 1:
        intra = _Group(inner, [inner] * len(fabric.tiers), 0, g.arch, g.tier0_hw)
        steps = _ring(fabric, intra, "reduce_scatter", S)
        cross = cross + 2 * np.min(np.stack([c.time for c in steps]), axis=0)
        busy = busy + 2 * steps[0].busy
    limit = np.empty(S.shape, dtype=object)
    limit[...] = where                    # a phrase kept whole (np.full would make it str)
    return [Candidate(f"{name}/Simple", cross, limit, busy)]


def _all_to_all(fabric: Fabric, g: _Group, S: np.ndarray) -> list[Candidate]:
    """Every rank sends S/n to every other; each tier carries what leaves the units below it."""
    worst, where = np.zeros_like(S), ""
    slowest = 0.0
    busy = np.zeros((len(fabric.tiers), S.size))
    for level in range(g.top + 1):
        tier = fabric.tiers[level]
        inside = g.members[level - 1] if level else 1
        share = (g.n - inside) / g.n
        if tier.kind == "torus":
            per_rank = _torus_bisection_per_rank(tier)
            seconds = (S / 2) / per_rank if share else 0.0 * S
        else:
            seconds = S * share / tier.bandwidth_Bps
        busy[level] = seconds
        note = ""
        if level == 0:
            seconds = seconds / mesh_share(tier, g.members[0])
            note = _mesh_note(tier, g.members[0])
        if float(np.max(seconds)) > slowest:
            slowest = float(np.max(seconds))
            where = TIER_LINK(tier=tier.name, link=tier.link, note=note)
        worst = np.maximum(worst, seconds)
    step = network_step_latency(fabric, 2, "ring") if g.top >= 1 else \
        HW_LATENCY_US[g.tier0_hw]["ring"][2] * US
    latency = BASE_LATENCY_US["ring"][2] * US + step + fabric.tiers[max(g.top, 0)].latency_s
    return [_timed("direct/Simple", latency, worst, where, 1, busy)]


def _torus_bisection_per_rank(tier: Tier) -> float:
    """Bisection bandwidth of a torus divided by the ranks on one side."""
    dims = tier.dims or (tier.fanout,)
    largest = max(dims)
    per_link = tier.bandwidth_Bps / max(1, 2 * sum(1 for d in dims if d > 1))
    cut_links = 2 * (math.prod(dims) // largest) * (2 if largest > 2 else 1)
    return cut_links * per_link / (math.prod(dims) / 2)


def _torus_ring(fabric: Fabric, g: _Group, op: str, S: np.ndarray) -> \
        list[Candidate]:
    """Bidirectional rings along every torus dimension at once (TPU-style all-reduce)."""
    tier = fabric.tiers[0]
    if tier.kind != "torus" or g.top != 0:
        return []
    dims = [d for d in tier.dims if d > 1] or [g.n]
    steps = sum((2 if op == "all_reduce" else 1) * (d - 1) for d in dims)
    volume = bus_factor(op, g.n) * S if op != "broadcast" else S
    latency = (BASE_LATENCY_US["ring"][2] + steps * HW_LATENCY_US["nvlink"]["ring"][2]) * US
    transfer = volume / tier.bandwidth_Bps
    return [_timed("torus/Simple", latency, transfer,
                   TIER_LINK(tier=tier.name, link=tier.link, note=""), steps,
                   _on_tier(fabric, 0, transfer * np.ones_like(S)))]


def collective(fabric: Fabric, op: str, nbytes: np.ndarray | float | int, ranks: int | None = None,
               stride: int = 1, algorithm: str = "auto") -> CollectiveResult:
    """Time of ``op`` on ``ranks`` accelerators ``stride`` apart, at each size in ``nbytes``.

    ``ranks`` defaults to the whole fabric. ``algorithm`` forces one family
    (``ring``, ``tree``, ``hierarchical``, ``nvls``, ``sharp``), optionally with
    a protocol (``ring/Simple``); ``auto`` picks
    the fastest for each size, as NCCL's tuner does (IB SHARP is never picked
    automatically: NCCL uses it only with the CollNet plugin).
    """
    problems = []
    if op not in OPS:
        problems.append(Problem("op", f"must be one of {', '.join(OPS)}, got {op!r}"))
    family, _, protocol = algorithm.partition("/")
    if family not in ALGORITHMS or protocol not in ("", *PROTOCOLS):
        problems.append(Problem("algorithm", f"must be one of {', '.join(ALGORITHMS)}, "
                                f"got {algorithm!r}"))
    sizes = np.atleast_1d(np.asarray(nbytes, dtype=float))
    if np.any(~np.isfinite(sizes)) or np.any(sizes <= 0):
        problems.append(Problem("bytes", "message sizes must be positive"))
    for tier in fabric.tiers:
        if not tier.bandwidth_Bps > 0:
            problems.append(Problem("", f"{tier.name} has no bandwidth "
                                    f"({tier.bandwidth_Bps:g} B/s)"))
    if problems:
        raise InputError(problems)
    n = fabric.ranks if ranks is None else ranks
    g = _group(fabric, n, stride)
    if n == 1:
        zero = np.zeros_like(sizes)
        return CollectiveResult(op, 1, sizes, zero, np.full_like(sizes, np.inf),
                                zero, np.full(sizes.shape, "local", dtype=object),
                                np.full(sizes.shape, "none", dtype=object),
                                np.zeros((len(fabric.tiers), sizes.size)))
    candidates = [c for c in _candidates(fabric, g, op, sizes, family)
                  if not protocol or c.name.endswith("/" + protocol)]
    if not candidates:
        raise InputError([Problem("algorithm", f"{algorithm} is not available for {op} on "
                                  f"this group ({n} ranks)")])
    times = np.stack([c.time * np.ones_like(sizes) for c in candidates])
    pick = np.argmin(times, axis=0)
    columns = np.arange(sizes.size)
    time = times[pick, columns] + fabric.tiers[g.top].calibrated_latency_s
    names = np.array([c.name for c in candidates], dtype=object)[pick]
    limits = np.stack([np.broadcast_to(np.asarray(c.limit, dtype=object), sizes.shape)
                       for c in candidates])[pick, columns]
    busy = np.stack([c.busy for c in candidates])[pick, :, columns].T
    algbw = sizes / time / 1e9
    return CollectiveResult(op, n, sizes, time, algbw, algbw * bus_factor(op, n), names, limits,
                            busy)


def _candidates(fabric: Fabric, g: _Group, op: str, S: np.ndarray, algorithm: str) -> \
        list[Candidate]:
    if op == "all_to_all":
        return _all_to_all(fabric, g, S)
    families = {
        "ring": lambda: _torus_ring(fabric, g, op, S) or _ring(fabric, g, op, S),
        "tree": lambda: _tree(fabric, g, S) if op == "all_reduce" else [],
        "hierarchical": lambda: _hierarchical(fabric, g, S, sharp=False)
        if op == "all_reduce" else [],
        "nvls": lambda: _nvls(fabric, g, S) if op == "all_reduce" else [],
        "sharp": lambda: _hierarchical(fabric, g, S, sharp=True) if op == "all_reduce" else [],
    }
    if algorithm != "auto":
        return families[algorithm]()
    out = []
    for name in ("ring", "tree", "hierarchical", "nvls"):
        out.extend(families[name]())
    return out


def point_to_point(fabric: Fabric, nbytes: np.ndarray | float, distance: int) -> np.ndarray:
    """Seconds to send ``nbytes`` from a rank to the rank ``distance`` places away.

    The pair meets at the first tier whose units hold both; the message pays
    that tier's latency and its bandwidth per accelerator, in a mesh the one
    link between the two (pipeline stages send activations this way).
    """
    sizes = np.asarray(nbytes, dtype=float)
    if distance < 1 or distance >= fabric.ranks:
        raise InputError([Problem("distance", f"must be 1 to {fabric.ranks - 1}, "
                                  f"got {distance}")])
    level = next(k for k in range(len(fabric.tiers)) if fabric.span(k) > distance)
    tier = fabric.tiers[level]
    if level:
        step = network_step_latency(fabric, 2, "ring") + tier.deeper_latency_s
    else:
        step = HW_LATENCY_US["pci" if tier.link.startswith("pcie") else "nvlink"]["ring"][2] * US
    latency = BASE_LATENCY_US["ring"][2] * US + step
    bandwidth = tier.bandwidth_Bps * (mesh_share(tier, 2) if level == 0 else 1.0)
    return latency + sizes / bandwidth
