"""Topology analysis: what a design's links can carry, island by island.

An island is the accelerators of one kind that reach each other. For each,
the analysis derives the scale-up domain (a server's NVLink/NVSwitch, a
torus of TPU chips, accelerators on an NVLink switch), then the network
levels above it by walking the switches outward from the accelerators: how
many accelerators meet at each level, the bandwidth per accelerator that
level leaves them after every oversubscription below it, its latency and
hop count. From these come the bisection bandwidth, whether the fabric is
rail-optimised, and the :class:`~engine.fabric.Fabric` that collectives and
the training model run on.

Boxes stay collapsed: the box graph (networkx) answers connectivity and
paths; unit counts come from :mod:`engine.unit_graph`, which numbers servers
and switches but never accelerators.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from engine.catalog import Catalog, LinkSpec
from engine.design import Design, Link, Node
from engine.errors import InputError, Problem
from engine.fabric import Fabric, Tier, scale_up_tier
from engine.hardware import accelerator_of, switch_of
from engine.phrases import Template
from engine.structure import scope, units, units_in_scope
from engine.unit_graph import UnitGraph

#: A network tier's name: its depth above the servers and its switch boxes.
TIER_NAME = Template("level {depth} ({switches})")


@dataclass(frozen=True)
class ScaleUpReport:
    link: str
    domain: int                    # accelerators in one scale-up domain
    GBps_per_accelerator: float    # achievable, one direction
    topology: str
    in_network_reduction: bool
    links: tuple[str, ...] = ()    # design links inside the domain (NVLink cables, torus)


@dataclass(frozen=True)
class Level:
    """One switch layer above the scale-up domain, as one island's accelerators see it."""

    level: int
    switches: dict[str, int]       # switch id -> units at this layer
    link: str                      # cable type into this layer
    accelerators_per_domain: int   # accelerators that meet at this layer
    GBps_per_accelerator: float    # achievable, one direction, after oversubscription below
    oversubscription: float        # down:up of the layer below (1 = non-blocking)
    latency_us: float              # one way between accelerators that meet here
    hops: int
    nodes: tuple[str, ...] = ()    # the switch boxes of this layer (the cost model prices them)
    links: tuple[str, ...] = ()    # design links entering this layer from below
    tier: int | None = None        # the fabric tier it sets (None: it joins no more accelerators)


@dataclass(frozen=True)
class Island:
    accelerator: str
    accelerators: int
    nodes: tuple[str, ...]
    scale_up: ScaleUpReport
    nics_per_server: int
    scale_out_GBps_per_accelerator: float
    scale_out_GBps_per_rail: float
    rail_optimised: bool
    levels: tuple[Level, ...]
    bisection_TBps: float
    fabric: Fabric = field(metadata={"json": False})


@dataclass(frozen=True)
class PathReport:
    """Shortest path between two accelerator boxes (units of one box: how they meet)."""

    source: str
    target: str
    hops: int
    latency_us: float


@dataclass(frozen=True)
class Topology:
    islands: tuple[Island, ...]
    paths: tuple[PathReport, ...]
    warnings: tuple[str, ...]

    def island(self, accelerator: str | None = None) -> Island:
        """The island of ``accelerator``, or the largest one."""
        if accelerator is None:
            return max(self.islands, key=lambda i: i.accelerators)
        for island in self.islands:
            if island.accelerator == accelerator:
                return island
        raise KeyError(accelerator)


def analyse(design: Design, catalog: Catalog) -> Topology:
    """The topology of every island; raises :class:`InputError` if accelerators are cut off."""
    accel_boxes = [n for n in design.nodes if n.kind != "switch"]
    if not accel_boxes:
        raise InputError([Problem("nodes", "the design has no accelerators")])
    graph = box_graph(design, catalog)
    _check_connected(graph, accel_boxes)
    specs = {lk.id: catalog.link(lk.type) for lk in design.links}
    islands, warnings = [], list(_port_warnings(design, catalog, specs))
    for accelerator, boxes in _islands(design, catalog, accel_boxes).items():
        islands.append(_island(design, catalog, specs, accelerator, boxes))
    paths = _paths(design, graph, islands)
    return Topology(tuple(islands), paths, tuple(warnings))


