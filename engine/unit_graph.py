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
    source, target = design.node(link.source), design.node(link.target)
    where = scope(design, link)
    n_source = units_in_scope(design, source, where)
    n_target = units_in_scope(design, target, where)
    instances = outer_radix(design, where)
    local = np.repeat(np.arange(n_source), link.count)
    hop = np.tile(np.arange(link.count), n_source)
    target_local = (local * link.count + hop) % n_target
    instance = np.arange(instances)
    src = (local[None, :] * instances + instance[:, None]).ravel()
    dst = (target_local[None, :] * instances + instance[:, None]).ravel()
    return src, dst


class UnitGraph:
    """Cables between units of a design's boxes, for reachability questions."""

    def __init__(self, design: Design, links: list[Link]) -> None:
        self.design = design
        #: per box, the boxes its cables go to: (other box, unit here, unit there) per cable
        self._cables: dict[str, list[tuple[str, np.ndarray, np.ndarray]]] = defaultdict(list)
        for link in links:
            if link.pattern == "spread":
                src, dst = spread_edges(design, link)
                self._cables[link.source].append((link.target, src, dst))
                self._cables[link.target].append((link.source, dst, src))

    def reach(self, box: str, unit: int, allowed: set[str], stop: set[str]) -> \
            dict[str, np.ndarray]:
        """Units reachable from ``box``'s ``unit`` through cables between ``allowed`` boxes.

        Returns unit indices per box (sorted), ``box`` included. Boxes in
        ``stop`` are reached but not crossed (a server does not forward
        between switches). Each box's reached units are a boolean mask, so a
        step costs one pass over the cables of the box it leaves, not a sort.
        """
        seen = {box: self._mask(box, [unit])}
        frontier = [box]
        while frontier:
            current = frontier.pop()
            for there, mine, theirs in self._cables.get(current, ()):
                if there not in allowed:
                    continue
                reached = theirs[seen[current][mine]]
                mask = seen.get(there)
                if mask is None:
                    mask = seen[there] = self._mask(there, [])
                fresh = reached[~mask[reached]]
                if fresh.size:
                    mask[fresh] = True
                    if there not in stop:
                        frontier.append(there)
        return {name: np.flatnonzero(mask) for name, mask in seen.items() if mask.any()}

    def _mask(self, box: str, units_set: list[int]) -> np.ndarray:
        mask = np.zeros(units(self.design, self.design.node(box)), dtype=bool)
        mask[units_set] = True
        return mask
