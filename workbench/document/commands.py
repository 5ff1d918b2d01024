"""Undo commands: each edit one :class:`EditCommand`, touching only the document.

A command folds the steps of its edit (:mod:`workbench.document.state`)
over the document's state when it is made, and the document checks the
result then, once, however many items it touches: a refused edit raises
there and never becomes a command. Redo and undo swap the whole state in
(:meth:`~workbench.document.document.Document.show`), so undo gives back
exactly what was there and the views follow from what the document
announces. Edits of many items (delete a selection, drop a template, paste,
group, move) are one command, one check and one ``changed``.

Scenarios are edited the same way (duplicate, rename, delete, switch).
Switching is an undo step like any edit: item commands act on whichever
scenario is active, so undoing past a switch must switch back first. A
duplicate becomes the active scenario (the user wants to change it next);
deleting the active scenario shows its neighbour.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand

from engine.design import Design, Group
from engine.group_tree import with_subgroups
from engine.scenarios import unique_name
from widgets.content.texts import translate
from workbench.document.document import Document
from workbench.document.state import (
    Item,
    Position,
    Step,
    appended,
    file_replaced,
    inserted,
    kind_of,
    moved,
    removed,
    renamed,
    replaced,
    scenario_inserted,
    scenario_removed,
    settings_asked,
    settings_set,
    switched,
    without,
)

NUDGE_ID = 1   # QUndoCommand.id() of keyboard nudges, which merge


def _label(item: Item) -> str:
    return getattr(item, "name", "") or item.id


class EditCommand(QUndoCommand):
    """One undo step: the document's state before the edit and after it."""

    def __init__(self, doc: Document, text: str, *steps: Step) -> None:
        super().__init__(text)
        self._doc = doc
        self.before = doc.state
        after = self.before
        for step in steps:
            after = step(after)
        doc.check(after)
        self.after = after

    def redo(self) -> None:
        self._doc.show(self.after)

    def undo(self) -> None:
        self._doc.show(self.before)


class InsertCommand(EditCommand):
    """Add one node, link or group (at the end unless ``index`` is given)."""

    def __init__(self, doc: Document, item: Item, index: int | None = None,
                 text: str = "") -> None:
        at = len(doc.items(kind_of(item))) if index is None else index
        super().__init__(doc, text or translate("Commands", "Add {item}").format(
            item=_label(item)), inserted(item, at))


class RemoveCommand(EditCommand):
    """Take out one item: a node without links, a group without members."""

    def __init__(self, doc: Document, kind: str, item_id: str, text: str = "") -> None:
        super().__init__(doc, text or translate("Commands", "Remove {item}").format(
            item=item_id), removed(kind, item_id))


class ReplaceCommand(EditCommand):
    """Swap an item for a new version of itself: a property change, collapse, regroup."""

    def __init__(self, doc: Document, old: Item, new: Item, text: str = "") -> None:
        super().__init__(doc, text or translate("Commands", "Change {item}").format(
            item=_label(old)), replaced([new]))


class SettingsCommand(EditCommand):
    """Replace the workload, cost or reliability settings (or the design's name)."""

    def __init__(self, doc: Document, section: str, new: Any, text: str = "") -> None:
        super().__init__(doc, text or translate("Commands", "Change {item}").format(
            item=section), settings_set(section, new))


class AskSettingsCommand(EditCommand):
    """Add an optional settings section to the design (at its defaults), or leave it out:
    a serving workload, or training for a design that only serves."""

    def __init__(self, doc: Document, section: str, label: str, asked: bool) -> None:
        super().__init__(doc, f"{'Add' if asked else 'Remove'} {label.lower()}",
                         settings_asked(section, asked))


class ReplaceDesignCommand(EditCommand):
    """Swap the file's whole design, scenarios included (restoring unsaved work after a
    crash is one undoable step); undo brings back the scenario that was active."""

    def __init__(self, doc: Document, new: Design, text: str) -> None:
        super().__init__(doc, text, file_replaced(new))


class MoveNodesCommand(EditCommand):
    """Nodes to new positions: one per mouse drag; keyboard nudges merge."""

    def __init__(self, doc: Document, moves: dict[str, tuple[Position, Position]],
                 nudge: bool = False) -> None:
        what = next(iter(moves)) if len(moves) == 1 else f"{len(moves)} nodes"
        super().__init__(doc, f"{'Nudge' if nudge else 'Move'} {what}",
                         moved({node_id: ends[1] for node_id, ends in moves.items()}))
        self._ids, self._nudge = set(moves), nudge

    def id(self) -> int:
        return NUDGE_ID if self._nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveNodesCommand) or other._ids != self._ids:
            return False
        self.after = other.after
        return True