def box_graph(design: Design, catalog: Catalog) -> nx.Graph:
    """Boxes as vertices, links as edges weighted by one hop's latency (seconds)."""
    graph = nx.Graph()
    for node in design.nodes:
        latency = switch_of(catalog, node).latency_s if node.kind == "switch" else 0.0
        graph.add_node(node.id, kind=node.kind, latency=latency)
    for link in design.links:
        if link.source != link.target:
            spec = catalog.link(link.type)
            graph.add_edge(link.source, link.target, latency=spec.latency_s, link=link.id)
    return graph


def _check_connected(graph: nx.Graph, boxes: list[Node]) -> None:
    component_of = {}
    for index, component in enumerate(nx.connected_components(graph)):
        for box in component:
            component_of[box] = index
    groups: dict[int, list[str]] = defaultdict(list)
    for box in boxes:
        groups[component_of[box.id]].append(box.label)
    if len(groups) > 1:
        parts = sorted(groups.values(), key=len, reverse=True)
        cut = "; ".join(", ".join(p) for p in parts[1:])
        raise InputError([Problem("links", f"accelerators cannot reach each other: "
                                  f"{', '.join(parts[0])} and {cut} share no path")])


def _islands(design: Design, catalog: Catalog, boxes: list[Node]) -> dict[str, list[Node]]:
    """Accelerator boxes by accelerator kind (all are connected: checked before)."""
    out: dict[str, list[Node]] = defaultdict(list)
    for box in boxes:
        out[accelerator_of(catalog, box).id].append(box)
    return dict(out)


def _cables_per_unit(design: Design, link: Link, box: str) -> float:
    """Cables of ``link`` at one unit of ``box`` (one of its ends)."""
    if box == link.source:
        return float(link.count)
    where = scope(design, link)
    n_source = units_in_scope(design, design.node(link.source), where)
    n_target = units_in_scope(design, design.node(link.target), where)
    return n_source * link.count / n_target


def _port_rate(catalog: Catalog, design: Design, link: Link, spec: LinkSpec) -> float:
    """A cable runs at the slower of its own rate and the switch ports it plugs into."""
    rate = spec.bandwidth_Bps
    for end in (link.source, link.target):
        node = design.node(end)
        if node.kind == "switch" and not spec.scale_up:
            rate = min(rate, switch_of(catalog, node).port_Bps)
    return rate


def _scale_up(design: Design, catalog: Catalog, specs: dict[str, LinkSpec],
              boxes: list[Node], unit_graph: UnitGraph) -> tuple[Tier, ScaleUpReport]:
    accel = accelerator_of(catalog, boxes[0])
    box = boxes[0]
    for link in design.links:
        spec = specs[link.id]
        if link.source == link.target == box.id and spec.scale_up:
            return _self_linked(design, accel, box, link, spec)
    domain = min(box.accelerators for box in boxes)
    tier = scale_up_tier(catalog, accel, domain)
    switched = [lk for lk in design.links if specs[lk.id].scale_up and box.id in
                (lk.source, lk.target) and lk.source != lk.target]
    if switched:
        link = switched[0]
        switch_box = link.target if link.source == box.id else link.source
        reached = unit_graph.reach(switch_box, 0, {box.id, switch_box}, {box.id})
        domain = int(np.count_nonzero(reached.get(box.id, False))) * box.accelerators
        spec = specs[link.id]
        per_accel = _cables_per_unit(design, link, box.id) * spec.bandwidth_Bps / \
            box.accelerators
        sw = switch_of(catalog, design.node(switch_box))
        tier = Tier(f"{spec.name} via {sw.name}", domain, per_accel * spec.efficiency,
                    2 * spec.latency_s + sw.latency_s, spec.id, "switch",
                    sw.in_network_reduction, per_accel,
                    links_per_accelerator=round(per_accel / spec.bandwidth_Bps),
                    calibrated_latency_s=spec.calibrated_latency_s)
    report = ScaleUpReport(tier.link, tier.fanout, tier.bandwidth_Bps / 1e9, tier.kind,
                           tier.in_network_reduction)
    return tier, report


