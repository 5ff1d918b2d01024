"""Layout YAML to :class:`~engine.design.Design`, reporting every problem located.

Pipeline: safe parse (limits, line locator) -> format version check ->
the file's own catalog section merged over the catalog -> typed reading of
every key with :class:`~engine.validation.Fields` -> cross checks (ids,
references, link types both ends take, torus shapes). Problems accumulate;
if there are any, one :class:`~engine.errors.LayoutError` carries them all.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from engine.catalog import Catalog, load_catalog
from engine.catalog.loader import with_layout_section
from engine.design import (
    ACCELERATOR_OVERRIDES,
    LINK_PATTERNS,
    NODE_KINDS,
    SELF_PATTERNS,
    SWITCH_OVERRIDES,
    Calibration,
    Design,
    Group,
    Link,
    LinkCalibration,
    Node,
)
from engine.errors import LayoutError, LookupFailed, Problem, UnsupportedFormatError
from engine.hardware import link_kinds_of
from engine.sections import settings_sections
from engine.settings import is_settings_class, settings_of
from engine.structure import scope, units_in_scope
from engine.validation import MAX_COUNT, Fields, Reporter
from engine.validation import Path as KeyPath
from engine.yamlio import parse_yaml, read_yaml_file

FORMAT_NAME = "cluster-workbench"
FORMAT_VERSION = 1
_FORMAT = re.compile(r"^cluster-workbench/(\d+)$")
MAX_COORDINATE = 1e7
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def catalog_for(design: Design, base: Catalog) -> Catalog:
    """``base`` with the design's own ``catalog:`` section merged over it, then its
    calibrations applied.

    Both were validated when the file was read, so no problem can arise here.
    """
    merged = base if design.catalog is None else \
        with_layout_section(base, design.catalog, ("catalog",), Reporter())
    return calibrated(merged, design.calibrations)


def calibrated(catalog: Catalog, calibrations: tuple[Calibration, ...]) -> Catalog:
    """``catalog`` with each calibration's link efficiencies in place, later ones winning."""
    fitted = {}
    for calibration in calibrations:
        for figure in calibration.links:
            spec = fitted.get(figure.link) or catalog.find_link(figure.link)
            if spec is not None:
                fitted[spec.id] = replace(spec, efficiency=figure.efficiency)
    return catalog.merged(fitted.values()) if fitted else catalog


def load_design(path: str, catalog: Catalog | None = None) -> Design:
    """Read a layout file; raise :class:`LayoutError` naming every problem."""
    doc = read_yaml_file(path, LayoutError)
    return _build(doc.data, Reporter(doc.locator), str(path), catalog)


def loads_design(text: str, file: str | None = None, catalog: Catalog | None = None) -> Design:
    """Read a layout from text (``file`` only names it in messages)."""
    doc = parse_yaml(text, file, LayoutError)
    return _build(doc.data, Reporter(doc.locator), file, catalog)


def _build(data: Any, report: Reporter, file: str | None, catalog: Catalog | None) -> Design:
    if not isinstance(data, dict):
        raise UnsupportedFormatError(
            [Problem("", "not a Cluster Workbench layout (expected a mapping with "
                     f"'format: {FORMAT_NAME}/{FORMAT_VERSION}')", 1)], file)
    _check_format(data, report, file)
    top = Fields(data, (), report)
    top.text("format")
    base = catalog if catalog is not None else load_catalog()
    section = top.raw("catalog")
    merged = base if section is None else with_layout_section(base, section, ("catalog",),
                                                             report)
    design = _design(top, merged, scenario=False)
    scenarios = []
    for path, item in top.items("scenarios"):
        fields = Fields(item, path, report)
        scenarios.append(_design(fields, merged, scenario=True))
        fields.finish()
    calibrations = tuple(_calibration(Fields(item, path, report), merged)
                         for path, item in top.items("calibrations"))
    top.finish()
    if report.problems:
        raise LayoutError(report.problems, file)
    return replace(design, scenarios=tuple(scenarios), catalog=section,
                   calibrations=tuple(c for c in calibrations if c is not None))


