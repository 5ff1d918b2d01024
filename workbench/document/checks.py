"""The rules an edited design must keep, as functions raising typed edit errors.

They mirror what the layout reader accepts (docs/format.md), so whatever the
document holds can be saved and read back. Each check looks at the design the
edit would produce, which keeps replacement checks (a node changing its
hardware while links still hang on it) the same as insertion checks.
"""

from __future__ import annotations

import math
from typing import Any

from engine.catalog import Catalog
from engine.design import (
    ACCELERATOR_OVERRIDES,
    NODE_KINDS,
    SELF_PATTERNS,
    SWITCH_OVERRIDES,
    Design,
    Group,
    Link,
    Node,
)
from engine.errors import LookupFailed
from engine.hardware import link_kinds_of
from engine.rules import MAX_COORDINATE
from engine.settings import SettingInfo, is_settings_class, settings_of
from engine.structure import group_chain, scope, units_in_scope
from engine.validation import MAX_COUNT
from workbench.document.edit_errors import (
    DuplicateIdError,
    IncompatibleLinkError,
    InvalidValueError,
    StillReferencedError,
    UnknownHardwareError,
    UnknownIdError,
)


def check_count(what: str, value: int, minimum: int = 1) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= MAX_COUNT:
        raise InvalidValueError(f"{what} must be a whole number from {minimum} to "
                                f"{MAX_COUNT:,}, got {value!r}")


def check_id(item_id: str, taken: set[str], noun: str) -> None:
    if not item_id or not item_id.strip():
        raise InvalidValueError(f"a {noun} needs an id")
    if item_id in taken:
        raise DuplicateIdError(f"another {noun} already has id {item_id!r}")


def check_group(design: Design, group: Group) -> None:
    """``group`` as it would sit in ``design`` (which already holds it)."""
    check_count(f"replicas of {group.name or group.id!r}", group.replicas)
    if group.parent is None:
        return
    if group.parent not in {g.id for g in design.groups}:
        raise UnknownIdError(f"no group has id {group.parent!r}")
    if any(g.id == group.id for g in group_chain(design, group.parent)):
        raise InvalidValueError(f"group {group.name or group.id!r} cannot be inside itself")


def check_node(design: Design, catalog: Catalog, node: Node) -> None:
    """``node`` as it would sit in ``design`` (which already holds it)."""
    if node.kind not in NODE_KINDS:
        raise InvalidValueError(f"kind must be one of {', '.join(NODE_KINDS)}, got {node.kind!r}")
    try:
        if node.kind == "switch":
            catalog.switch(node.hardware)
        else:
            catalog.accelerator(node.hardware)
    except LookupFailed as exc:
        raise UnknownHardwareError(str(exc)) from None
    check_count(f"replicas of {node.label!r}", node.replicas)
    if node.kind == "server":
        check_count(f"accelerators per server of {node.label!r}", node.accelerators)
    elif node.accelerators != (0 if node.kind == "switch" else 1):
        raise InvalidValueError(f"a {node.kind} node cannot hold {node.accelerators} "
                                "accelerators")
    if not all(math.isfinite(v) and abs(v) <= MAX_COORDINATE for v in node.position):
        raise InvalidValueError(f"position of {node.label!r} is off the canvas")
    if node.group is not None and node.group not in {g.id for g in design.groups}:
        raise UnknownIdError(f"no group has id {node.group!r}")
    allowed = SWITCH_OVERRIDES if node.kind == "switch" else ACCELERATOR_OVERRIDES
    for key, value in node.overrides:
        if key not in allowed:
            raise InvalidValueError(f"{key} cannot be overridden on a {node.kind}")
        if not (math.isfinite(value) and value > 0):
            raise InvalidValueError(f"override {key} must be a positive number, got {value!r}")


def check_link(design: Design, catalog: Catalog, link: Link) -> None:
    """``link`` as it would sit in ``design`` (which already holds it)."""
    nodes = {n.id: n for n in design.nodes}
    for end in (link.source, link.target):
        if end not in nodes:
            raise UnknownIdError(f"no node has id {end!r}")
    try:
        spec = catalog.link(link.type)
    except LookupFailed as exc:
        raise UnknownHardwareError(str(exc)) from None
    check_count(f"count of link {link.id!r}", link.count)
    for end in dict.fromkeys((link.source, link.target)):
        kinds = link_kinds_of(catalog, nodes[end])
        if spec.kind not in kinds:
            raise IncompatibleLinkError(f"{spec.name} ({spec.kind}) cannot connect to "
                                        f"{nodes[end].label!r}, which takes {', '.join(kinds)}")
    self_link = link.source == link.target
    if self_link != (link.pattern in SELF_PATTERNS):
        raise IncompatibleLinkError("a node linked to itself needs pattern mesh, ring or torus; "
                                    "two different nodes need pattern spread")
    if link.pattern == "torus":
        node = nodes[link.source]
        n = units_in_scope(design, node, scope(design, link))
        if math.prod(link.dims) != n or not link.dims:
            shape = "x".join(map(str, link.dims)) or "with no shape"
            raise IncompatibleLinkError(f"torus {shape} does not fit {node.label!r}, "
                                        f"which has {n} units")


def check_design(design: Design, catalog: Catalog) -> None:
    """Every group, node and link of ``design`` (a few dozen: cheap)."""
    for group in design.groups:
        check_group(design, group)
    for node in design.nodes:
        check_node(design, catalog, node)
    for link in design.links:
        check_link(design, catalog, link)


def check_removal(design: Design, kind: str, item_id: str) -> None:
    """A node leaves only without links, a group only when empty."""
    if kind == "node" and design.links_of(item_id):
        raise StillReferencedError(f"node {item_id!r} still has links")
    if kind == "group" and (any(n.group == item_id for n in design.nodes)
                            or any(g.parent == item_id for g in design.groups)):
        raise StillReferencedError(f"group {item_id!r} still has members")


def check_settings(catalog: Catalog, section: str, value: Any) -> None:
    """Workload, cost or reliability settings within their declared ranges and choices."""
    for s in settings_of(type(value)):
        current = getattr(value, s.name)
        label = s.info.label
        if is_settings_class(s.kind):
            check_settings(catalog, f"{section}.{s.name}", current)
        elif current is None:
            if not s.optional:
                raise InvalidValueError(f"{label} needs a value")
        elif s.info.choices is not None and current not in s.info.choices:
            raise InvalidValueError(f"{label} must be one of {', '.join(s.info.choices)}")
        elif s.kind in (int, float) and not _within(current, s.info.minimum, s.info.maximum):
            raise InvalidValueError(f"{label} must be within {_range(s.info)}, got {current!r}")
    if section == "workload" and catalog.find_model(value.model) is None:
        raise UnknownHardwareError(f"unknown model {value.model!r}")


def _within(value: float, minimum: float | None, maximum: float | None) -> bool:
    return (math.isfinite(value) and (minimum is None or value >= minimum)
            and (maximum is None or value <= maximum))


def _range(info: SettingInfo) -> str:
    low = "-inf" if info.minimum is None else f"{info.minimum:g}"
    high = "inf" if info.maximum is None else f"{info.maximum:g}"
    return f"[{low}, {high}]"
