"""The rules a design keeps, in one place: the layout reader, the document's edits, the
command line and sweeps all ask :func:`problems`.

Reading a file checks only types (a string where a number goes, a missing
id). Everything a well-typed :class:`~engine.design.Design` can still get
wrong is a rule here: counts and settings within their limits and choices,
the work the whole design asks for (accelerators, units and cables multiplied
through groups and replicas, within :mod:`engine.limits`), ids unique, groups
and nodes that references name, catalog names that exist, links whose type
both ends take and whose pattern fits them, torus shapes that fit their node,
positions on the canvas, scenario names unique. So a design built in
code is held to what a file is held to, and an edit is refused for the
reasons a file would be.

Each problem names its key path in file terms (``nodes[3].replicas``,
``links[0].from``), so a reader can find its line, and a code saying what
sort of rule it breaks (:data:`VALUE`, :data:`DUPLICATE`, :data:`REFERENCE`,
:data:`CATALOG`, :data:`INCOMPATIBLE`), so an editor can refuse an edit with
a matching error. Lookups are built once per design and each item is visited
once: checking is linear in the items (a torus link also walks its node's
groups and the design's nodes to find its scope).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import Any

from engine.catalog import Catalog, ModelSpec
from engine.design import (
    ACCELERATOR_OVERRIDES,
    LINK_PATTERNS,
    NODE_KINDS,
    SELF_PATTERNS,
    SWITCH_OVERRIDES,
    Design,
    Group,
    Link,
    Node,
)
from engine.errors import InputError, LookupFailed, Problem
from engine.estimates import REGISTRY
from engine.hardware import link_kinds_of
from engine.limits import (
    MAX_ACCELERATORS,
    MAX_COORDINATE,
    MAX_COUNT,
    MAX_LINKS,
    MAX_NUMBER,
    MAX_UNITS,
    MODEL_SHAPE,
    size_of,
)
from engine.settings import Leaf, leaves
from engine.structure import cables_per_scope, scope, units_in_scope
from engine.yamlio import PathKey, render_path

VALUE = "value"                 # a count, setting, choice, position or override out of bounds
DUPLICATE = "duplicate"         # an id another item of the same kind has
REFERENCE = "reference"         # an id no group or node has
CATALOG = "catalog"             # a name the catalog does not know
INCOMPATIBLE = "incompatible"   # a link type an end cannot take, a torus that does not fit

KeyPath = tuple[PathKey, ...]
Locate = Callable[[KeyPath], int | None]


def problems(design: Design, catalog: Catalog, locate: Locate | None = None) -> list[Problem]:
    """Every rule ``design`` or one of its scenarios breaks (``scenarios[i]...`` paths).

    ``catalog`` is the one the design is read against (its own ``catalog:``
    section merged in); ``locate`` turns a key path into a file line.
    """
    found = _Found((), locate)
    _design_rules(found, design, catalog)
    names = {design.name}
    for index, scenario in enumerate(design.scenarios):
        _design_rules(_Found(("scenarios", index), locate, found.problems), scenario, catalog)
        if scenario.name in names:
            found.add(("scenarios", index, "name"), DUPLICATE,
                      f"another scenario is already called {_shown(scenario.name)} (the "
                      "design itself is the first)")
        names.add(scenario.name)
    return found.problems


def edit_problems(old: Design, new: Design, catalog: Catalog) -> list[Problem]:
    """What :func:`problems` says of ``new``, made by an edit from ``old``, which keeps every
    rule: an edit of boxes' own fields only (a move, a rename, an override) or of links only
    is checked on the items it changed, through the same rules; one that also changes boxes'
    accelerator counts (read by no other item's rule) adds the design's accelerator total
    (the other totals count only fields it kept); any other is checked on every rule."""
    settings_kept = old.section_settings == new.section_settings and all(
        s.of(old) == s.of(new) for s in REGISTRY.settings_sections())
    if old.groups is not new.groups or new.scenarios or not settings_kept or \
            old.trains != new.trains:
        return problems(new, catalog)
    found = _Found((), None)
    if old.links is new.links:
        changes = _own_changes(old.nodes, new.nodes)
        if changes is None:
            return problems(new, catalog)
        changed, counted = changes
        groups = {g.id: g for g in new.groups}
        names = _Names(catalog)
        for index in changed:
            _node_rules(found, ("nodes", index), new.nodes[index], groups, names)
        if counted and not found.problems:      # the other totals count kept fields
            _accelerators_rule(found, new, _Instances(groups))
        return found.problems
    if old.nodes is not new.nodes:
        return problems(new, catalog)
    _ids(found, "links", new.links)
    before = {link.id: link for link in old.links}
    nodes = {node.id: node for node in new.nodes}
    names, takes = _Names(catalog), {}
    for index, link in enumerate(new.links):
        if before.get(link.id) is not link:
            _link_rules(found, ("links", index), link, new, nodes, names, takes,
                        torus_fits_checked=True)
    if not found.problems:
        _totals_rules(found, new, {g.id: g for g in new.groups}, nodes)
    return found.problems


#: Node fields that other items' rules read (a link's ends and its torus's units).
_SHARED_NODE_FIELDS = ("id", "kind", "hardware", "replicas", "group")


def _own_changes(old: tuple[Node, ...],
                 new: tuple[Node, ...]) -> tuple[list[int], bool] | None:
    """Indexes of the nodes changed in their own fields only, and whether an accelerator
    count (which the totals count) is among them; ``None`` if any other change."""
    if len(old) != len(new):
        return None
    changed, counted = [], False
    for index, (a, b) in enumerate(zip(old, new, strict=True)):
        if a is b:
            continue
        if any(getattr(a, f) != getattr(b, f) for f in _SHARED_NODE_FIELDS):
            return None
        changed.append(index)
        counted |= a.accelerators != b.accelerators
    return changed, counted


def checked(design: Design, catalog: Catalog) -> Design:
    """``design`` if it keeps every rule; else :class:`InputError` naming each problem."""
    found = problems(design, catalog)
    if found:
        raise InputError(found)
    return design


def settings_problems(section: str, values: Any) -> list[Problem]:
    """The rules one settings section breaks (``section`` names it in the paths)."""
    found = _Found((), None)
    _settings_rules(found, (section,), values)
    return found.problems


def work_problems(design: Design) -> list[Problem]:
    """The totals rule alone (:mod:`engine.limits`), for a design derived from one that keeps
    every rule (a scaling curve's bigger cluster), before anything is built for it."""
    found = _Found((), None)
    _totals_rules(found, design, {g.id: g for g in design.groups},
                  {n.id: n for n in design.nodes})
    return found.problems


def model_problems(model: ModelSpec) -> list[Problem]:
    """The dimensions of a model built in code (the command line's shape flags) beyond
    :data:`~engine.limits.MODEL_SHAPE`, as the catalog reader holds a file's models."""
    found = _Found((), None)
    for part, prefix in ((model, ()), (model.moe, ("moe",)), (model.mla, ("mla",))):
        for key, value in vars(part).items() if part is not None else ():
            if key in MODEL_SHAPE:
                _whole(found, prefix + (key,), value, None, MODEL_SHAPE[key])
    return found.problems


class _Found:
    """Problems found so far, their paths under ``prefix``."""

    def __init__(self, prefix: KeyPath, locate: Locate | None,
                 into: list[Problem] | None = None) -> None:
        self._prefix = prefix
        self._locate = locate
        self.problems: list[Problem] = [] if into is None else into

    def add(self, path: KeyPath, code: str, message: str) -> None:
        full = self._prefix + path
        line = self._locate(full) if self._locate is not None else None
        self.problems.append(Problem(render_path(full), message, line, code))


def _design_rules(found: _Found, design: Design, catalog: Catalog) -> None:
    before = len(found.problems)
    groups = _ids(found, "groups", design.groups)
    nodes = _ids(found, "nodes", design.nodes)
    _ids(found, "links", design.links)
    in_cycles = _groups_in_cycles(groups)
    for index, group in enumerate(design.groups):
        _group_rules(found, ("groups", index), group, groups, in_cycles)
    names = _Names(catalog)
    for index, node in enumerate(design.nodes):
        _node_rules(found, ("nodes", index), node, groups, names)
    takes: dict[str, tuple[str, ...] | None] = {}
    for index, link in enumerate(design.links):
        _link_rules(found, ("links", index), link, design, nodes, names, takes,
                    torus_fits_checked=not in_cycles)
    _asks_something(found, design)
    if len(found.problems) == before:
        _totals_rules(found, design, groups, nodes)
    for settings in REGISTRY.settings_sections():
        if not settings.present(design):
            continue
        values = settings.of(design)
        _settings_rules(found, (settings.key,), values)
        model = getattr(values, "model", None)
        if isinstance(model, str) and catalog.models.find(model) is None:
            found.add((settings.key, "model"), CATALOG, _unknown(catalog.model, model))


def _asks_something(found: _Found, design: Design) -> None:
    """A design asks for at least one workload (a file without any trains)."""
    workloads = [s for s in REGISTRY.settings_sections() if s.can_leave_out]
    if not any(s.present(design) for s in workloads):
        names = " or ".join(s.label.lower() for s in workloads)
        found.add(("workload",), VALUE, f"the design asks for nothing: it needs a {names} "
                                        "workload")


def _totals_rules(found: _Found, design: Design, groups: dict[str, Group],
                  nodes: dict[str, Node]) -> None:
    """The work the design asks for, counted through groups and replicas in exact whole
    numbers and held to :mod:`engine.limits`; each total over its limit is refused on the
    item that adds the most to it. Only run on items that keep every other rule."""
    instances = _Instances(groups)
    _accelerators_rule(found, design, instances)
    units = [(node.replicas * instances.of(node.group), ("nodes", index))
             for index, node in enumerate(design.nodes)]
    _limit_rule(found, units, "units (servers, switches and lone accelerators)", MAX_UNITS)
    cables: list[tuple[int, KeyPath]] = []
    for index, link in enumerate(design.links):
        source = nodes[link.source]
        where = instances.scope(source.group, nodes[link.target].group)
        n = source.replicas * instances.of(source.group) // instances.of(where)
        cables.append((cables_per_scope(link, n) * instances.of(where), ("links", index)))
    _limit_rule(found, cables, "physical links", MAX_LINKS)


def _accelerators_rule(found: _Found, design: Design, instances: _Instances) -> None:
    """The design's accelerators held to their limit (one of :func:`_totals_rules`)."""
    counted = [(node.replicas * instances.of(node.group) * node.accelerators, ("nodes", index))
               for index, node in enumerate(design.nodes) if node.kind != "switch"]
    _limit_rule(found, counted, "accelerators", MAX_ACCELERATORS)


def _limit_rule(found: _Found, counted: list[tuple[int, KeyPath]], what: str,
                limit: int) -> None:
    """The sum of ``counted`` over ``limit`` is refused on the item that adds the most."""
    total = sum(n for n, _ in counted)
    if total > limit:
        most, path = max(counted)
        share = "" if most == total else f"{_count(most)} of the design's "
        found.add(path, VALUE, f"stands for {share}{_count(total)} {what}, over the "
                  f"{limit:,} a design may hold")


class _Instances:
    """How many instances of each group the design holds (its replicas times its
    ancestors'), and the innermost group two nodes share."""

    def __init__(self, groups: dict[str, Group]) -> None:
        self._groups = groups
        self._of: dict[str | None, int] = {None: 1}
        self._scopes: dict[tuple[str | None, str | None], str | None] = {}

    def of(self, group_id: str | None) -> int:
        if group_id not in self._of:
            chain = self._chain(group_id)
            total = 1
            for gid in reversed(chain):   # outermost first, each memoised on the way in
                total = self._of.get(gid) or total * self._groups[gid].replicas
                self._of[gid] = total
        return self._of[group_id]

    def scope(self, a: str | None, b: str | None) -> str | None:
        if (a, b) not in self._scopes:     # memoised: links join few pairs of groups
            ancestors = set(self._chain(b))
            self._scopes[a, b] = next((g for g in self._chain(a) if g in ancestors), None)
        return self._scopes[a, b]

    def _chain(self, group_id: str | None) -> list[str]:
        chain = []
        while group_id is not None:
            chain.append(group_id)
            group_id = self._groups[group_id].parent
        return chain


class _Names:
    """The catalog's lookups, each name looked up once per design (designs repeat them)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.accelerator = functools.cache(catalog.accelerators.find)
        self.switch = functools.cache(catalog.switches.find)
        self.link = functools.cache(catalog.links.find)


def _ids(found: _Found, section: str, items: Sequence[Group | Node | Link]) -> dict[str, Any]:
    """Each id once (the first item that has it); empty and repeated ids are problems."""
    first: dict[str, Any] = {}
    for index, item in enumerate(items):
        if not isinstance(item.id, str) or not item.id.strip():
            found.add((section, index, "id"), VALUE, "must not be empty")
        elif item.id in first:
            found.add((section, index, "id"), DUPLICATE, f"duplicate id {item.id!r}")
        else:
            first[item.id] = item
    return first


def _groups_in_cycles(groups: dict[str, Group]) -> set[str]:
    """Ids of the groups that contain themselves through their parents."""
    done: set[str] = set()
    cycles: set[str] = set()
    for start in groups:
        walk: list[str] = []
        current: str | None = start
        while current in groups and current not in done and current not in walk:
            walk.append(current)
            current = groups[current].parent
        if current in walk:
            cycles.update(walk[walk.index(current):])
        done.update(walk)
    return cycles


def _group_rules(found: _Found, path: KeyPath, group: Group, groups: dict[str, Group],
                 in_cycles: set[str]) -> None:
    _whole(found, path + ("replicas",), group.replicas)
    if group.parent is None:
        return
    if group.parent not in groups:
        found.add(path + ("parent",), REFERENCE, f"no group has id {group.parent!r}")
    elif group.id in in_cycles:
        found.add(path + ("parent",), VALUE, f"group {group.id!r} contains itself")


def _node_rules(found: _Found, path: KeyPath, node: Node, groups: dict[str, Group],
                names: _Names) -> None:
    if node.kind not in NODE_KINDS:
        found.add(path + ("kind",), VALUE,
                  f"must be one of {', '.join(NODE_KINDS)}, got {node.kind!r}")
    elif node.kind == "switch":
        _known(found, path + ("switch",), node.hardware, names.switch, names.catalog.switch)
    else:
        _known(found, path + ("accelerator",), node.hardware, names.accelerator,
               names.catalog.accelerator)
    _whole(found, path + ("replicas",), node.replicas)
    if node.kind == "server":
        _whole(found, path + ("accelerators",), node.accelerators)
    elif node.kind == "accelerator" and node.accelerators != 1:
        found.add(path + ("accelerators",), VALUE,
                  f"a single accelerator holds 1, got {_shown(node.accelerators)}")
    elif node.kind == "switch" and node.accelerators != 0:
        found.add(path + ("accelerators",), VALUE,
                  f"a switch holds no accelerators, got {_shown(node.accelerators)}")
    if not _on_canvas(node.position):
        found.add(path + ("position",), VALUE, f"must be [x, y], two numbers within "
                  f"+-{MAX_COORDINATE:g}, got {_shown(node.position)}")
    if node.group is not None and node.group not in groups:
        found.add(path + ("group",), REFERENCE, f"no group has id {node.group!r}")
    if node.kind in NODE_KINDS:
        allowed = SWITCH_OVERRIDES if node.kind == "switch" else ACCELERATOR_OVERRIDES
        for key, value in node.overrides:
            where = path + ("overrides", key)
            if key not in allowed:
                found.add(where, VALUE, f"cannot be overridden here "
                          f"(allowed: {', '.join(allowed)})")
            elif not (_is_number(value) and 0 < value <= MAX_NUMBER):
                found.add(where, VALUE, f"must be a number > 0, got {_shown(value)}")


def _link_rules(found: _Found, path: KeyPath, link: Link, design: Design,
                nodes: dict[str, Node], names: _Names,
                takes: dict[str, tuple[str, ...] | None], torus_fits_checked: bool) -> None:
    ends = True
    for end, key in ((link.source, "from"), (link.target, "to")):
        if end not in nodes:
            found.add(path + (key,), REFERENCE, f"no node has id {end!r}")
            ends = False
    spec = names.link(link.type) if isinstance(link.type, str) else None
    if spec is None:
        found.add(path + ("type",), CATALOG, _unknown(names.catalog.link, link.type))
    _whole(found, path + ("count",), link.count)
    to_itself = link.source == link.target
    if link.pattern not in LINK_PATTERNS:
        found.add(path + ("pattern",), VALUE,
                  f"must be one of {', '.join(LINK_PATTERNS)}, got {link.pattern!r}")
    elif to_itself and link.pattern not in SELF_PATTERNS:
        found.add(path + ("pattern",), VALUE, "a link from a node to itself needs pattern "
                  "mesh, ring or torus")
    elif not to_itself and link.pattern in SELF_PATTERNS:
        found.add(path + ("pattern",), VALUE, f"{link.pattern} links a node to itself "
                  "(from and to must be the same node)")
    dims_ok = all([_whole(found, path + ("dims", i), d) for i, d in enumerate(link.dims)]) \
        if link.dims else True
    if link.pattern == "torus" and not link.dims:
        found.add(path + ("dims",), VALUE, "a torus needs dims, e.g. [16, 16, 16]")
    if not ends:
        return
    if spec is not None:
        for end in dict.fromkeys((link.source, link.target)):
            kinds = _link_kinds(names.catalog, nodes[end], takes)
            if kinds is not None and spec.kind not in kinds:
                found.add(path + ("type",), INCOMPATIBLE,
                          f"{link.type} ({spec.kind}) cannot connect to "
                          f"{nodes[end].label!r}, which takes {', '.join(kinds)}")
    if link.pattern == "torus" and to_itself and link.dims and dims_ok and torus_fits_checked:
        node = nodes[link.source]
        units = units_in_scope(design, node, scope(design, link))
        places = math.prod(link.dims)
        if places != units:
            found.add(path + ("dims",), INCOMPATIBLE,
                      f"torus {'x'.join(map(str, link.dims))} does not fit: it has {places} "
                      f"places but {node.label!r} has {units} units")


def _link_kinds(catalog: Catalog, node: Node,
                takes: dict[str, tuple[str, ...] | None]) -> tuple[str, ...] | None:
    """Link kinds the node takes (``None``: its kind or hardware is itself a problem)."""
    if node.id not in takes:
        try:
            takes[node.id] = link_kinds_of(catalog, node) if node.kind in NODE_KINDS else None
        except LookupFailed:
            takes[node.id] = None
    return takes[node.id]


def _settings_rules(found: _Found, path: KeyPath, values: Any) -> None:
    for leaf in _leaves(type(values)):
        setting = leaf.field
        where = path + leaf.path
        value = leaf.value(values)
        if value is None:
            if not setting.optional:
                found.add(where, VALUE, "needs a value")
            continue
        info = setting.info
        if info.choices is not None:
            if value not in info.choices:
                found.add(where, VALUE,
                          f"must be one of {', '.join(info.choices)}, got {_shown(value)}")
        elif setting.kind is bool:
            if not isinstance(value, bool):
                found.add(where, VALUE, f"must be true or false, got {_shown(value)}")
        elif setting.kind is int:
            _whole(found, where, value, info.minimum, info.maximum)
        elif setting.kind is float:
            _number(found, where, value, info.minimum, info.maximum)
        elif not isinstance(value, str):
            found.add(where, VALUE, f"must be text, got {_shown(value)}")


@functools.cache
def _leaves(cls: type) -> tuple[Leaf, ...]:
    return tuple(leaves(cls))


# -- values ---------------------------------------------------------------------------------

def _whole(found: _Found, path: KeyPath, value: Any, minimum: float | None = 1,
           maximum: float | None = None) -> bool:
    """A whole number within its limits (at most :data:`MAX_COUNT` when it has none)."""
    if isinstance(value, bool) or not isinstance(value, int):
        found.add(path, VALUE, f"must be a whole number, got {_shown(value)}")
        return False
    return _within(found, path, "a whole number", value, minimum, maximum, MAX_COUNT)


def _number(found: _Found, path: KeyPath, value: Any, minimum: float | None,
            maximum: float | None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        found.add(path, VALUE, f"must be a number, got {_shown(value)}")
        return False
    return _within(found, path, "a number", value, minimum, maximum, MAX_NUMBER)


def _within(found: _Found, path: KeyPath, what: str, value: float, minimum: float | None,
            maximum: float | None, cap: float) -> bool:
    """``value`` between its declared limits; a limit it does not declare, ``cap``,
    is named only when it is the one broken."""
    finite = not isinstance(value, float) or math.isfinite(value)
    low = minimum is None or value >= minimum
    high = value <= (cap if maximum is None else maximum)
    if finite and low and high:
        return True
    limits = [f"{sign} {_shown(bound)}" for sign, bound in ((">=", minimum), ("<=", maximum))
              if bound is not None]
    if finite and low and maximum is None:
        limits.append(f"<= {_shown(cap)}")
    rule = f"{what} {' and '.join(limits)}" if limits else f"a finite {what.removeprefix('a ')}"
    found.add(path, VALUE, f"must be {rule}, got {_shown(value)}")
    return False


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) \
        and (isinstance(value, int) or math.isfinite(value))


def _on_canvas(position: Any) -> bool:
    return isinstance(position, tuple | list) and len(position) == 2 and all(
        _is_number(v) and abs(v) <= MAX_COORDINATE for v in position)


def _known(found: _Found, path: KeyPath, name: Any, find: Callable[[str], Any],
           lookup: Callable[[str], Any]) -> None:
    if not isinstance(name, str) or find(name) is None:
        found.add(path, CATALOG, _unknown(lookup, name))


def _unknown(lookup: Callable[[str], Any], name: Any) -> str:
    """The catalog's own message for a name it does not know (it suggests close ones)."""
    try:
        lookup(str(name))
    except LookupFailed as exc:
        return str(exc)
    return f"unknown {name!r}"


def _count(n: int) -> str:
    return f"{n:,}" if n < 10**30 else size_of(n)


def _shown(value: Any) -> str:
    """A value as a message quotes it (huge whole numbers by their size, not their digits)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return size_of(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple | list):
        return f"[{', '.join(_shown(v) for v in value)}]"
    text = repr(value)
    return text if len(text) <= 42 else text[:39] + "..."
