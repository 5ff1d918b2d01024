"""The open design: the single source of truth of the workbench.

A :class:`Document` owns the file's designs (immutable values), the file it
came from and the undo stack. A file holds several named **scenarios**
(what-if variants, :mod:`engine.scenarios`); one is active, and
:attr:`Document.design` is that one: the canvas, inspector and estimates
show it and every item edit applies to it. Switching scenarios is itself an
undo step, so each command is undone on the scenario it was done on. Only
undo commands (:mod:`workbench.document.commands`,
:mod:`workbench.document.scenario_commands`) call its mutators. Each mutator checks
the edit first (:mod:`workbench.document.checks`, raising :mod:`workbench.document.edit_errors`),
swaps in the new design and announces exactly what changed, so views never
hold state of their own. "Modified" is derived from the undo stack.

Items are addressed by kind (``"group"``, ``"node"``, ``"link"``) and id;
removals return the index so that undo puts an item back exactly where it
was, and the saved file keeps its order.

Signals
-------
node_added(int, Node), node_removed(int, Node)
    index and item; the same for ``link_*`` and ``group_*``.
node_changed(Node, Node)
    old and new item (same id); the same for ``link_changed``, ``group_changed``.
settings_changed(str)
    ``"workload"``, ``"cost"``, ``"reliability"`` or ``"name"``.
design_replaced(Design)
    everything changed at once (open, new, restore, another scenario made active).
scenarios_changed()
    a scenario was added, removed or renamed.
active_scenario_changed(int)
    the index of the active scenario (its design, or only its place, changed).
changed()
    after any of the above: the trigger for recomputing estimates.
path_changed(object)
    the file path (:class:`~pathlib.Path` or ``None``).
modified_changed(bool)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from engine.catalog import Catalog, LinkSpec
from engine.design import Design, Group, Link, Node
from engine.hardware import compatible_links
from engine.layout import catalog_for
from engine.scenarios import scenarios_of, with_scenarios
from workbench.document import checks
from workbench.document.edit_errors import InvalidValueError, UnknownIdError

Item = Group | Node | Link
_FIELD = {"group": "groups", "node": "nodes", "link": "links"}
_KIND = {Group: "group", Node: "node", Link: "link"}
_NUMBERED = re.compile(r"-\d+$")
SETTINGS_SECTIONS = ("workload", "cost", "reliability")
#: Fields whose change can break a link (compatibility, torus shape).
_STRUCTURAL = {"node": ("kind", "hardware", "replicas", "group"),
               "group": ("replicas", "parent")}


def kind_of(item: Item) -> str:
    """``"group"``, ``"node"`` or ``"link"``."""
    return _KIND[type(item)]


class Document(QObject):
    """One open design, its file path and its undo history."""

    node_added = Signal(int, object)
    node_removed = Signal(int, object)
    node_changed = Signal(object, object)
    link_added = Signal(int, object)
    link_removed = Signal(int, object)
    link_changed = Signal(object, object)
    group_added = Signal(int, object)
    group_removed = Signal(int, object)
    group_changed = Signal(object, object)
    settings_changed = Signal(str)
    design_replaced = Signal(object)
    scenarios_changed = Signal()
    active_scenario_changed = Signal(int)
    changed = Signal()
    path_changed = Signal(object)
    modified_changed = Signal(bool)

    def __init__(self, catalog: Catalog, design: Design | None = None,
                 path: Path | None = None, parent: QObject | None = None,
                 active: int = 0) -> None:
        super().__init__(parent)
        self._base_catalog = catalog
        self._scenarios = list(scenarios_of(design if design is not None else Design()))
        self._active = active
        self._catalog = catalog_for(self._scenarios[0], catalog)
        self._path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_stack_clean_changed)

    # -- state -------------------------------------------------------------

    @property
    def design(self) -> Design:
        """The active scenario: what the views show and item edits change."""
        return self._scenarios[self._active]

    @property
    def scenarios(self) -> tuple[Design, ...]:
        """Every scenario, the base first, each a standalone design."""
        return tuple(self._scenarios)

    @property
    def active_scenario(self) -> int:
        return self._active

    @property
    def file_design(self) -> Design:
        """The design as the file holds it: the base with the others as its scenarios."""
        return with_scenarios(self._scenarios)

    @property
    def catalog(self) -> Catalog:
        """The catalog this design is read against (its own section included)."""
        return self._catalog

    @property
    def path(self) -> Path | None:
        return self._path

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def load(self, design: Design, path: Path | None) -> None:
        """Start over on ``design`` (as read from a file, scenarios included) with its base
        scenario active: empty history, unmodified."""
        self.undo_stack.clear()
        self._set_file_design(design, 0)
        self.set_path(path)
        self.undo_stack.setClean()

    def set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def mark_saved(self, path: Path) -> None:
        self.set_path(path)
        self.undo_stack.setClean()

    # -- reads -------------------------------------------------------------

    def items(self, kind: str) -> tuple[Item, ...]:
        return getattr(self.design, _FIELD[kind])

    def item(self, kind: str, item_id: str) -> Any:
        for item in self.items(kind):
            if item.id == item_id:
                return item
        raise UnknownIdError(f"no {kind} has id {item_id!r}")

    def has(self, kind: str, item_id: str) -> bool:
        return any(item.id == item_id for item in self.items(kind))

    def node(self, node_id: str) -> Node:
        return self.item("node", node_id)

    def link(self, link_id: str) -> Link:
        return self.item("link", link_id)

    def group(self, group_id: str) -> Group:
        return self.item("group", group_id)

    def fresh_id(self, kind: str, base: str, taken: set[str] | None = None) -> str:
        """``base`` if free, else the first free of ``base-2``, ``base-3`` ... (an existing
        ``-N`` suffix is replaced, so copies of ``leaf-2`` are ``leaf-3``, not ``leaf-2-2``)."""
        used = {item.id for item in self.items(kind)} | (taken or set())
        stem = base.strip() or kind
        if stem not in used:
            return stem
        stem = _NUMBERED.sub("", stem)
        n = 2
        while f"{stem}-{n}" in used:
            n += 1
        return f"{stem}-{n}"

    def compatible_link_types(self, source_id: str, target_id: str) -> list[LinkSpec]:
        """Link types both ends take, the natural default first."""
        return compatible_links(self._catalog, self.node(source_id), self.node(target_id))

    # -- edits ---------------------------------------------------------------

    def push(self, make: Callable[[Document], QUndoCommand]) -> None:
        """Check an edit on a scratch copy, then push it; raises the edit's error instead.

        ``make`` builds the command for a given document. Running it first on
        a copy with no listeners means a refused edit never reaches the undo
        stack or the views, however many steps the command has.
        """
        trial = Document(self._base_catalog, self.file_design, active=self._active)
        make(trial).redo()
        self.undo_stack.push(make(self))

    # -- checks (ask first: the UI calls these before pushing a command) ----

    def check_insert(self, item: Item) -> None:
        kind = kind_of(item)
        checks.check_id(item.id, {i.id for i in self.items(kind)}, kind)
        self._check_in(self._with_items(kind, (*self.items(kind), item)), item)

    def check_replace(self, item: Item) -> None:
        kind = kind_of(item)
        old = self.item(kind, item.id)
        candidate = self._with_items(kind, tuple(item if i.id == item.id else i
                                                 for i in self.items(kind)))
        self._check_in(candidate, item)
        if any(getattr(old, f) != getattr(item, f) for f in _STRUCTURAL.get(kind, ())):
            for link in candidate.links:
                checks.check_link(candidate, self._catalog, link)

    def check_remove(self, kind: str, item_id: str) -> None:
        self.item(kind, item_id)
        checks.check_removal(self.design, kind, item_id)

    def check_settings(self, section: str, value: Any) -> None:
        checks.check_settings(self._catalog, section, value)

    def _check_in(self, design: Design, item: Item) -> None:
        if isinstance(item, Node):
            checks.check_node(design, self._catalog, item)
        elif isinstance(item, Link):
            checks.check_link(design, self._catalog, item)
        else:
            checks.check_group(design, item)

    # -- mutators (for undo commands only) ------------------------------------

    def insert(self, index: int, item: Item) -> None:
        """Put ``item`` at ``index`` of its kind's list."""
        self.check_insert(item)
        kind = kind_of(item)
        items = list(self.items(kind))
        items.insert(index, item)
        self._set_active(self._with_items(kind, tuple(items)))
        getattr(self, f"{kind}_added").emit(index, item)
        self.changed.emit()

    def remove(self, kind: str, item_id: str) -> tuple[int, Item]:
        """Take an item out; returns where it was and what it was."""
        self.check_remove(kind, item_id)
        items = list(self.items(kind))
        index = next(i for i, item in enumerate(items) if item.id == item_id)
        item = items.pop(index)
        self._set_active(self._with_items(kind, tuple(items)))
        getattr(self, f"{kind}_removed").emit(index, item)
        self.changed.emit()
        return index, item

    def replace(self, item: Item) -> Item:
        """Swap in a new version of the item with the same id; returns the old one."""
        self.check_replace(item)
        kind = kind_of(item)
        old = self.item(kind, item.id)
        self._set_active(self._with_items(kind, tuple(item if i.id == item.id else i
                                                      for i in self.items(kind))))
        getattr(self, f"{kind}_changed").emit(old, item)
        self.changed.emit()
        return old

    def set_settings(self, section: str, value: Any) -> None:
        """Replace the workload, cost or reliability settings, or the name (a string)."""
        if section == "name":
            self.rename_scenario(self._active, str(value))
            return
        if section not in SETTINGS_SECTIONS:
            raise UnknownIdError(f"no settings section {section!r}")
        self.check_settings(section, value)
        self._set_active(dataclasses.replace(self.design, **{section: value}))
        self.settings_changed.emit(section)
        self.changed.emit()

    def replace_design(self, design: Design, active: int = 0) -> None:
        """Swap the file's whole design, scenarios included, making scenario ``active``
        the active one (restoring a recovered file is one undoable step)."""
        self._set_file_design(design, active)

    # -- scenario mutators (for undo commands only) ------------------------------

    def check_scenario_name(self, name: str, index: int | None = None) -> None:
        """A scenario needs a name no other scenario has (``index``: the one renamed)."""
        if not name.strip():
            raise InvalidValueError("a scenario needs a name")
        if any(d.name == name for i, d in enumerate(self._scenarios) if i != index):
            raise InvalidValueError(f"another scenario is already called {name!r}")

    def insert_scenario(self, index: int, design: Design) -> None:
        """Put a scenario at ``index`` (the active one stays active)."""
        self.check_scenario_name(design.name)
        if not 0 <= index <= len(self._scenarios):
            raise UnknownIdError(f"no scenario position {index}")
        self._scenarios.insert(index, dataclasses.replace(design, scenarios=()))
        if index <= self._active:
            self._active += 1
            self.active_scenario_changed.emit(self._active)
        self.scenarios_changed.emit()
        self.changed.emit()

    def check_remove_scenario(self, index: int) -> None:
        self._scenario(index)
        if len(self._scenarios) == 1:
            raise InvalidValueError("a design keeps at least one scenario")

    def remove_scenario(self, index: int) -> Design:
        """Take out a scenario other than the active one; returns it."""
        self.check_remove_scenario(index)
        if index == self._active:
            raise InvalidValueError("the active scenario cannot be removed; switch first")
        design = self._scenarios.pop(index)
        if index < self._active:
            self._active -= 1
            self.active_scenario_changed.emit(self._active)
        self.scenarios_changed.emit()
        self.changed.emit()
        return design

    def rename_scenario(self, index: int, name: str) -> None:
        self.check_scenario_name(name, index)
        self._scenarios[index] = dataclasses.replace(self._scenario(index), name=name)
        if index == self._active:
            self.settings_changed.emit("name")
        self.scenarios_changed.emit()
        self.changed.emit()

    def set_active_scenario(self, index: int) -> None:
        """Show and edit scenario ``index``."""
        design = self._scenario(index)
        self._active = index
        self.active_scenario_changed.emit(index)
        self.design_replaced.emit(design)
        self.changed.emit()

    def _scenario(self, index: int) -> Design:
        if not 0 <= index < len(self._scenarios):
            raise UnknownIdError(f"no scenario {index}")
        return self._scenarios[index]

    def _set_active(self, design: Design) -> None:
        self._scenarios[self._active] = design

    def _set_file_design(self, design: Design, active: int) -> None:
        self._scenarios = list(scenarios_of(design))
        self._active = min(max(active, 0), len(self._scenarios) - 1)
        self._catalog = catalog_for(self._scenarios[0], self._base_catalog)
        self.scenarios_changed.emit()
        self.active_scenario_changed.emit(self._active)
        self.design_replaced.emit(self.design)
        self.changed.emit()

    def _with_items(self, kind: str, items: tuple[Item, ...]) -> Design:
        return dataclasses.replace(self.design, **{_FIELD[kind]: items})

    def _on_stack_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)
