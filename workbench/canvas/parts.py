"""Palette parts: what a dropped palette entry adds to the design.

A part's payload is JSON: ``{"node": {"kind": ..., "hardware": ...}}`` for
one box, ``{"template": id}`` for a template. Both become a fragment,
positioned and given free ids by :func:`workbench.document.fragments.rebase`.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from engine.catalog import Catalog
from engine.design import Design, Node
from engine.edit_errors import EditError
from engine.errors import LookupFailed
from widgets.content.box_text import short_name
from widgets.content.texts import translate
from workbench.canvas.templates import TEMPLATES


def node_payload(kind: str, hardware: str) -> str:
    return json.dumps({"node": {"kind": kind, "hardware": hardware}})


def template_payload(template_id: str) -> str:
    return json.dumps({"template": template_id})


def new_node(catalog: Catalog, kind: str, hardware: str) -> Node:
    """One unit of catalog hardware, named as people call it (``DGX H100``, ``QM9700``)."""
    name = default_name(catalog, kind, hardware)
    if kind == "switch":
        return Node(hardware, "switch", hardware, name, accelerators=0)
    accel = catalog.accelerator(hardware)
    if kind == "server":
        return Node(accel.id, "server", accel.id, name, accelerators=accel.server.accelerators)
    return Node(accel.id, "accelerator", accel.id, name)


def default_name(catalog: Catalog, kind: str, hardware: str) -> str:
    """The name a new box of this hardware gets: the reference server's for a server, the
    part's short name otherwise."""
    if kind == "switch":
        spec = catalog.switch(hardware)
        return short_name(spec.name, spec.vendor)
    accel = catalog.accelerator(hardware)
    return accel.server.name if kind == "server" else short_name(accel.name, accel.vendor)


def with_hardware(catalog: Catalog, node: Node, hardware: str) -> Node:
    """``node`` on other hardware. What still follows the old hardware's defaults follows the
    new one's: a name that was the default name ("DGX H200" becomes "DGX H100"), a server's
    accelerator count that was the reference server's; a name or count the user chose
    stays."""
    changes: dict[str, Any] = {"hardware": hardware}
    if node.name == default_name(catalog, node.kind, node.hardware):
        changes["name"] = default_name(catalog, node.kind, hardware)
    if node.kind == "server" and \
            node.accelerators == catalog.accelerator(node.hardware).server.accelerators:
        changes["accelerators"] = catalog.accelerator(hardware).server.accelerators
    return dataclasses.replace(node, **changes)


def fragment_for(catalog: Catalog, payload: str) -> tuple[Design, str]:
    """The fragment a payload adds and the undo text for adding it."""
    try:
        data: Any = json.loads(payload)
        if "template" in data:
            template = TEMPLATES[data["template"]]
            return template.build(), f"Drop {template.title}"
        node = new_node(catalog, data["node"]["kind"], data["node"]["hardware"])
    except (ValueError, KeyError, TypeError, LookupFailed) as exc:
        raise EditError(f"not a palette entry: {payload[:80]!r}") from exc
    return Design(nodes=(node,)), translate("Commands", "Add {item}").format(item=node.label)
