"""What the inspector shows for a node, a link, a group, a multiple selection or the design.

Each function turns part of the document into inspector sections. Settings
sections are built from ``engine.settings.settings_of``, so a setting added
to the engine appears here with its label, unit, range, choices and source
and no change to the GUI. Choice lists only offer what the document would
accept (hardware every attached link still fits, link types both ends take).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from engine.catalog import AcceleratorSpec, Catalog, SwitchSpec
from engine.design import ACCELERATOR_OVERRIDES, SWITCH_OVERRIDES, Design, Group, Link, Node
from engine.estimates import REGISTRY
from engine.group_tree import nodes_within
from engine.hardware import link_kinds_of
from engine.settings import is_settings_class, settings_of
from engine.structure import physical_links, total_accelerators, units
from engine.units import bytes_to_memory_label
from widgets.content.box_text import short_name
from widgets.content.fields import Field, Section
from widgets.content.texts import engine_text, translate
from workbench.document.document import Document

#: Override key -> (label of context "Inspector", unit, catalog value of an accelerator or
#: switch spec).
OVERRIDES: dict[str, tuple[str, str, Any]] = {
    "peak_tflops_bf16": (
        QT_TRANSLATE_NOOP("Inspector", "Peak bf16"),
        "TFLOP/s",
        lambda a: _scaled(a.peaks.bf16, 1e12),
    ),
    "peak_tflops_fp16": (
        QT_TRANSLATE_NOOP("Inspector", "Peak fp16"),
        "TFLOP/s",
        lambda a: _scaled(a.peaks.fp16, 1e12),
    ),
    "peak_tflops_fp8": (
        QT_TRANSLATE_NOOP("Inspector", "Peak fp8"),
        "TFLOP/s",
        lambda a: _scaled(a.peaks.fp8, 1e12),
    ),
    "memory_gb": (
        QT_TRANSLATE_NOOP("Inspector", "Memory"),
        "GB",
        lambda a: bytes_to_memory_label(a.memory_bytes),
    ),
    "memory_tbps": (
        QT_TRANSLATE_NOOP("Inspector", "Memory bandwidth"),
        "TB/s",
        lambda a: a.memory_bw_Bps / 1e12,
    ),
    "scale_up_GBps_per_dir": (
        QT_TRANSLATE_NOOP("Inspector", "Scale-up bandwidth"),
        "GB/s per direction",
        lambda a: a.scale_up.bandwidth_Bps / 1e9,
    ),
    "tdp_w": (QT_TRANSLATE_NOOP("Inspector", "Board power"), "W", lambda a: a.tdp_w),
    "price_usd": (QT_TRANSLATE_NOOP("Inspector", "Price"), "USD", lambda spec: None),
    "ports": (QT_TRANSLATE_NOOP("Inspector", "Ports"), "", lambda s: s.ports),
    "power_w": (QT_TRANSLATE_NOOP("Inspector", "Power"), "W", lambda s: s.power_w),
}
MAX_ACCELERATORS_PER_SERVER = 1024


def node_sections(doc: Document, node: Node) -> tuple[str, list[Section]]:
    design, catalog = doc.design, doc.catalog
    n = units(design, node)
    main = [
        Field("name", translate("Inspector", "Name"), "text", node.name, tooltip=f"id: {node.id}"),
        Field(
            "hardware",
            translate("Inspector", "Hardware"),
            "choice",
            node.hardware,
            choices=_hardware_choices(doc, node),
        ),
    ]
    if node.kind == "server":
        main.append(
            Field(
                "accelerators",
                translate("Inspector", "Accelerators"),
                "int",
                node.accelerators,
                minimum=1,
                maximum=MAX_ACCELERATORS_PER_SERVER,
                unit=translate("Inspector", "per server"),
            )
        )
    main.append(
        Field(
            "replicas",
            translate("Inspector", "Replicas"),
            "int",
            node.replicas,
            minimum=1,
            tooltip=translate(
                "Inspector", "identical units this box stands for (before group replicas)"
            ),
        )
    )
    main.append(
        Field(
            "group",
            translate("Inspector", "Group"),
            "choice",
            node.group,
            optional=True,
            none_text=translate("Inspector", "(none)"),
            choices=tuple((g.name or g.id, g.id) for g in design.groups),
        )
    )
    totals = [Field("units", translate("Inspector", "Units in the design"), "info", f"{n:,}")]
    if node.kind != "switch":
        totals.append(
            Field(
                "total",
                translate("Inspector", "Accelerators"),
                "info",
                f"{n * node.accelerators:,}",
            )
        )
    spec: AcceleratorSpec | SwitchSpec = (
        catalog.switch(node.hardware)
        if node.kind == "switch"
        else catalog.accelerator(node.hardware)
    )
    allowed = SWITCH_OVERRIDES if node.kind == "switch" else ACCELERATOR_OVERRIDES
    overrides = []
    for key in allowed:
        label, unit, of = OVERRIDES[key]
        default = of(spec)
        none_text = (
            translate("Inspector", "catalog: {value}").format(value=f"{default:g}")
            if default is not None
            else translate("Inspector", "catalog")
        )
        overrides.append(
            Field(
                f"override.{key}",
                translate("Inspector", label),
                "float",
                node.override(key),
                minimum=0.0,
                optional=True,
                none_text=none_text,
                unit=unit,
            )
        )
    kind = {
        "server": translate("Inspector", "Server"),
        "accelerator": translate("Inspector", "Accelerator"),
        "switch": translate("Inspector", "Switch"),
    }[node.kind]
    return (
        f"{kind}: {node.label}",
        [
            Section(translate("Inspector", "Box"), tuple(main)),
            Section(translate("Inspector", "Totals"), tuple(totals)),
            Section(
                translate("Inspector", "Catalog values"),
                tuple(overrides),
                translate("Inspector", "Empty fields use the catalog's value."),
            ),
        ],
    )


def link_sections(doc: Document, link: Link) -> tuple[str, list[Section]]:
    design, catalog = doc.design, doc.catalog
    spec = catalog.link(link.type)
    source, target = design.node(link.source), design.node(link.target)
    types = tuple(
        (f"{t.name} ({t.id})", t.id) for t in doc.compatible_link_types(link.source, link.target)
    )
    main = [
        Field("from", translate("Inspector", "From"), "info", source.label),
        Field("to", translate("Inspector", "To"), "info", target.label),
        Field("type", translate("Inspector", "Type"), "choice", link.type, choices=types),
        Field(
            "count",
            translate("Inspector", "Count"),
            "int",
            link.count,
            minimum=1,
            tooltip=f"parallel links from each unit of {source.label}",
        ),
    ]
    if link.source == link.target:
        main.append(
            Field(
                "pattern",
                translate("Inspector", "Pattern"),
                "choice",
                link.pattern,
                choices=(("full mesh", "mesh"), ("ring", "ring"), ("torus", "torus")),
            )
        )
        if link.pattern == "torus":
            main.append(
                Field(
                    "dims",
                    translate("Inspector", "Torus shape"),
                    "text",
                    "x".join(map(str, link.dims)),
                    tooltip=translate("Inspector", "e.g. 4x4x4: the product is the units it joins"),
                )
            )
    per_unit = link.count * spec.bandwidth_Bps / 1e9
    totals = (
        Field(
            "cables",
            translate("Inspector", "Physical links"),
            "info",
            f"{physical_links(design, link):,}",
        ),
        Field(
            "bandwidth",
            translate("Inspector", "Bandwidth per unit"),
            "info",
            translate("Inspector", "{rate} GB/s per direction ({kind})").format(
                rate=f"{per_unit:,.1f}", kind=spec.kind
            ),
        ),
    )
    arrow = "↻" if link.source == link.target else "→"
    return (
        translate("Inspector", "Link: {source} {arrow} {target}").format(
            source=source.label, arrow=arrow, target=target.label
        ),
        [
            Section(translate("Inspector", "Link"), tuple(main)),
            Section(translate("Inspector", "Totals"), totals),
        ],
    )


def group_sections(doc: Document, group: Group) -> tuple[str, list[Section]]:
    design = doc.design
    inside = nodes_within(design, group.id)
    parents = tuple((g.name or g.id, g.id) for g in design.groups if g.id != group.id)
    main = (
        Field(
            "name", translate("Inspector", "Name"), "text", group.name, tooltip=f"id: {group.id}"
        ),
        Field(
            "replicas",
            translate("Inspector", "Replicas"),
            "int",
            group.replicas,
            minimum=1,
            tooltip=translate("Inspector", "how many times the group's contents are repeated"),
        ),
        Field(
            "parent",
            translate("Inspector", "Inside"),
            "choice",
            group.parent,
            optional=True,
            none_text=translate("Inspector", "(top level)"),
            choices=parents,
        ),
        Field("collapsed", translate("Inspector", "Collapsed"), "bool", group.collapsed),
    )
    accelerators = sum(units(design, n) * n.accelerators for n in inside if n.kind != "switch")
    totals = (
        Field("boxes", translate("Inspector", "Boxes inside"), "info", str(len(inside))),
        Field("accelerators", translate("Inspector", "Accelerators"), "info", f"{accelerators:,}"),
    )
    return (
        translate("Inspector", "Group: {name}").format(name=group.name or group.id),
        [
            Section(translate("Inspector", "Group"), main),
            Section(translate("Inspector", "Totals"), totals),
        ],
    )


def selection_sections(nodes: int, links: int, groups: int) -> tuple[str, list[Section]]:
    parts = [
        text.format(n=n)
        for n, text in (
            (
                nodes,
                translate("Inspector", "1 box")
                if nodes == 1
                else translate("Inspector", "{n} boxes"),
            ),
            (
                links,
                translate("Inspector", "1 link")
                if links == 1
                else translate("Inspector", "{n} links"),
            ),
            (
                groups,
                translate("Inspector", "1 group")
                if groups == 1
                else translate("Inspector", "{n} groups"),
            ),
        )
        if n
    ]
    note = translate(
        "Inspector",
        "Select a single item to edit it. Arrange lines boxes up; "
        "Edit > Group puts them in a group.",
    )
    return (
        translate("Inspector", "{items} selected").format(items=", ".join(parts)),
        [Section(translate("Inspector", "Selection"), (), note)],
    )


def design_sections(doc: Document) -> tuple[str, list[Section]]:
    """The design's name and every workload, cost and reliability setting."""
    design = doc.design
    about = [
        Field("design.name", translate("Inspector", "Name"), "text", design.name),
        Field(
            "design.accelerators",
            translate("Inspector", "Accelerators"),
            "info",
            f"{total_accelerators(design):,}",
        ),
    ]
    about += [
        Field(f"design.{key}", label, "info", _shortened(text), tooltip=text)
        for key, label, text in (
            ("description", translate("Inspector", "Description"), design.description),
            ("source", translate("Inspector", "Source"), design.source),
        )
        if text
    ]
    sections = [Section(translate("Inspector", "Design"), tuple(about)), _asks_section(design)]
    for settings in (s for s in REGISTRY.settings_sections() if s.present(design)):
        sections += _settings_sections(
            doc.catalog, settings.key, settings.of(design), engine_text(settings.label)
        )
    return design.name, sections


