"""The link a drag from one box to another creates, before the user tunes it.

Compute boxes are the ``from`` end when the other end is a switch (as in
the format's examples), and the count is what the hardware has: a server's
NICs for its NIC type, or as many scale-up links as its scale-up bandwidth
needs (18 NVLink 4 links for an H100's 450 GB/s).
"""

from __future__ import annotations

from engine.catalog import Catalog, LinkSpec
from engine.design import Link, Node


def new_link(catalog: Catalog, link_id: str, a: Node, b: Node, spec: LinkSpec) -> Link:
    source, target = (b, a) if a.kind == "switch" and b.kind != "switch" else (a, b)
    if source.id == target.id:      # a node's units among themselves: one link per pair
        return Link(link_id, source.id, target.id, spec.id, 1, "mesh")
    return Link(link_id, source.id, target.id, spec.id, default_count(catalog, source, spec))


def default_count(catalog: Catalog, source: Node, spec: LinkSpec) -> int:
    if source.kind == "switch":
        return 1
    accel = catalog.accelerator(source.hardware)
    if spec.scale_up and spec.bandwidth_Bps > 0:
        per_accelerator = max(1, round(accel.scale_up.bandwidth_Bps / spec.bandwidth_Bps))
        return per_accelerator * source.accelerators
    if source.kind == "server" and spec.id == accel.server.nic_link:
        return accel.server.nics
    return 1