def _check_format(data: dict, report: Reporter, file: str | None) -> None:
    value = data.get("format")
    if value is None:
        raise UnsupportedFormatError(
            [Problem("format", f"is missing: a layout file starts with "
                     f"'format: {FORMAT_NAME}/{FORMAT_VERSION}'", 1)], file)
    match = _FORMAT.match(str(value))
    if not match:
        report.add(("format",), f"must be '{FORMAT_NAME}/{FORMAT_VERSION}', got {value!r}")
        raise LayoutError(report.problems, file)
    version = int(match.group(1))
    if version > FORMAT_VERSION:
        report.add(("format",), f"written by a newer Cluster Workbench (format {version}); "
                   f"this version reads format {FORMAT_VERSION} and older")
        raise UnsupportedFormatError(report.problems, file)
    if version < 1:
        report.add(("format",), f"unknown format version {version}")
        raise LayoutError(report.problems, file)
    # Older versions are upgraded here, one step per version, once version 2 exists.


def _design(f: Fields, catalog: Catalog, scenario: bool) -> Design:
    name = f.text("name", "Scenario" if scenario else "Untitled design",
                  required=scenario) or ""
    groups = [(path, _group(Fields(item, path, f.report))) for path, item in f.items("groups")]
    nodes = [(path, _node(Fields(item, path, f.report), catalog))
             for path, item in f.items("nodes", required=True)]
    links = [(path, _link(Fields(item, path, f.report), catalog))
             for path, item in f.items("links")]
    settled = Design()
    for settings in settings_sections():
        settled = settings.with_value(settled, read_settings(f.mapping(settings.key),
                                                             settings.cls))
    workload = settled.workload
    if catalog.find_model(workload.model) is None:
        f.report.add(f.path + ("workload", "model"), _unknown(catalog.model, workload.model))
    else:
        workload = replace(workload, model=catalog.model(workload.model).id)
    design = replace(
        settled, name=name, description=f.text("description", "") or "",
        source=f.text("source", "") or "",
        groups=tuple(g for _, g in groups if g is not None),
        nodes=tuple(n for _, n in nodes if n is not None),
        links=tuple(lk for _, lk in links if lk is not None),
        workload=workload)
    raw_nodes = f.raw("nodes")
    declared = {str(item["id"]) for item in raw_nodes if isinstance(item, dict)
                and item.get("id") is not None} if isinstance(raw_nodes, list) else set()
    _check_ids(design, f.report, groups, nodes, links)
    _check_links(design, catalog, f.report, links, declared)
    return design


def _unknown(lookup: Callable[[str], Any], name: str) -> str:
    try:
        lookup(name)
    except LookupFailed as exc:
        return str(exc)
    return f"unknown {name!r}"


def _group(f: Fields) -> Group | None:
    values = (f.text("id", required=True), f.text("name", "") or "",
              f.integer("replicas", 1, minimum=1), f.text("parent"),
              f.flag("collapsed", False))
    f.finish()
    return None if values[0] is None else Group(*values)


def _node(f: Fields, catalog: Catalog) -> Node | None:
    node_id = f.text("id", required=True)
    kind = f.text("kind", required=True, choices=NODE_KINDS)
    hardware, allowed = None, ()
    if kind == "switch":
        hardware = _lookup(f, "switch", catalog.switch)
        allowed = SWITCH_OVERRIDES
    elif kind is not None:
        hardware = _lookup(f, "accelerator", catalog.accelerator)
        allowed = ACCELERATOR_OVERRIDES
    accelerators = 0 if kind == "switch" else 1
    if kind == "server" and hardware is not None:
        accelerators = f.integer("accelerators", hardware.server.accelerators, minimum=1)
    elif kind == "accelerator" and f.has("accelerators"):
        f.integer("accelerators", 1, minimum=1, maximum=1)
    replicas = f.integer("replicas", 1, minimum=1)
    position = _position(f)
    overrides = _overrides(f, allowed)
    name = f.text("name", "") or ""
    group = f.text("group")
    f.finish()
    if None in (node_id, kind, hardware, accelerators, replicas):
        return None
    return Node(node_id, kind, hardware.id, name, replicas, accelerators, position, group,
                overrides)


