""":class:`~engine.design.Design` to layout YAML, written atomically.

The writer emits every setting (defaults included), so a saved file pins
the assumptions it was evaluated with. Reading what it writes gives back an
equal design.
"""

from __future__ import annotations

import os
from typing import Any

import yaml

from engine.atomic_file import write_text
from engine.design import Calibration, Design, Group, Link, Node
from engine.estimates import REGISTRY
from engine.layout.reader import FORMAT_NAME, FORMAT_VERSION
from engine.settings import is_settings_class, settings_of

HEADER = "# Cluster Workbench layout (docs/format.md)\n"


class _Flow(list):
    """A short list written on one line: positions, torus shapes."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(str, _represent_str)


def dumps_design(design: Design) -> str:
    """The layout file text of ``design``."""
    data: dict[str, Any] = {"format": f"{FORMAT_NAME}/{FORMAT_VERSION}"}
    data.update(_design(design))
    if design.scenarios:
        data["scenarios"] = [_design(s) for s in design.scenarios]
    if design.calibrations:
        data["calibrations"] = [_calibration(c) for c in design.calibrations]
    if design.catalog is not None:
        data["catalog"] = design.catalog
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
    return HEADER + body


def save_design(design: Design, path: str | os.PathLike[str]) -> None:
    """Write ``design`` to ``path`` atomically (temporary file, then rename)."""
    write_text(path, dumps_design(design))


def _design(design: Design) -> dict[str, Any]:
    out: dict[str, Any] = {"name": design.name}
    if design.description:
        out["description"] = design.description
    if design.source:
        out["source"] = design.source
    if design.groups:
        out["groups"] = [_group(g) for g in design.groups]
    out["nodes"] = [_node(n) for n in design.nodes]
    out["links"] = [_link(lk) for lk in design.links]
    for settings in REGISTRY.settings_sections():
        if settings.present(design):
            out[settings.key] = settings_data(settings.of(design))
    return out


def _group(group: Group) -> dict[str, Any]:
    out: dict[str, Any] = {"id": group.id}
    if group.name:
        out["name"] = group.name
    out["replicas"] = group.replicas
    if group.parent is not None:
        out["parent"] = group.parent
    if group.collapsed:
        out["collapsed"] = True
    return out


def _node(node: Node) -> dict[str, Any]:
    out: dict[str, Any] = {"id": node.id, "kind": node.kind}
    out["switch" if node.kind == "switch" else "accelerator"] = node.hardware
    if node.kind == "server":
        out["accelerators"] = node.accelerators
    out["replicas"] = node.replicas
    if node.name:
        out["name"] = node.name
    if node.group is not None:
        out["group"] = node.group
    out["position"] = _Flow(node.position)
    if node.overrides:
        out["overrides"] = dict(node.overrides)
    return out


def _link(link: Link) -> dict[str, Any]:
    out: dict[str, Any] = {"id": link.id, "from": link.source, "to": link.target,
                           "type": link.type, "count": link.count}
    if link.pattern != "spread":
        out["pattern"] = link.pattern
    if link.dims:
        out["dims"] = _Flow(link.dims)
    return out


def _calibration(calibration: Calibration) -> dict[str, Any]:
    return {"name": calibration.name, "source": calibration.source, "date": calibration.date,
            "links": [{"link": lk.link, "efficiency": lk.efficiency, "latency_us": lk.latency_us}
                      for lk in calibration.links]}


def settings_data(settings: Any) -> dict[str, Any]:
    """A settings dataclass as plain data, nested settings included."""
    out = {}
    for s in settings_of(type(settings)):
        value = getattr(settings, s.name)
        out[s.name] = settings_data(value) if is_settings_class(s.kind) else value
    return out

