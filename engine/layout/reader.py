"""Layout YAML to :class:`~engine.design.Design`, reporting every problem located.

Pipeline: safe parse (limits, line locator) -> format version check ->
the file's own catalog section merged over the catalog -> typed reading of
every key with :class:`~engine.validation.Fields` (catalog names resolved to
their ids) -> the design's rules (:mod:`engine.rules`, the ones an edit or a
design built in code is held to), each problem located by its key path.
A key whose value could not be read is reported once, by the reading.
Problems accumulate; if there are any, one
:class:`~engine.errors.LayoutError` carries them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from engine.catalog import Catalog, load_catalog
from engine.catalog.loader import with_layout_section
from engine.collector import collector_paused
from engine.design import (
    Calibration,
    Design,
    Group,
    Link,
    LinkCalibration,
    Node,
)
from engine.errors import LayoutError, LookupFailed, Problem, UnsupportedFormatError
from engine.estimates import REGISTRY
from engine.limits import MAX_COORDINATE
from engine.rules import problems
from engine.settings import is_settings_class, settings_of
from engine.validation import Fields, Reporter, shown
from engine.yamlio import Locator, parse_yaml, read_yaml_file

FORMAT_NAME = "cluster-workbench"
FORMAT_VERSION = 1
_FORMAT = re.compile(r"^cluster-workbench/(\d{1,9})$")   # no 5,000-digit versions
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
    """``catalog`` with each calibration's link efficiency and latency in place, later ones
    winning."""
    fitted = {}
    for calibration in calibrations:
        for figure in calibration.links:
            spec = fitted.get(figure.link) or catalog.find_link(figure.link)
            if spec is not None:
                fitted[spec.id] = replace(spec, efficiency=figure.efficiency,
                                          calibrated_latency_s=figure.latency_us * 1e-6)
    return catalog.merged(fitted.values()) if fitted else catalog


def load_design(path: str, catalog: Catalog | None = None) -> Design:
    """Read a layout file; raise :class:`LayoutError` naming every problem."""
    with collector_paused():
        doc = read_yaml_file(path, LayoutError)
        return _build(doc.data, doc.locator, str(path), catalog)


def loads_design(text: str, file: str | None = None, catalog: Catalog | None = None) -> Design:
    """Read a layout from text (``file`` only names it in messages)."""
    with collector_paused():
        doc = parse_yaml(text, file, LayoutError)
        return _build(doc.data, doc.locator, file, catalog)


def _build(data: Any, locator: Locator, file: str | None, catalog: Catalog | None) -> Design:
    report = Reporter(locator)
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
    design = replace(design, scenarios=tuple(scenarios), catalog=section,
                     calibrations=tuple(c for c in calibrations if c is not None))
    unread = {p.path for p in report.problems}
    found = report.problems + [p for p in problems(design, merged, locator.line)
                               if not _within_any(p.path, unread)]
    if found:
        raise LayoutError(found, file)
    return design


def _within_any(path: str, paths: set[str]) -> bool:
    """``path`` is one of ``paths`` or inside one (``nodes[0].id`` is inside ``nodes[0]``)."""
    return path in paths or any(path[:i] in paths for i, c in enumerate(path) if c in ".[")


def _check_format(data: dict, report: Reporter, file: str | None) -> None:
    value = data.get("format")
    if value is None:
        raise UnsupportedFormatError(
            [Problem("format", f"is missing: a layout file starts with "
                     f"'format: {FORMAT_NAME}/{FORMAT_VERSION}'", 1)], file)
    match = _FORMAT.match(value) if isinstance(value, str) else None
    if not match:
        report.add(("format",), f"must be '{FORMAT_NAME}/{FORMAT_VERSION}', got {shown(value)}")
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
    groups = tuple(_group(Fields(item, path, f.report)) for path, item in f.items("groups"))
    nodes = tuple(_node(Fields(item, path, f.report), catalog)
                  for path, item in f.items("nodes", required=True))
    links = tuple(_link(Fields(item, path, f.report), catalog)
                  for path, item in f.items("links"))
    return replace(
        _settings(f, catalog), name=name, description=f.text("description", "") or "",
        source=f.text("source", "") or "", groups=groups, nodes=nodes, links=links)


def _settings(f: Fields, catalog: Catalog) -> Design:
    """Every section's settings, models named by their catalog ids (the rules report a
    model the catalog lacks).

    A design trains unless its file has an optional section's workload (a
    serving workload) and no ``workload:``; optional settings are set only
    when their key is there. Files without optional keys read as they always
    did.
    """
    optional = [s for s in REGISTRY.settings_sections() if s.optional and f.has(s.key)]
    settled = replace(Design(), trains=f.has("workload") or not optional)
    for settings in REGISTRY.settings_sections():
        if settings.optional and settings not in optional:
            continue
        value = read_settings(f.mapping(settings.key), settings.cls)
        model = catalog.models.find(getattr(value, "model", None) or "")
        if model is not None:
            value = replace(value, model=model.id)
        settled = settings.with_value(settled, value)
    return settled


def _lookup(f: Fields, key: str, lookup: Callable[[str], Any]) -> Any:
    """The catalog entry ``f[key]`` names (a calibration's link), reported if unknown."""
    name = f.text(key, required=True)
    if name is None:
        return None
    try:
        return lookup(name)
    except LookupFailed as exc:
        f.report.add(f.path + (key,), str(exc))
        return None


def _group(f: Fields) -> Group:
    group = Group(f.text("id", "", required=True), f.text("name", "") or "",
                  f.integer("replicas", 1), f.text("parent"), f.flag("collapsed", False))
    f.finish()
    return group


def _node(f: Fields, catalog: Catalog) -> Node:
    node_id = f.text("id", "", required=True)
    kind = f.text("kind", "", required=True)
    if kind == "switch":
        hardware = _catalog_id(f, "switch", catalog.switches.find)
        accelerators = 0
    else:
        hardware = _catalog_id(f, "accelerator", catalog.accelerators.find)
        spec = catalog.accelerators.find(hardware) if kind == "server" else None
        accelerators = f.integer("accelerators", spec.server.accelerators if spec else 1)
    node = Node(node_id, kind, hardware, f.text("name", "") or "", f.integer("replicas", 1),
                accelerators, _position(f), f.text("group"), _overrides(f))
    f.finish()
    return node


def _catalog_id(f: Fields, key: str, find: Any) -> str:
    """The catalog id of the entry the file names (any alias or case), or the name as
    written when the catalog has none (a rule reports it)."""
    name = f.text(key, "", required=True)
    found = find(name)
    return found.id if found is not None else name


def _position(f: Fields) -> tuple[float, float]:
    value = f.raw("position")
    if value is None:
        return (0.0, 0.0)
    if not (isinstance(value, list) and len(value) == 2 and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value)):
        f.report.add(f.path + ("position",), f"must be [x, y], two numbers, got {value!r}")
        return (0.0, 0.0)
    # A whole number off the canvas stays as written, for the rule to name: float() of a
    # 310-digit one overflows.
    x, y = (float(v) if abs(v) <= MAX_COORDINATE else v for v in value)
    return (x, y)