def _lookup(f: Fields, key: str, lookup: Callable[[str], Any]) -> Any:
    name = f.text(key, required=True)
    if name is None:
        return None
    try:
        return lookup(name)
    except LookupFailed as exc:
        f.report.add(f.path + (key,), str(exc))
        return None


def _position(f: Fields) -> tuple[float, float]:
    value = f.raw("position")
    if value is None:
        return (0.0, 0.0)
    ok = isinstance(value, list) and len(value) == 2 and all(
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
        and abs(v) <= MAX_COORDINATE for v in value)
    if not ok:
        f.report.add(f.path + ("position",), f"must be [x, y], two numbers within "
                     f"+-{MAX_COORDINATE:g}, got {value!r}")
        return (0.0, 0.0)
    return (float(value[0]), float(value[1]))


def _overrides(f: Fields, allowed: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """Known override keys with positive numbers, sorted so equal overrides compare equal."""
    sub = f.mapping("overrides")
    if sub is None:
        return ()
    out = []
    for key in list(sub.data):
        name = str(key)
        if name not in allowed:
            sub.raw(name)
            f.report.add(sub.path + (name,), f"cannot be overridden here "
                         f"(allowed: {', '.join(allowed)})")
            continue
        value = sub.number(name, positive=True)
        if value is not None:
            out.append((name, value))
    sub.finish()
    return tuple(sorted(out))


def _link(f: Fields, catalog: Catalog) -> Link | None:
    link_id = f.text("id", required=True)
    source, target = f.text("from", required=True), f.text("to", required=True)
    spec = _lookup(f, "type", catalog.link)
    count = f.integer("count", 1, minimum=1)
    default_pattern = "spread" if source != target else None
    pattern = f.text("pattern", default_pattern, choices=LINK_PATTERNS)
    dims = tuple(_dims(f))
    if source is not None and source == target and pattern is None:
        f.report.add(f.path + ("pattern",), "a link from a node to itself needs "
                     "pattern: mesh, ring or torus")
    elif pattern == "spread" and source == target and source is not None:
        f.report.add(f.path + ("pattern",), "spread joins two different nodes; "
                     "use mesh, ring or torus for a node linked to itself")
    elif pattern in SELF_PATTERNS and source != target:
        f.report.add(f.path + ("pattern",), f"{pattern} links a node to itself "
                     "(from and to must be the same node)")
    if pattern == "torus" and not dims:
        f.report.add(f.path + ("dims",), "a torus needs dims, e.g. [16, 16, 16]")
    f.finish()
    if None in (link_id, source, target, spec, count, pattern):
        return None
    return Link(link_id, source, target, spec.id, count, pattern, dims)


def _calibration(f: Fields, catalog: Catalog) -> Calibration | None:
    name = f.text("name", required=True)
    source = f.text("source", "") or ""
    date = f.text("date", required=True)
    if date is not None and not _DATE.match(date):
        f.report.add(f.path + ("date",), f"must be a date YYYY-MM-DD, got {date!r}")
    links = []
    for path, item in f.items("links", required=True):
        g = Fields(item, path, f.report)
        spec = _lookup(g, "link", catalog.link)
        efficiency = g.number("efficiency", required=True, minimum=0.01, maximum=1.0)
        latency = g.number("latency_us", 0.0, minimum=0.0, maximum=1e6)
        g.finish()
        if spec is not None and efficiency is not None:
            links.append(LinkCalibration(spec.id, efficiency, latency))
    f.finish()
    return None if name is None or date is None else Calibration(name, source, date,
                                                                tuple(links))


def _dims(f: Fields) -> list[int]:
    out = []
    for path, item in f.items("dims"):
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= MAX_COUNT:
            f.report.add(path, f"must be a whole number >= 1, got {item!r}")
        else:
            out.append(item)
    return out


def read_settings(f: Fields | None, cls: type) -> Any:
    """A settings dataclass from its mapping, defaults for what is left out."""
    if f is None:
        return cls()
    values = {}
    for s in settings_of(cls):
        info = s.info
        if is_settings_class(s.kind):
            values[s.name] = read_settings(f.mapping(s.name), s.kind)
        elif s.kind is bool:
            values[s.name] = f.flag(s.name, s.default)
        elif s.kind is int:
            values[s.name] = f.integer(s.name, s.default, minimum=info.minimum,
                                       maximum=info.maximum or MAX_COUNT)
        elif s.kind is float:
            values[s.name] = f.number(s.name, s.default, minimum=info.minimum,
                                      maximum=info.maximum or 1e30)
        else:
            values[s.name] = f.text(s.name, s.default, choices=info.choices)
    f.finish()
    return cls(**values)


def _check_ids(design: Design, report: Reporter, groups: list[tuple[KeyPath, Group | None]],
               nodes: list[tuple[KeyPath, Node | None]],
               links: list[tuple[KeyPath, Link | None]]) -> None:
    for items in (groups, nodes, links):
        seen: set[str] = set()
        for path, item in items:
            if item is not None and item.id in seen:
                report.add(path + ("id",), f"duplicate id {item.id!r}")
            if item is not None:
                seen.add(item.id)
    group_ids = {g.id for g in design.groups}
    for path, group in groups:
        if group is None or group.parent is None:
            continue
        if group.parent not in group_ids:
            report.add(path + ("parent",), f"no group has id {group.parent!r}")
        elif _in_cycle(design, group):
            report.add(path + ("parent",), f"group {group.id!r} contains itself")
    for path, node in nodes:
        if node and node.group is not None and node.group not in group_ids:
            report.add(path + ("group",), f"no group has id {node.group!r}")


def _in_cycle(design: Design, group: Group) -> bool:
    by_id = {g.id: g for g in design.groups}
    seen, current = set(), group.parent
    while current is not None and current in by_id:
        if current == group.id or current in seen:
            return True
        seen.add(current)
        current = by_id[current].parent
    return False


def _check_links(design: Design, catalog: Catalog, report: Reporter,
                 links: list[tuple[KeyPath, Link | None]], declared: set[str]) -> None:
    """Ends exist, both take the link's type, torus shapes fit; ``declared`` holds every
    node id the file names, so a node with another problem is not reported missing too."""
    node_ids = {n.id for n in design.nodes}
    cyclic = any(_in_cycle(design, g) for g in design.groups)
    for path, link in links:
        if link is None:
            continue
        for end, key in ((link.source, "from"), (link.target, "to")):
            if end not in declared:
                report.add(path + (key,), f"no node has id {end!r}")
        if link.source not in node_ids or link.target not in node_ids:
            continue
        spec = catalog.link(link.type)
        for end in dict.fromkeys((link.source, link.target)):
            node = design.node(end)
            kinds = link_kinds_of(catalog, node)
            if spec.kind not in kinds:
                report.add(path + ("type",), f"{link.type} ({spec.kind}) cannot connect to "
                           f"{node.label!r}, which takes {', '.join(kinds)}")
        if link.pattern == "torus" and link.dims and not cyclic:
            node = design.node(link.source)
            n = units_in_scope(design, node, scope(design, link))
            if math.prod(link.dims) != n:
                report.add(path + ("dims",), f"torus {'x'.join(map(str, link.dims))} has "
                           f"{math.prod(link.dims)} places but {node.label!r} has {n} units")