def _asks_section(design: Design) -> Section:
    """A tick for each workload the design may ask for or not (training, serving)."""
    asks = tuple(
        Field(
            f"asks.{s.key}",
            engine_text(s.label),
            "bool",
            s.present(design),
            tooltip=translate(
                "Inspector",
                "Tick to add {settings} settings (at their defaults); untick to leave them out",
            ).format(settings=engine_text(s.label).lower()),
        )
        for s in REGISTRY.settings_sections()
        if s.can_leave_out
    )
    return Section(
        translate("Inspector", "Asks for"),
        asks,
        translate("Inspector", "A design asks for at least one."),
    )


def _settings_sections(catalog: Catalog, prefix: str, value: Any, title: str) -> list[Section]:
    fields, nested = [], []
    for s in settings_of(type(value)):
        key, current = f"{prefix}.{s.name}", getattr(value, s.name)
        if is_settings_class(s.kind):
            nested += _settings_sections(
                catalog, key, current, f"{title} {engine_text(s.info.label or s.name).lower()}"
            )
            continue
        info = s.info
        source = (
            translate("Inspector", "Source: {source}").format(source=info.source)
            if info.source
            else ""
        )
        tooltip = "\n".join(t for t in (info.doc, source) if t)
        common = {
            "optional": s.optional,
            "none_text": translate("Inspector", "auto"),
            "tooltip": tooltip,
        }
        label = engine_text(info.label)
        choices = info.choices and tuple((c, c) for c in info.choices)
        if s.name == "model":
            choices = tuple((m.name, m.id) for m in catalog.models.values())
        if choices:
            fields.append(Field(key, label, "choice", current, choices=choices, **common))
        elif s.kind in (int, float):
            fields.append(
                Field(
                    key,
                    label,
                    "int" if s.kind is int else "float",
                    current,
                    minimum=info.minimum,
                    maximum=info.maximum,
                    unit=engine_text(info.unit),
                    **common,
                )
            )
        elif s.kind is bool:
            fields.append(Field(key, label, "bool", current, **common))
        else:
            fields.append(Field(key, label, "text", current, unit=engine_text(info.unit), **common))
    note = (
        ""
        if fields or nested
        else translate("Inspector", "No settings yet: the estimates use no assumptions here.")
    )
    return [Section(title, tuple(fields), note), *nested]


def _hardware_choices(doc: Document, node: Node) -> tuple[tuple[str, str], ...]:
    """Hardware of the node's kind that every link on the node still fits."""
    catalog = doc.catalog
    needed = {catalog.link(lk.type).kind for lk in doc.design.links_of(node.id)}
    table = catalog.switches if node.kind == "switch" else catalog.accelerators
    out = []
    for spec in table.values():
        candidate = Node(node.id, node.kind, spec.id, accelerators=node.accelerators)
        if needed <= set(link_kinds_of(catalog, candidate)):
            out.append((f"{short_name(spec.name, spec.vendor)} ({spec.vendor})", spec.id))
    return tuple(out)


def _shortened(text: str, limit: int = 140) -> str:
    """Long texts fit in a few lines; the whole text is the tooltip."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _scaled(value: float | None, unit: float) -> float | None:
    return None if value is None else value / unit