def _overrides(f: Fields) -> tuple[tuple[str, float], ...]:
    """The overrides with their numbers, sorted so equal overrides compare equal."""
    sub = f.mapping("overrides")
    if sub is None:
        return ()
    out = []
    for key in list(sub.data):
        value = sub.number(str(key))
        if value is not None:
            out.append((str(key), value))
    sub.finish()
    return tuple(sorted(out))


def _link(f: Fields, catalog: Catalog) -> Link:
    link_id = f.text("id", "", required=True)
    source, target = f.text("from", "", required=True), f.text("to", "", required=True)
    link_type = _catalog_id(f, "type", catalog.links.find)
    link = Link(link_id, source, target, link_type, f.integer("count", 1),
                f.text("pattern", "spread"), tuple(_dims(f)))
    f.finish()
    return link


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
        if isinstance(item, bool) or not isinstance(item, int):
            f.report.add(path, f"must be a whole number, got {item!r}")
        else:
            out.append(item)
    return out


def read_settings(f: Fields | None, cls: type) -> Any:
    """A settings dataclass from its mapping, defaults for what is left out (their limits
    and choices are rules: :mod:`engine.rules`)."""
    if f is None:
        return cls()
    values = {}
    for s in settings_of(cls):
        if is_settings_class(s.kind):
            values[s.name] = read_settings(f.mapping(s.name), s.kind)
        elif s.kind is bool:
            values[s.name] = f.flag(s.name, s.default)
        elif s.kind is int:
            values[s.name] = f.integer(s.name, s.default)
        elif s.kind is float:
            values[s.name] = f.number(s.name, s.default)
        else:
            values[s.name] = f.text(s.name, s.default)
    f.finish()
    return cls(**values)
