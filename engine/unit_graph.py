"""Which physical unit connects to which, as index arithmetic on numpy arrays.

A box's units inside a scope are numbered in mixed radix: the box's own
replica first, then the replica of each group up to the scope, the outermost
group varying fastest. A ``spread`` link sends link ``i`` of source unit
``u`` to target unit ``(u * count + i) mod targets`` within each instance of
its scope (docs/format.md), so with the numbering above a server's NIC ``k``
lands in plane ``k`` when the planes are replicas of a group.

Only servers and switches are numbered, never accelerators: the 16,384-GPU
example has 2,048 servers and about 35,000 cables, a few hundred kilobytes
of integers.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np

from engine.design import Design, Link
from engine.structure import group_chain, scope, units, units_in_scope


def outer_radix(design: Design, scope_id: str | None) -> int:
    """Instances of ``scope_id`` and everything above it: the fast digits of a global index."""
    return math.prod(g.replicas for g in group_chain(design, scope_id))


def spread_edges(design: Design, link: Link) -> tuple[np.ndarray, np.ndarray]:
    """Global unit indices of both ends of every cable of a ``spread`` link."""
    return spread_edges_of(design, [link])[0]


def spread_edges_of(design: Design, links: list[Link]) -> list[tuple[np.ndarray, np.ndarray]]:
    """:func:`spread_edges` of each of ``links``, computed together: a few array
    operations over every cable, not a dozen per link (a design of 20,000 links)."""
    if not links:
        return []
    shape = np.array([_spread_shape(design, link) for link in links], dtype=np.int64)
    n_source, count, n_target, instances = shape.T
    per_scope = n_source * count                  # cables in one instance of the scope
    cables = per_scope * instances
    ends = np.cumsum(cables)
    link_of = np.repeat(np.arange(len(links)), cables)
    k = np.arange(ends[-1]) - (ends - cables)[link_of]    # cable number within its link
    instance, j = np.divmod(k, per_scope[link_of])        # j = local source * count + hop
    wide = instances[link_of]
    src = j // count[link_of] * wide + instance
    dst = j % n_target[link_of] * wide + instance
    return list(zip(np.split(src, ends[:-1]), np.split(dst, ends[:-1]), strict=True))


def _spread_shape(design: Design, link: Link) -> tuple[int, int, int, int]:
    """Source units and targets in one instance of the link's scope, its count, and the
    instances of the scope."""
    source, target = design.node(link.source), design.node(link.target)
    where = scope(design, link)
    return (units_in_scope(design, source, where), link.count,
            units_in_scope(design, target, where), outer_radix(design, where))


class UnitGraph:
    """Cables between units of a design's boxes, for reachability questions."""

    def __init__(self, design: Design, links: list[Link]) -> None:
        self.design = design
        #: per box, the boxes its cables go to: (other box, unit here, unit there) per cable
        self._cables: dict[str, list[tuple[str, np.ndarray, np.ndarray]]] = defaultdict(list)
        spread = [link for link in links if link.pattern == "spread"]
        for link, (src, dst) in zip(spread, spread_edges_of(design, spread), strict=True):
            self._cables[link.source].append((link.target, src, dst))
            self._cables[link.target].append((link.source, dst, src))
        self._units = {node.id: units(design, node) for node in design.nodes}

    def reach(self, box: str, unit: int, allowed: set[str], stop: set[str]) -> \
            dict[str, np.ndarray]:
        """Units reachable from ``box``'s ``unit`` through cables between ``allowed`` boxes.

        Returns, per box reached (``box`` included), a boolean mask over its
        units. Boxes in ``stop`` are reached but not crossed (a server does
        not forward between switches). A step costs one pass over the cables
        of the box it leaves, not a sort.
        """
        seen = {box: self._mask(box)}
        seen[box][unit] = True
        frontier = [box]
        while frontier:
            current = frontier.pop()
            for there, mine, theirs in self._cables.get(current, ()):
                if there not in allowed:
                    continue
                reached = theirs[seen[current][mine]]
                mask = seen.get(there)
                if mask is None:
                    mask = seen[there] = self._mask(there)
                fresh = reached[~mask[reached]]
                if fresh.size:
                    mask[fresh] = True
                    if there not in stop:
                        frontier.append(there)
        return {name: mask for name, mask in seen.items() if mask.any()}

    def _mask(self, box: str) -> np.ndarray:
        return np.zeros(self._units[box], dtype=bool)
