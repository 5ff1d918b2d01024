"""Fragments: pieces of a design (a template, a copied selection) on their way into a document.

A fragment is a :class:`~engine.design.Design` holding only groups, nodes
and links. :func:`extract` cuts one out of a design; :func:`rebase` gives it
ids that are free in the target document and moves it to where it is
dropped or pasted, keeping its internal references intact.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from engine.design import Design
from engine.group_tree import with_subgroups
from workbench.document.document import Document

Point = tuple[float, float]


def extract(design: Design, node_ids: Iterable[str], group_ids: Iterable[str] = ()) -> Design:
    """The chosen nodes and groups (with all they hold) and the links among them."""
    groups = with_subgroups(design, group_ids)
    nodes = set(node_ids) | {n.id for n in design.nodes if n.group in groups}
    return Design(
        name=design.name,
        groups=tuple(dataclasses.replace(g, parent=g.parent if g.parent in groups else None)
                     for g in design.groups if g.id in groups),
        nodes=tuple(dataclasses.replace(n, group=n.group if n.group in groups else None)
                    for n in design.nodes if n.id in nodes),
        links=tuple(lk for lk in design.links if lk.source in nodes and lk.target in nodes))


def centre(fragment: Design) -> Point:
    xs = [n.position[0] for n in fragment.nodes] or [0.0]
    ys = [n.position[1] for n in fragment.nodes] or [0.0]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def rebase(fragment: Design, doc: Document, at: Point) -> Design:
    """``fragment`` with ids free in ``doc`` and its centre moved to ``at``."""
    ids = {kind: _fresh_ids(doc, kind, [i.id for i in items])
           for kind, items in (("group", fragment.groups), ("node", fragment.nodes),
                               ("link", fragment.links))}
    cx, cy = centre(fragment)
    dx, dy = at[0] - cx, at[1] - cy
    group_ids, node_ids = ids["group"], ids["node"]
    return Design(
        name=fragment.name,
        groups=tuple(dataclasses.replace(g, id=group_ids[g.id],
                                         parent=group_ids.get(g.parent or "", None))
                     for g in fragment.groups),
        nodes=tuple(dataclasses.replace(n, id=node_ids[n.id],
                                        group=group_ids.get(n.group or "", None),
                                        position=(n.position[0] + dx, n.position[1] + dy))
                    for n in fragment.nodes),
        links=tuple(dataclasses.replace(lk, id=ids["link"][lk.id], source=node_ids[lk.source],
                                        target=node_ids[lk.target])
                    for lk in fragment.links))


def _fresh_ids(doc: Document, kind: str, wanted: list[str]) -> dict[str, str]:
    taken: set[str] = set()
    out = {}
    for item_id in wanted:
        out[item_id] = doc.fresh_id(kind, item_id, taken)
        taken.add(out[item_id])
    return out
