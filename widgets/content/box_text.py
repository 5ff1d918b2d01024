"""What each canvas item says and how heavy a link looks, from the design and catalog.

Pure functions, no Qt: the binder passes their results to the dumb items.
Counts are the engine's (``engine.structure.units``), so a box's "× 256"
is the same number the estimates use.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from engine.catalog import Catalog
from engine.design import Design, Group, Link, Node
from engine.group_tree import nodes_within
from engine.structure import units
from engine.units import bytes_to_memory_label
from widgets.content.texts import translate

_REMARK = re.compile(r"\s*\([^()]*\)$")


@dataclass(frozen=True)
class BoxText:
    title: str
    lines: tuple[str, ...]
    count: str
    remark: str = ""            # the name's parenthesis, also the first of ``lines``


@dataclass(frozen=True)
class LinkLook:
    label: str
    kind: str           # catalog link kind: picks the colour
    width: float        # pen width in scene units, grows with bandwidth


def count_badge(n: int) -> str:
    return f"× {n:,}" if n > 1 else ""


def short_name(name: str, vendor: str) -> str:
    """``NVIDIA Quantum-2 QM9700 (NDR InfiniBand)`` -> ``Quantum-2 QM9700``: the vendor and
    the remarks are in the palette and the inspector."""
    name = name.removeprefix(f"{vendor} ") if vendor else name
    return split_remark(name)[0]


def split_remark(name: str) -> tuple[str, str]:
    """``Spine (NDR, 64 ports)`` -> ``("Spine", "NDR, 64 ports")``: a box's title stays
    short and its remark gets a line of its own."""
    match = _REMARK.search(name)
    if not match or match.start() == 0:
        return name, ""
    return name[:match.start()], match.group(0).strip()[1:-1]


def node_text(design: Design, catalog: Catalog, node: Node) -> BoxText:
    """Title, up to three lines (remark, hardware, counts) and the count badge. The hardware
    line gives headline figures instead when the title already names the hardware."""
    n = units(design, node)
    if node.kind == "switch":
        spec = catalog.switch(node.hardware)
        hardware = short_name(spec.name, spec.vendor)
        figures = translate("Canvas", "{kinds} switch").format(kinds=" / ".join(spec.link_kinds))
        count_line = translate("Canvas", "{ports} × {rate} Gb/s ports").format(
            ports=_ports(node, spec.ports), rate=f"{spec.port_Bps * 8 / 1e9:g}")
    else:
        accel = catalog.accelerator(node.hardware)
        hardware = short_name(accel.name, accel.vendor)
        peak = accel.peak_flops(design.workload.precision) or 0.0
        figures = f"{peak / 1e12:,.0f} TFLOP/s · {bytes_to_memory_label(accel.memory_bytes):g} GB"
        if node.kind == "server":
            count_line = translate("Canvas", "{n} per server · {total} total").format(
                n=node.accelerators, total=f"{n * node.accelerators:,}")
        else:
            count_line = translate("Canvas", "{n} accelerators").format(n=f"{n:,}") if n > 1 \
                else translate("Canvas", "one accelerator")
    title, remark = split_remark(node.label)
    lines = (remark, hardware if hardware != title else figures, count_line)
    return BoxText(title, tuple(line for line in lines if line), count_badge(n), remark)


def group_text(design: Design, group: Group) -> BoxText:
    """Title and badge for the frame; remark and contents for the collapsed box."""
    inside = nodes_within(design, group.id)
    accelerators = sum(units(design, n) * n.accelerators for n in inside if n.kind != "switch")
    title, remark = split_remark(group.name or group.id)
    boxes = translate("Canvas", "1 box inside") if len(inside) == 1 \
        else translate("Canvas", "{n} boxes inside").format(n=len(inside))
    lines = (remark, boxes,
             translate("Canvas", "{n} accelerators").format(n=f"{accelerators:,}")
             if accelerators else translate("Canvas", "no accelerators"))
    return BoxText(title, tuple(line for line in lines if line), count_badge(group.replicas),
                   remark)


def _ports(node: Node, catalog_ports: int) -> int:
    override = node.override("ports")
    return int(override) if override is not None else catalog_ports


def link_look(catalog: Catalog, link: Link) -> LinkLook:
    spec = catalog.link(link.type)
    if link.pattern == "spread":
        label = f"{link.type} × {link.count}" if link.count > 1 else link.type
    else:
        shape = "×".join(map(str, link.dims)) if link.dims else ""
        label = " ".join(p for p in (link.type, link.pattern, shape) if p)
        if link.count > 1:
            label += f" (× {link.count})"
    gbps = link.count * spec.bandwidth_Bps / 1e9
    width = min(1.2 + 1.1 * math.log2(1 + gbps / 25), 9.0)
    return LinkLook(label, spec.kind, width)