def _self_linked(design: Design, accel, box: Node, link: Link, spec: LinkSpec) -> \
        tuple[Tier, ScaleUpReport]:
    """Accelerators joined to each other directly: a ring, a full mesh or a torus."""
    n = units_in_scope(design, box, scope(design, link)) * box.accelerators
    if link.pattern == "torus":
        neighbours = sum(2 if d > 2 else 1 for d in link.dims if d > 1)
    elif link.pattern == "ring":
        neighbours = 2 if n > 2 else 1
    else:
        neighbours = n - 1
    line = neighbours * link.count * spec.bandwidth_Bps
    tier = Tier(f"{spec.name} {link.pattern}", n, line * spec.efficiency,
                spec.latency_s, spec.id, link.pattern, accel.scale_up.in_network_reduction,
                line, link.dims, neighbours * link.count,
                calibrated_latency_s=spec.calibrated_latency_s)
    return tier, ScaleUpReport(spec.id, n, tier.bandwidth_Bps / 1e9, link.pattern,
                               tier.in_network_reduction)


def _island(design: Design, catalog: Catalog, specs: dict[str, LinkSpec], accelerator: str,
            boxes: list[Node]) -> Island:
    box_ids = {b.id for b in boxes}
    total = sum(units(design, b) * b.accelerators for b in boxes)
    out_links = [lk for lk in design.links if not specs[lk.id].scale_up]
    unit_graph = UnitGraph(design, list(design.links))
    tier0, up_report = _scale_up(design, catalog, specs, boxes, unit_graph)
    up_report = dataclasses.replace(up_report, links=tuple(
        lk.id for lk in design.links
        if specs[lk.id].scale_up and {lk.source, lk.target} & box_ids))
    layers = _layers(design, box_ids, out_links)
    tiers, levels = [tier0], []
    nic_bw, rail_bw, rails, rail_optimised = _nics(design, catalog, specs, boxes, layers)
    below = tier0.fanout
    bandwidth = nic_bw
    latency = 0.0
    allowed = set(box_ids)
    for depth, layer in enumerate(layers, start=1):
        allowed |= layer
        lower = allowed - layer
        domain = _smallest_domain(design, unit_graph, layer, allowed, box_ids)
        entry = [lk for lk in out_links if (lk.source in layer) != (lk.target in layer)
                 and (lk.source in lower or lk.target in lower)]
        link_spec = specs[entry[0].id]
        if depth > 1:
            over = max(_oversubscription(design, catalog, specs, box, layer, lower)
                       for box in layers[depth - 2])
            bandwidth /= max(1.0, over)
        else:
            over = 1.0
        if depth == 1:
            nic_step = link_spec.step_latency    # a network step starts at the NICs
        switch_latency = max(switch_of(catalog, design.node(b)).latency_s for b in layer)
        latency += 2 * link_spec.latency_s + (switch_latency if depth == 1 else
                                              2 * switch_latency)
        joins = domain > below
        levels.append(Level(depth, _switch_counts(design, catalog, layer), link_spec.id, domain,
                            bandwidth / 1e9, over, latency * 1e6, 2 * depth,
                            tuple(sorted(layer)), tuple(lk.id for lk in entry),
                            len(tiers) if joins else None))
        if joins:
            tiers.append(Tier(TIER_NAME(depth=depth, switches=", ".join(sorted(layer))),
                              domain // below,
                              bandwidth, latency, link_spec.id, "network",
                              all(switch_of(catalog, design.node(b)).in_network_reduction
                                  for b in layer), bandwidth, hops=2 * depth,
                              calibrated_latency_s=link_spec.calibrated_latency_s,
                              step_latency=nic_step))
            below = (domain // below) * below
    if below < total:
        raise InputError([Problem("links", f"{', '.join(sorted(box_ids))}: the network joins "
                                  f"at most {below:,} of the {total:,} {accelerator} "
                                  "accelerators")])
    fabric = Fabric(accelerator, tuple(tiers))
    top = levels[-1].GBps_per_accelerator * 1e9 if levels else tier0.bandwidth_Bps
    bisection = _bisection(tier0, total, top, bool(levels))
    return Island(accelerator, total, tuple(sorted(box_ids)), up_report, rails,
                  nic_bw / 1e9, rail_bw / 1e9, rail_optimised, tuple(levels),
                  bisection / 1e12, fabric)


def _layers(design: Design, start: set[str], links: list[Link]) -> list[set[str]]:
    """Switch boxes by distance from the island's accelerator boxes."""
    switches = {n.id for n in design.nodes if n.kind == "switch"}
    seen, frontier, layers = set(start), set(start), []
    while frontier:
        nxt = set()
        for link in links:
            for a, b in ((link.source, link.target), (link.target, link.source)):
                if a in frontier and b in switches and b not in seen:
                    nxt.add(b)
        if not nxt:
            break
        seen |= nxt
        layers.append(nxt)
        frontier = nxt
    return layers


def _nics(design: Design, catalog: Catalog, specs: dict[str, LinkSpec], boxes: list[Node],
          layers: list[set[str]]) -> tuple[float, float, int, bool]:
    """Scale-out bandwidth per accelerator and per rail, NICs per server, rail-optimised."""
    if not layers:
        return 0.0, 0.0, 0, False
    per_accel, per_rail, rails, rail_optimised = math.inf, math.inf, 0, True
    for box in boxes:
        total = 0.0
        cables = 0.0
        for link in design.links_of(box.id):
            if specs[link.id].scale_up:
                continue
            other = link.target if link.source == box.id else link.source
            if other not in layers[0]:
                continue
            spec = specs[link.id]
            count = _cables_per_unit(design, link, box.id)
            rate = _port_rate(catalog, design, link, spec) * spec.efficiency
            total += count * rate
            cables += count
            per_rail = min(per_rail, rate)
            where = scope(design, link)
            targets = units_in_scope(design, design.node(other), where)
            rail_optimised &= min(count, targets) > 1
        per_accel = min(per_accel, total / box.accelerators)
        rails = max(rails, round(cables))
    return per_accel, per_rail, rails, rail_optimised


def _smallest_domain(design: Design, graph: UnitGraph, layer: set[str], allowed: set[str],
                     accel_boxes: set[str]) -> int:
    """The fewest accelerators that the first unit of a ``layer`` box reaches.

    Units that forward (switches) and reach each other reach the same
    accelerators, so a box whose first unit an earlier walk reached takes
    that walk's count: one walk per part of the fabric, not one per box.
    """
    counts, known = [], {}
    for box in sorted(layer):
        if box in known:
            counts.append(known[box])
            continue
        reached = graph.reach(box, 0, allowed, accel_boxes)
        count = sum(int(np.count_nonzero(found)) * design.node(b).accelerators
                    for b, found in reached.items() if b in accel_boxes)
        known.update((b, count) for b, found in reached.items() if b in layer and found[0])
        counts.append(count)
    return min(counts)


def _oversubscription(design: Design, catalog: Catalog, specs: dict[str, LinkSpec], box: str,
                      upper: set[str], lower: set[str]) -> float:
    """Bandwidth a switch unit takes from below over what it sends up."""
    down = up = 0.0
    for link in design.links_of(box):
        if link.source == link.target:
            continue
        other = link.target if link.source == box else link.source
        rate = _cables_per_unit(design, link, box) * _port_rate(catalog, design, link,
                                                                specs[link.id])
        if other in upper:
            up += rate
        elif other in lower:
            down += rate
    return down / up if up else math.inf


def _switch_counts(design: Design, catalog: Catalog, layer: set[str]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for box in sorted(layer):
        node = design.node(box)
        counts[switch_of(catalog, node).id] += units(design, node)
    return dict(counts)


def _bisection(tier0: Tier, total: int, top_Bps: float, networked: bool) -> float:
    """Bandwidth across a cut through the middle of the island, one direction.

    Tree-like fabrics: half the accelerators at the top level's bandwidth each.
    A torus cut across its longest dimension severs every ring of that
    dimension twice (the wrap-around), ``count`` links per neighbour pair.
    """
    if networked or tier0.kind != "torus":
        return total / 2 * top_Bps
    dims = [d for d in tier0.dims if d > 1] or [total]
    largest = max(dims)
    neighbours = sum(2 if d > 2 else 1 for d in dims)
    per_pair = max(1, tier0.links_per_accelerator // neighbours)
    per_link = tier0.bandwidth_Bps / max(1, tier0.links_per_accelerator)
    rings_cut = total // largest
    return rings_cut * (2 if largest > 2 else 1) * per_pair * per_link


def _paths(design: Design, graph: nx.Graph, islands: list[Island]) -> tuple[PathReport, ...]:
    """How units of each accelerator box meet, and the shortest path from the first
    accelerator box to each of the others: one search, so rows grow with the boxes,
    not with their pairs."""
    boxes = [b for island in islands for b in island.nodes]
    first = boxes[0]
    _, found = nx.single_source_dijkstra(graph, first, weight="latency")
    out = []
    for box in boxes:
        within = _within(design, box, islands)
        if within:
            out.append(within)
        if box == first:
            out.extend(_path_report(graph, found[b]) for b in boxes if b != first)
    return tuple(out)


def _path_report(graph: nx.Graph, path: list[str]) -> PathReport:
    latency = sum(graph.edges[u, v]["latency"] for u, v in itertools.pairwise(path))
    latency += sum(graph.nodes[v]["latency"] for v in path[1:-1])
    return PathReport(path[0], path[-1], len(path) - 1, latency * 1e6)


def _within(design: Design, box: str, islands: list[Island]) -> PathReport | None:
    """How two units of one box meet: the first level whose domain holds both."""
    node = design.node(box)
    if units(design, node) < 2:
        return None
    island = next(i for i in islands if box in i.nodes)
    for level in island.levels:
        if level.accelerators_per_domain > node.accelerators:
            return PathReport(box, box, level.hops, level.latency_us)
    tier0 = island.fabric.tiers[0]
    return PathReport(box, box, 1, tier0.latency_s * 1e6)


def _port_warnings(design: Design, catalog: Catalog, specs: dict[str, LinkSpec]):
    """Switches given more cables than ports, and cables faster than their ports."""
    for node in design.nodes:
        if node.kind != "switch":
            continue
        switch = switch_of(catalog, node)
        cables = sum(_cables_per_unit(design, lk, node.id) for lk in design.links_of(node.id)
                     if lk.source != lk.target)
        if cables > switch.ports + 1e-9:
            yield (f"{node.label}: {cables:g} cables per switch on {switch.ports} ports "
                   f"({switch.id})")
        for link in design.links_of(node.id):
            spec = specs[link.id]
            if not spec.scale_up and \
                    spec.bandwidth_Bps > switch.port_Bps * (1 + 1e-9):
                yield (f"{link.id}: {spec.name} cables run at {switch.port_Bps * 8 / 1e9:g} "
                       f"Gb/s on {node.label}'s ports")
