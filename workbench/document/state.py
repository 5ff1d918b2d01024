"""The document's contents as one value, and the pure steps an edit is made of.

An edit folds steps over a :class:`State`; each step returns a new state and
touches nothing else, so an edit is computed once, checked once by the
design's rules (:meth:`~workbench.document.document.Document.check`) and
undone by putting the old state back, exactly. A step raises an edit error
(:mod:`engine.edit_errors`) only when it cannot apply at all: an
id that is not there, a scenario name already taken. Steps that touch many
items (a move, a delete, a paste) go over each list once, so an edit of a
design of thousands of boxes stays cheap. :func:`item_changes` says what an
edit changed, in the order the document announces it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from engine.design import Design, Group, Link, Node
from engine.edit_errors import (
    InvalidValueError,
    StillReferencedError,
    UnknownIdError,
)
from engine.estimates import REGISTRY
from engine.scenarios import scenarios_of, with_scenarios
from engine.sections import SectionSettings

Item = Group | Node | Link
Position = tuple[float, float]
#: Each kind of item and the design's list of them.
FIELDS = {"group": "groups", "node": "nodes", "link": "links"}
_KIND = {Group: "group", Node: "node", Link: "link"}


def kind_of(item: Item) -> str:
    """``"group"``, ``"node"`` or ``"link"``."""
    return _KIND[type(item)]


@dataclass(frozen=True)
class State:
    """The file's scenarios, which one is active, and a key per scenario.

    A scenario keeps its key through edits and renames, so the document can
    tell "another scenario is shown" (announce a new design) from "the shown
    one changed" (announce its items).
    """

    scenarios: tuple[Design, ...]
    keys: tuple[int, ...]
    active: int

    @classmethod
    def of(cls, design: Design, active: int = 0, first_key: int = 0) -> State:
        """A file's design (its scenarios split out), keys counted from ``first_key``."""
        scenarios = scenarios_of(design)
        return cls(scenarios, tuple(range(first_key, first_key + len(scenarios))),
                   min(max(active, 0), len(scenarios) - 1))

    @property
    def design(self) -> Design:
        return self.scenarios[self.active]

    @property
    def key(self) -> int:
        return self.keys[self.active]

    @property
    def file_design(self) -> Design:
        return with_scenarios(self.scenarios)

    def next_key(self) -> int:
        return max(self.keys) + 1

    def with_design(self, design: Design) -> State:
        """The active scenario replaced by ``design``."""
        scenarios = list(self.scenarios)
        scenarios[self.active] = design
        return dataclasses.replace(self, scenarios=tuple(scenarios))


Step = Callable[[State], State]


# -- items of the active scenario ---------------------------------------------------------

def inserted(item: Item, index: int) -> Step:
    """``item`` at ``index`` of its kind's list."""
    field = FIELDS[kind_of(item)]

    def step(state: State) -> State:
        items = list(getattr(state.design, field))
        items.insert(index, item)
        return state.with_design(dataclasses.replace(state.design, **{field: tuple(items)}))
    return step


def appended(fragment: Design) -> Step:
    """A fragment's groups, nodes and links after the design's own."""
    def step(state: State) -> State:
        design = state.design
        return state.with_design(dataclasses.replace(
            design, groups=design.groups + fragment.groups, nodes=design.nodes + fragment.nodes,
            links=design.links + fragment.links))
    return step


def replaced(items: Iterable[Item]) -> Step:
    """New versions of items, each taking the place of the item with its id."""
    by_kind: dict[str, dict[str, Item]] = {}
    for item in items:
        by_kind.setdefault(kind_of(item), {})[item.id] = item

    def step(state: State) -> State:
        design = state.design
        changes = {}
        for kind, new in by_kind.items():
            old = getattr(design, FIELDS[kind])
            _must_have(kind, old, new)
            changes[FIELDS[kind]] = tuple(new.get(item.id, item) for item in old)
        return state.with_design(dataclasses.replace(design, **changes))
    return step


def moved(positions: Mapping[str, Position]) -> Step:
    """Nodes at new positions."""
    def step(state: State) -> State:
        nodes = state.design.nodes
        _must_have("node", nodes, positions)
        return state.with_design(dataclasses.replace(state.design, nodes=tuple(
            dataclasses.replace(n, position=positions[n.id]) if n.id in positions else n
            for n in nodes)))
    return step


def removed(kind: str, item_id: str) -> Step:
    """One item out; a node only once no link uses it, a group only once it is empty."""
    def step(state: State) -> State:
        design = state.design
        _must_have(kind, getattr(design, FIELDS[kind]), (item_id,))
        if kind == "node" and any(item_id in (lk.source, lk.target) for lk in design.links):
            raise StillReferencedError(f"node {item_id!r} still has links")
        if kind == "group" and (any(n.group == item_id for n in design.nodes)
                                or any(g.parent == item_id for g in design.groups)):
            raise StillReferencedError(f"group {item_id!r} still has members")
        return without({kind: {item_id}})(state)
    return step


def without(ids: Mapping[str, set[str]]) -> Step:
    """Items out by kind and id, in one pass over each list."""
    def step(state: State) -> State:
        design = state.design
        changes = {}
        for kind, gone in ids.items():
            old = getattr(design, FIELDS[kind])
            _must_have(kind, old, gone)
            changes[FIELDS[kind]] = tuple(item for item in old if item.id not in gone)
        return state.with_design(dataclasses.replace(design, **changes))
    return step


