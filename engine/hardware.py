"""A node's hardware as the engine sees it: catalog specs with the node's overrides.

Also which link types can join two nodes, and the natural default, so the
canvas offers only links that make sense and the loader refuses the rest.
"""

from __future__ import annotations

import dataclasses

from engine.catalog import AcceleratorSpec, Catalog, LinkSpec, SwitchSpec
from engine.design import Node
from engine.units import bytes_to_memory_label, memory_label_to_bytes

NIC_KINDS = ("infiniband", "roce", "ethernet", "efa")


def accelerator_of(catalog: Catalog, node: Node) -> AcceleratorSpec:
    """The accelerator of a server or accelerator node, overrides applied."""
    spec = catalog.accelerator(node.hardware)
    if not node.overrides:
        return spec
    o = dict(node.overrides)
    peaks = dataclasses.replace(spec.peaks, **{
        p: o[f"peak_tflops_{p}"] * 1e12 for p in ("bf16", "fp16", "fp8")
        if f"peak_tflops_{p}" in o})
    scale_up = spec.scale_up
    if "scale_up_GBps_per_dir" in o:
        scale_up = dataclasses.replace(scale_up, bandwidth_Bps=o["scale_up_GBps_per_dir"] * 1e9)
    return dataclasses.replace(
        spec, peaks=peaks, scale_up=scale_up,
        memory_bytes=memory_label_to_bytes(
            o.get("memory_gb", bytes_to_memory_label(spec.memory_bytes))),
        memory_bw_Bps=o.get("memory_tbps", spec.memory_bw_Bps / 1e12) * 1e12,
        tdp_w=o.get("tdp_w", spec.tdp_w),
        tdp_assumed="" if "tdp_w" in o else spec.tdp_assumed)


def switch_of(catalog: Catalog, node: Node) -> SwitchSpec:
    """The switch of a switch node, overrides applied."""
    spec = catalog.switch(node.hardware)
    o = dict(node.overrides)
    if "ports" not in o and "power_w" not in o:
        return spec
    return dataclasses.replace(spec, ports=int(o.get("ports", spec.ports)),
                               power_w=o.get("power_w", spec.power_w))


def link_kinds_of(catalog: Catalog, node: Node) -> tuple[str, ...]:
    """Link kinds a node's ports take."""
    if node.kind == "switch":
        return catalog.switch(node.hardware).link_kinds
    accel = catalog.accelerator(node.hardware)
    scale_up_kind = catalog.link(accel.scale_up.link).kind
    nic_kind = catalog.link(accel.server.nic_link).kind
    kinds = [scale_up_kind, nic_kind, *NIC_KINDS]
    if node.kind == "accelerator":
        kinds.append("pcie")
    return tuple(dict.fromkeys(kinds))


def compatible_links(catalog: Catalog, a: Node, b: Node) -> list[LinkSpec]:
    """Link types both ends take, the natural one first."""
    common = set(link_kinds_of(catalog, a)) & set(link_kinds_of(catalog, b))
    links = [link for link in catalog.links.values() if link.kind in common]
    preferred = _preferred_link(catalog, a, b)
    links.sort(key=lambda link: (link.id != preferred, link.kind, -link.bandwidth_Bps))
    return links


def _preferred_link(catalog: Catalog, a: Node, b: Node) -> str | None:
    """The server's own NIC type towards a switch, the scale-up link between accelerators,
    the link running at the (slower) port rate between two switches."""
    ends = [n for n in (a, b) if n.kind != "switch"]
    if not ends:
        return _port_rate_link(catalog, a, b)
    accel = catalog.accelerator(ends[0].hardware)
    if len(ends) == 2 and a.kind == b.kind == "accelerator":
        return accel.scale_up.link
    if a.kind == "switch" or b.kind == "switch":
        switch = catalog.switch((a if a.kind == "switch" else b).hardware)
        if catalog.link(accel.scale_up.link).kind in switch.link_kinds:
            return accel.scale_up.link
    return accel.server.nic_link


def _port_rate_link(catalog: Catalog, a: Node, b: Node) -> str | None:
    rate = min(catalog.switch(a.hardware).port_Bps, catalog.switch(b.hardware).port_Bps)
    common = set(link_kinds_of(catalog, a)) & set(link_kinds_of(catalog, b))
    return next((link.id for link in catalog.links.values()
                 if link.kind in common and abs(link.bandwidth_Bps - rate) <= 1e-6 * rate), None)
