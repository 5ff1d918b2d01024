"""Undo commands: one small class per kind of edit, touching only the document.

Commands call :class:`~workbench.document.document.Document` mutators and nothing
else; the canvas, inspector and summary follow because the document
announces each change. Removals remember the index they took an item from,
so undo restores the file's order exactly. Edits made of several steps
(delete a selection, drop a template, paste, group) run their steps in order
and undo them in reverse, from Python, so a refused step raises normally
(see ``Document.push``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from engine.design import Design, Group
from engine.structure import group_chain
from workbench.document.document import Document, Item, kind_of
from workbench.document.grouping import with_subgroups

Position = tuple[float, float]
NUDGE_ID = 1   # QUndoCommand.id() of keyboard nudges, which merge


def _label(item: Item) -> str:
    return getattr(item, "name", "") or item.id


class InsertCommand(QUndoCommand):
    """Add one node, link or group (at the end unless ``index`` is given)."""

    def __init__(self, doc: Document, item: Item, index: int | None = None,
                 text: str = "") -> None:
        super().__init__(text or f"Add {_label(item)}")
        self._doc, self._item = doc, item
        self._index = len(doc.items(kind_of(item))) if index is None else index

    def redo(self) -> None:
        self._doc.insert(self._index, self._item)

    def undo(self) -> None:
        self._doc.remove(kind_of(self._item), self._item.id)


class RemoveCommand(QUndoCommand):
    """Take out one item, remembering where it was."""

    def __init__(self, doc: Document, kind: str, item_id: str, text: str = "") -> None:
        super().__init__(text or f"Remove {item_id}")
        self._doc, self._kind, self._id = doc, kind, item_id
        self._index, self._item = 0, doc.item(kind, item_id)

    def redo(self) -> None:
        self._index, self._item = self._doc.remove(self._kind, self._id)

    def undo(self) -> None:
        self._doc.insert(self._index, self._item)


class ReplaceCommand(QUndoCommand):
    """Swap an item for a new version of itself: a property change, collapse, regroup."""

    def __init__(self, doc: Document, old: Item, new: Item, text: str = "") -> None:
        super().__init__(text or f"Change {_label(old)}")
        self._doc, self._old, self._new = doc, old, new

    def redo(self) -> None:
        self._doc.replace(self._new)

    def undo(self) -> None:
        self._doc.replace(self._old)


class SettingsCommand(QUndoCommand):
    """Replace the workload, cost or reliability settings (or the design's name)."""

    def __init__(self, doc: Document, section: str, new: Any, text: str = "") -> None:
        super().__init__(text or f"Change {section}")
        self._doc, self._section, self._new = doc, section, new
        self._old = getattr(doc.design, section)

    def redo(self) -> None:
        self._doc.set_settings(self._section, self._new)

    def undo(self) -> None:
        self._doc.set_settings(self._section, self._old)


class ReplaceDesignCommand(QUndoCommand):
    """Swap the file's whole design, scenarios included (restoring unsaved work after a
    crash is one undoable step); undo brings back the scenario that was active."""

    def __init__(self, doc: Document, new: Design, text: str) -> None:
        super().__init__(text)
        self._doc, self._old, self._new = doc, doc.file_design, new
        self._old_active = doc.active_scenario

    def redo(self) -> None:
        self._doc.replace_design(self._new)

    def undo(self) -> None:
        self._doc.replace_design(self._old, self._old_active)


class MoveNodesCommand(QUndoCommand):
    """Nodes to new positions: one per mouse drag; keyboard nudges merge."""

    def __init__(self, doc: Document, moves: dict[str, tuple[Position, Position]],
                 nudge: bool = False) -> None:
        what = next(iter(moves)) if len(moves) == 1 else f"{len(moves)} nodes"
        super().__init__(f"{'Nudge' if nudge else 'Move'} {what}")
        self._doc, self._moves, self._nudge = doc, dict(moves), nudge

    def redo(self) -> None:
        self._apply(1)

    def undo(self) -> None:
        self._apply(0)

    def _apply(self, which: int) -> None:
        for node_id, ends in self._moves.items():
            node = self._doc.node(node_id)
            self._doc.replace(dataclasses.replace(node, position=ends[which]))

    def id(self) -> int:
        return NUDGE_ID if self._nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveNodesCommand) or other._moves.keys() != self._moves.keys():
            return False
        self._moves = {k: (old, other._moves[k][1]) for k, (old, _) in self._moves.items()}
        return True


