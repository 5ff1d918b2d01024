"""The same design at another size: its replicated block repeated more or fewer times.

A design's **block** is the box or group that holds most of its
accelerators at the top level (a pod, a scalable unit, the server box of a
flat design). Scaling sets the block's replicas so the design holds about
the accelerators asked for, and grows or shrinks the switch boxes beside it
(spines over the pods, rail planes' leaves over the servers) in the same
proportion, rounded up, so every layer keeps its ratio of ports down to
ports up. Asked for fewer accelerators than one block holds, the block is
kept once and the block inside it is scaled instead (racks in a pod).

The job's data-parallel degree is left to the search (it must change with
the accelerators); everything else about the workload stays.
"""

from __future__ import annotations

import dataclasses
import math

from engine.design import Design, Group, Node
from engine.errors import EngineError
from engine.structure import group_chain, units_in_scope

Block = Group | Node


def with_accelerators(design: Design, target: int) -> Design:
    """``design`` scaled to about ``target`` accelerators (whole blocks; at least one)."""
    if target < 1:
        raise EngineError(f"cannot scale a design to {target} accelerators")
    replicas = {**{g.id: g.replicas for g in design.groups},
                **{n.id: n.replicas for n in design.nodes}}
    container: str | None = None
    while True:
        block = _largest_block(design, container)
        if block is None:
            raise EngineError("the design has no accelerators to scale")
        per_block = _accelerators_per_replica(design, block)
        inner = isinstance(block, Group) and target < per_block
        new = 1 if inner else max(1, round(target / per_block))
        _scale_switches_beside(design, container, new / block.replicas, replicas)
        replicas[block.id] = new
        if not inner:
            break
        container = block.id
    return _with_replicas(design, replicas)


def _children(design: Design, container: str | None) -> list[Block]:
    return [*(g for g in design.groups if g.parent == container),
            *(n for n in design.nodes if n.group == container)]


def _in_group(design: Design, node: Node, group_id: str) -> bool:
    return any(g.id == group_id for g in group_chain(design, node.group))


def _accelerators_per_replica(design: Design, block: Block) -> int:
    if isinstance(block, Node):
        return block.accelerators if block.kind != "switch" else 0
    return sum(units_in_scope(design, n, block.id) * n.accelerators for n in design.nodes
               if n.kind != "switch" and _in_group(design, n, block.id))


def _largest_block(design: Design, container: str | None) -> Block | None:
    """The child of ``container`` holding most accelerators across its replicas."""
    def held(block: Block) -> int:
        return _accelerators_per_replica(design, block) * block.replicas
    found = [b for b in _children(design, container) if held(b) > 0]
    return max(found, key=held) if found else None


def _scale_switches_beside(design: Design, container: str | None, factor: float,
                           replicas: dict[str, int]) -> None:
    """Switch boxes directly in ``container``, or in its groups that hold no accelerators,
    take ``factor`` times their replicas (rounded up, at least one)."""
    switch_only = {g.id for g in design.groups if g.parent == container
                   and _accelerators_per_replica(design, g) == 0}
    for node in design.nodes:
        if node.kind == "switch" and (node.group == container or node.group in switch_only):
            replicas[node.id] = max(1, math.ceil(node.replicas * factor - 1e-9))


def _with_replicas(design: Design, replicas: dict[str, int]) -> Design:
    workload = design.workload
    return dataclasses.replace(
        design,
        groups=tuple(dataclasses.replace(g, replicas=replicas[g.id]) for g in design.groups),
        nodes=tuple(dataclasses.replace(n, replicas=replicas[n.id]) for n in design.nodes),
        workload=dataclasses.replace(workload, parallelism=dataclasses.replace(
            workload.parallelism, dp=None)))