def delete_items(doc: Document, node_ids: Iterable[str] = (), link_ids: Iterable[str] = (),
                 group_ids: Iterable[str] = ()) -> EditCommand:
    """Delete nodes, links and groups; a group goes with everything in it, a node with its
    links."""
    design = doc.design
    groups = with_subgroups(design, group_ids)
    nodes = set(node_ids) | {n.id for n in design.nodes if n.group in groups}
    links = set(link_ids) | {lk.id for lk in design.links if {lk.source, lk.target} & nodes}
    count = len(links) + len(nodes) + len(groups)
    text = translate("Commands", "Delete {item}").format(item=next(iter(nodes | groups | links))) \
        if count == 1 else translate("Commands", "Delete {n} items").format(n=count)
    return EditCommand(doc, text,
                       without({"link": links, "node": nodes, "group": set(groups)}))


def add_fragment(doc: Document, fragment: Design, text: str) -> EditCommand:
    """Add a fragment's groups, nodes and links (a template drop, a paste) as one step;
    its ids must already be free in ``doc`` (see :mod:`workbench.document.fragments`)."""
    return EditCommand(doc, text, appended(fragment))


def group_items(doc: Document, group: Group, node_ids: Iterable[str],
                group_ids: Iterable[str] = ()) -> EditCommand:
    """A new group around some nodes and groups (it joins their common parent)."""
    members: list[Item] = [dataclasses.replace(doc.node(i), group=group.id) for i in node_ids]
    members += [dataclasses.replace(doc.group(i), parent=group.id) for i in group_ids]
    return EditCommand(doc, translate("Commands", "Group into {group}").format(
                           group=_label(group)),
                       inserted(group, len(doc.design.groups)), replaced(members))


def ungroup(doc: Document, group_id: str) -> EditCommand:
    """Dissolve a group into its parent. Members take over its replicas, so the design
    keeps the same number of units."""
    group = doc.group(group_id)
    members: list[Item] = [
        dataclasses.replace(node, group=group.parent, replicas=node.replicas * group.replicas)
        for node in doc.design.nodes if node.group == group_id]
    members += [
        dataclasses.replace(child, parent=group.parent,
                            replicas=child.replicas * group.replicas)
        for child in doc.design.groups if child.parent == group_id]
    return EditCommand(doc, translate("Commands", "Ungroup {group}").format(group=_label(group)),
                       replaced(members),
                       removed("group", group_id))


def set_collapsed(doc: Document, group_id: str, collapsed: bool) -> ReplaceCommand:
    group = doc.group(group_id)
    verb = "Collapse" if collapsed else "Expand"
    return ReplaceCommand(doc, group, dataclasses.replace(group, collapsed=collapsed),
                          f"{verb} {_label(group)}")


# -- scenarios ------------------------------------------------------------------------

class SwitchScenarioCommand(EditCommand):
    """Make scenario ``index`` the active one."""

    def __init__(self, doc: Document, index: int, text: str = "") -> None:
        name = doc.scenarios[index].name if 0 <= index < len(doc.scenarios) else index
        super().__init__(doc, text or f"Show scenario {name}", switched(index))


class RenameScenarioCommand(EditCommand):
    """A name another scenario has becomes ``name (2)``, as a duplicate's does."""

    def __init__(self, doc: Document, index: int, name: str) -> None:
        old = doc.scenarios[index].name
        name = unique_name(name, (d.name for i, d in enumerate(doc.scenarios) if i != index))
        super().__init__(doc, f"Rename scenario {old} to {name}", renamed(index, name))


def duplicate_scenario(doc: Document, index: int, name: str = "") -> EditCommand:
    """A copy of scenario ``index`` right after it, made active: "Duplicate as scenario"."""
    source = doc.scenarios[index]
    taken = [d.name for d in doc.scenarios]
    copy = dataclasses.replace(source, name=unique_name(name or source.name, taken))
    return EditCommand(doc, translate("Commands", "Duplicate {source} as {copy}").format(
                           source=source.name, copy=copy.name),
                       scenario_inserted(index + 1, copy), switched(index + 1))


def delete_scenario(doc: Document, index: int) -> EditCommand:
    """Delete scenario ``index``; if it is the active one, its neighbour becomes active."""
    return EditCommand(doc, translate("Commands", "Delete scenario {name}").format(
                           name=doc.scenarios[index].name),
                       scenario_removed(index))