class CompositeCommand(QUndoCommand):
    """Steps run in order on redo and in reverse on undo."""

    def __init__(self, text: str, steps: Sequence[QUndoCommand]) -> None:
        super().__init__(text)
        self._steps = list(steps)

    def redo(self) -> None:
        for step in self._steps:
            step.redo()

    def undo(self) -> None:
        for step in reversed(self._steps):
            step.undo()


def delete_items(doc: Document, node_ids: Iterable[str] = (), link_ids: Iterable[str] = (),
                 group_ids: Iterable[str] = ()) -> CompositeCommand:
    """Delete nodes, links and groups; a group goes with everything in it, a node with its
    links. Links leave first and groups last (innermost first), so each step is valid."""
    design = doc.design
    groups = with_subgroups(design, group_ids)
    nodes = set(node_ids) | {n.id for n in design.nodes if n.group in groups}
    links = set(link_ids) | {lk.id for lk in design.links if {lk.source, lk.target} & nodes}
    inner_first = sorted(groups, key=lambda g: -len(group_chain(design, g)))
    steps = [*(RemoveCommand(doc, "link", i) for i in _in_order(design.links, links)),
             *(RemoveCommand(doc, "node", i) for i in _in_order(design.nodes, nodes)),
             *(RemoveCommand(doc, "group", i) for i in inner_first)]
    count = len(links) + len(nodes) + len(groups)
    only = next(iter(nodes | groups | links)) if count == 1 else f"{count} items"
    return CompositeCommand(f"Delete {only}", steps)


def add_fragment(doc: Document, fragment: Design, text: str) -> CompositeCommand:
    """Add a fragment's groups, nodes and links (a template drop, a paste) as one step;
    its ids must already be free in ``doc`` (see :mod:`workbench.document.fragments`)."""
    steps = [InsertCommand(doc, item, len(doc.items(kind_of(item))) + offset)
             for items in (fragment.groups, fragment.nodes, fragment.links)
             for offset, item in enumerate(items)]
    return CompositeCommand(text, steps)


def group_items(doc: Document, group: Group, node_ids: Iterable[str],
                group_ids: Iterable[str] = ()) -> CompositeCommand:
    """A new group around some nodes and groups (it joins their common parent)."""
    steps: list[QUndoCommand] = [InsertCommand(doc, group)]
    steps += [ReplaceCommand(doc, doc.node(i), dataclasses.replace(doc.node(i), group=group.id))
              for i in node_ids]
    steps += [ReplaceCommand(doc, doc.group(i), dataclasses.replace(doc.group(i),
                                                                    parent=group.id))
              for i in group_ids]
    return CompositeCommand(f"Group into {_label(group)}", steps)


def ungroup(doc: Document, group_id: str) -> CompositeCommand:
    """Dissolve a group into its parent. Members take over its replicas, so the design
    keeps the same number of units."""
    group = doc.group(group_id)
    steps: list[QUndoCommand] = []
    for node in doc.design.nodes:
        if node.group == group_id:
            new = dataclasses.replace(node, group=group.parent,
                                      replicas=node.replicas * group.replicas)
            steps.append(ReplaceCommand(doc, node, new))
    for child in doc.design.groups:
        if child.parent == group_id:
            new_group = dataclasses.replace(child, parent=group.parent,
                                            replicas=child.replicas * group.replicas)
            steps.append(ReplaceCommand(doc, child, new_group))
    steps.append(RemoveCommand(doc, "group", group_id))
    return CompositeCommand(f"Ungroup {_label(group)}", steps)


def set_collapsed(doc: Document, group_id: str, collapsed: bool) -> ReplaceCommand:
    group = doc.group(group_id)
    verb = "Collapse" if collapsed else "Expand"
    return ReplaceCommand(doc, group, dataclasses.replace(group, collapsed=collapsed),
                          f"{verb} {_label(group)}")


def _in_order(items: Sequence[Item], ids: set[str]) -> list[str]:
    """Ids in the design's order, so undo restores the order they had."""
    return [item.id for item in items if item.id in ids]
