"""How many physical things a design's boxes stand for.

A node's units are its ``replicas`` times the replicas of every group that
holds it. A link's scope is the innermost group that holds both its ends
(``None`` for the top level); within one replica of that scope each unit of
the source has ``count`` links (docs/format.md). Everything here is
arithmetic on a few dozen boxes, never an expansion into units.
"""

from __future__ import annotations

import math

from engine.design import Design, Group, Link, Node


def group_chain(design: Design, group_id: str | None) -> list[Group]:
    """The group and its ancestors, innermost first (a cycle stops after every group)."""
    chain: list[Group] = []
    while group_id is not None and len(chain) <= len(design.groups):
        try:
            group = design.group(group_id)
        except KeyError:
            break
        chain.append(group)
        group_id = group.parent
    return chain


def units(design: Design, node: Node) -> int:
    """Physical units a node stands for across the whole design."""
    return node.replicas * math.prod(g.replicas for g in group_chain(design, node.group))


def scope(design: Design, link: Link) -> str | None:
    """Innermost group holding both ends of ``link`` (``None``: the top level)."""
    source_group, target_group = design.node(link.source).group, design.node(link.target).group
    if source_group is None or target_group is None:
        return None
    source_groups = [g.id for g in group_chain(design, source_group)]
    target_groups = {g.id for g in group_chain(design, target_group)}
    return next((g for g in source_groups if g in target_groups), None)


def scope_replicas(design: Design, scope_id: str | None) -> int:
    """How many instances of a scope the whole design holds."""
    return math.prod(g.replicas for g in group_chain(design, scope_id))


def units_in_scope(design: Design, node: Node, scope_id: str | None) -> int:
    """Units of ``node`` inside one instance of ``scope_id``."""
    total = node.replicas
    for group in group_chain(design, node.group):
        if group.id == scope_id:
            break
        total *= group.replicas
    return total


def physical_links(design: Design, link: Link) -> int:
    """Cables this link stands for across the whole design."""
    source = design.node(link.source)
    where = scope(design, link)
    return cables_per_scope(link, units_in_scope(design, source, where)) \
        * scope_replicas(design, where)


def cables_per_scope(link: Link, n: int) -> int:
    """Cables ``link`` stands for in one instance of its scope, its source having ``n``
    units there."""
    if link.pattern == "spread":
        return n * link.count
    if link.pattern == "mesh":
        return n * (n - 1) // 2 * link.count
    if link.pattern == "ring":
        return (n if n > 2 else n - 1) * link.count
    # torus: each dimension of size d > 2 is a ring per line; d == 2 a single link
    return sum(n if d > 2 else n // 2 for d in link.dims if d > 1) * link.count


def total_accelerators(design: Design) -> int:
    return sum(units(design, n) * n.accelerators for n in design.nodes if n.kind != "switch")
