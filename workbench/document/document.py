"""The open design: the single source of truth of the workbench.

A :class:`Document` owns the file's designs (immutable values), the file it
came from and the undo stack. A file holds several named **scenarios**
(what-if variants, :mod:`engine.scenarios`); one is active, and
:attr:`Document.design` is that one: the canvas, inspector and estimates
show it and every item edit applies to it. Switching scenarios is itself an
undo step, so each command is undone on the scenario it was done on.

Everything the document holds is one :class:`~workbench.document.state.State`
value. An undo command (:mod:`workbench.document.commands`) computes the state its edit
gives, :meth:`Document.check` holds it to the design's rules
(:mod:`engine.rules`, raising :mod:`engine.edit_errors`) once,
and :meth:`Document.show` swaps it in and announces exactly what changed,
followed by one ``changed``: a refused edit reaches neither the undo stack nor
the views, and an edit of many items is one refresh. "Modified" is derived
from the undo stack.

Items are addressed by kind (``"group"``, ``"node"``, ``"link"``) and id;
lists keep their order, so the saved file keeps it.

Signals
-------
node_added(int, Node), node_removed(int, Node)
    index and item (removals announced last index first); the same for
    ``link_*`` and ``group_*``.
node_changed(Node, Node)
    old and new item (same id); the same for ``link_changed``, ``group_changed``.
settings_changed(str)
    a settings section's key (``"workload"``, ``"cost"``, ``"serving"`` ...: its values
    changed, or it was added or left out) or ``"name"``.
design_replaced(Design)
    everything changed at once (open, new, restore, another scenario made active).
scenarios_changed()
    a scenario was added, removed or renamed.
active_scenario_changed(int)
    the index of the active scenario (its design, or only its place, changed).
changed()
    once per edit, after any of the above: the trigger for recomputing estimates.
path_changed(object)
    the file path (:class:`~pathlib.Path` or ``None``).
modified_changed(bool)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from engine.catalog import Catalog, LinkSpec
from engine.design import Design, Group, Link, Node
from engine.edit_errors import UnknownIdError, refusal
from engine.estimates import REGISTRY
from engine.hardware import compatible_links
from engine.layout import catalog_for
from engine.rules import edit_problems, problems
from workbench.document.state import FIELDS, Item, State, item_changes

_NUMBERED = re.compile(r"-\d+$")


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
        self._state = State.of(design if design is not None else Design(), active)
        self._catalog = catalog_for(self._state.scenarios[0], catalog)
        self._path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_stack_clean_changed)

    # -- state -------------------------------------------------------------

    @property
    def state(self) -> State:
        """Everything the document holds, as one value (what undo puts back)."""
        return self._state

    @property
    def design(self) -> Design:
        """The active scenario: what the views show and item edits change."""
        return self._state.design

    @property
    def scenarios(self) -> tuple[Design, ...]:
        """Every scenario, the base first, each a standalone design."""
        return self._state.scenarios

    @property
    def active_scenario(self) -> int:
        return self._state.active

    @property
    def file_design(self) -> Design:
        """The design as the file holds it: the base with the others as its scenarios."""
        return self._state.file_design

    @property
    def catalog(self) -> Catalog:
        """The catalog this design is read against (its own section included)."""
        return self._catalog

    @property
    def path(self) -> Path | None:
        return self._path

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def load(self, design: Design, path: Path | None, saved: bool = True) -> None:
        """Start over on ``design`` (as read from a file, scenarios included) with its base
        scenario active: empty history, unmodified unless it is not ``saved`` anywhere yet
        (an import), so closing it asks first."""
        self.undo_stack.clear()
        self.show(State.of(design, 0, self._state.next_key()))
        self.set_path(path)
        self.undo_stack.setClean()
        if not saved:
            self.undo_stack.resetClean()

    def set_path(self, path: Path | None) -> None:
        if path != self._path:
            self._path = path
            self.path_changed.emit(path)

    def mark_saved(self, path: Path) -> None:
        self.set_path(path)
        self.undo_stack.setClean()

    # -- reads -------------------------------------------------------------

    def items(self, kind: str) -> tuple[Item, ...]:
        return getattr(self.design, FIELDS[kind])

    def item(self, kind: str, item_id: str) -> Any:
        design = self.design
        find = {"node": design.node, "link": design.link, "group": design.group}[kind]
        try:
            return find(item_id)
        except KeyError:
            raise UnknownIdError(f"no {kind} has id {item_id!r}") from None

    def has(self, kind: str, item_id: str) -> bool:
        try:
            self.item(kind, item_id)
        except UnknownIdError:
            return False
        return True

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
        """Make an edit an undo step; raises the edit's error instead if it is refused.

        ``make`` builds the command for this document; building it computes
        and checks the state the edit gives, so a refused edit never reaches
        the undo stack or the views.
        """
        self.undo_stack.push(make(self))

    def check(self, state: State) -> None:
        """Raise the edit error for the first rule a scenario that ``state`` changes or
        adds would break. A scenario the edit changed is checked on what the edit touched
        where that is enough (:func:`~engine.rules.edit_problems`: a drag on a design of
        thousands of boxes stays cheap), a new one on every rule."""
        before = dict(zip(self._state.keys, self._state.scenarios, strict=True))
        catalog = self._catalog_of(state)
        for key, design in zip(state.keys, state.scenarios, strict=True):
            old = before.get(key)
            if old is design:
                continue
            found = problems(design, catalog) if old is None or catalog is not self._catalog \
                else edit_problems(old, design, catalog)
            if found:
                raise refusal(design, found[0])

    def show(self, state: State) -> None:
        """Swap ``state`` in and announce what changed (for undo commands only)."""
        self._catalog = self._catalog_of(state)
        before, self._state = self._state, state
        if state.keys != before.keys or [d.name for d in state.scenarios] != \
                [d.name for d in before.scenarios]:
            self.scenarios_changed.emit()
        same = state.key == before.key
        if state.active != before.active or not same:
            self.active_scenario_changed.emit(state.active)
        if same:
            self._announce_changes(before.design, state.design)
        else:
            self.design_replaced.emit(state.design)
        self.changed.emit()

    def _announce_changes(self, old: Design, new: Design) -> None:
        for signal, args in item_changes(old, new):
            getattr(self, signal).emit(*args)
        for settings in REGISTRY.settings_sections():
            if settings.of(old) != settings.of(new) or \
                    settings.present(old) != settings.present(new):
                self.settings_changed.emit(settings.key)
        if old.name != new.name:
            self.settings_changed.emit("name")

    def _catalog_of(self, state: State) -> Catalog:
        """The catalog a state is read against: its base scenario's section merged in."""
        if state.scenarios[0].catalog is self._state.scenarios[0].catalog:
            return self._catalog
        return catalog_for(state.scenarios[0], self._base_catalog)

    def _on_stack_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)