def settings_set(section: str, value: Any) -> Step:
    """A section's settings replaced (``section`` is its key: workload, cost ...), or the
    design renamed (``"name"``)."""
    if section == "name":
        return lambda state: renamed(state.active, str(value))(state)
    settings = _settings(section)
    return lambda state: state.with_design(settings.with_value(state.design, value))


def settings_asked(section: str, asked: bool) -> Step:
    """A section's settings added to the design (at their defaults) or left out of it."""
    settings = _settings(section)
    change = settings.added if asked else settings.removed
    return lambda state: state.with_design(change(state.design))


def _settings(section: str) -> SectionSettings[Any]:
    settings = next((s for s in REGISTRY.settings_sections() if s.key == section), None)
    if settings is None:
        raise UnknownIdError(f"no settings section {section!r}")
    return settings


def _must_have(kind: str, items: Iterable[Item], ids: Iterable[str]) -> None:
    missing = set(ids) - {item.id for item in items}
    if missing:
        raise UnknownIdError(f"no {kind} has id {sorted(missing)[0]!r}")


# -- scenarios ------------------------------------------------------------------------------

def switched(index: int) -> Step:
    """Scenario ``index`` shown and edited."""
    def step(state: State) -> State:
        _scenario(state, index)
        return dataclasses.replace(state, active=index)
    return step


def scenario_inserted(index: int, design: Design) -> Step:
    """A scenario at ``index`` (the active one stays active)."""
    def step(state: State) -> State:
        _check_name(state, design.name)
        if not 0 <= index <= len(state.scenarios):
            raise UnknownIdError(f"no scenario position {index}")
        scenarios, keys = list(state.scenarios), list(state.keys)
        scenarios.insert(index, dataclasses.replace(design, scenarios=()))
        keys.insert(index, state.next_key())
        active = state.active + 1 if index <= state.active else state.active
        return State(tuple(scenarios), tuple(keys), active)
    return step


def scenario_removed(index: int) -> Step:
    """Scenario ``index`` out; if it was active, the next one (else the one before) is."""
    def step(state: State) -> State:
        _scenario(state, index)
        if len(state.scenarios) == 1:
            raise InvalidValueError("a design keeps at least one scenario")
        scenarios = state.scenarios[:index] + state.scenarios[index + 1:]
        keys = state.keys[:index] + state.keys[index + 1:]
        active = state.active
        if index < active:
            active -= 1
        elif index == active:
            active = min(index, len(scenarios) - 1)
        return State(scenarios, keys, active)
    return step


def renamed(index: int, name: str) -> Step:
    def step(state: State) -> State:
        _check_name(state, name, index)
        scenarios = list(state.scenarios)
        scenarios[index] = dataclasses.replace(_scenario(state, index), name=name)
        return dataclasses.replace(state, scenarios=tuple(scenarios))
    return step


def file_replaced(design: Design, active: int = 0) -> Step:
    """Another file's design, scenarios and all, with scenario ``active`` shown."""
    return lambda state: State.of(design, active, state.next_key())


def _scenario(state: State, index: int) -> Design:
    if not 0 <= index < len(state.scenarios):
        raise UnknownIdError(f"no scenario {index}")
    return state.scenarios[index]


def _check_name(state: State, name: str, index: int | None = None) -> None:
    """A scenario needs a name no other scenario has (``index``: the one renamed)."""
    if not name.strip():
        raise InvalidValueError("a scenario needs a name")
    if any(d.name == name for i, d in enumerate(state.scenarios) if i != index):
        raise InvalidValueError(f"another scenario is already called {name!r}")


# -- what changed ---------------------------------------------------------------------------

def item_changes(old: Design, new: Design) -> list[tuple[str, tuple[Any, ...]]]:
    """The item signals that take a view from ``old`` to ``new``: ``(signal, args)``.

    Removals first (links, nodes, then groups, each at its index as the list
    shrinks), then additions (groups, nodes, then links, each at its index as
    the list grows), then changes (old and new item): a view always has an
    item's container before the item and its ends before a link.
    """
    diffs = {kind: _diff(getattr(old, field), getattr(new, field))
             for kind, field in FIELDS.items()}
    out: list[tuple[str, tuple[Any, ...]]] = []
    for kind in ("link", "node", "group"):
        out += [(f"{kind}_removed", entry) for entry in reversed(diffs[kind][0])]
    for kind in ("group", "node", "link"):
        out += [(f"{kind}_added", entry) for entry in diffs[kind][1]]
    for kind in ("group", "node", "link"):
        out += [(f"{kind}_changed", entry) for entry in diffs[kind][2]]
    return out


def _diff(old: tuple[Item, ...], new: tuple[Item, ...]) -> tuple[list, list, list]:
    if old is new:
        return [], [], []
    old_by_id = {item.id: item for item in old}
    new_ids = {item.id for item in new}
    gone = [(i, item) for i, item in enumerate(old) if item.id not in new_ids]
    added = [(i, item) for i, item in enumerate(new) if item.id not in old_by_id]
    changed = [(old_by_id[item.id], item) for item in new
               if item.id in old_by_id and old_by_id[item.id] is not item
               and old_by_id[item.id] != item]
    return gone, added, changed
