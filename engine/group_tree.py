"""Questions about the group tree of a design (groups nest through ``parent``)."""

from __future__ import annotations

from collections.abc import Iterable

from engine.design import Design, Node


def with_subgroups(design: Design, group_ids: Iterable[str]) -> set[str]:
    """The groups and every group nested in them, at any depth."""
    out = set(group_ids)
    grew = True
    while grew:
        more = {g.id for g in design.groups if g.parent in out} - out
        out |= more
        grew = bool(more)
    return out


def nodes_within(design: Design, group_id: str) -> list[Node]:
    """Nodes held by the group or by any group nested in it, in design order."""
    inner = with_subgroups(design, [group_id])
    return [n for n in design.nodes if n.group in inner]
