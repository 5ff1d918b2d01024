"""Designs as InfraGraphs and back, with the ``infragraph`` package (ASTRA-sim 3's input).

An InfraGraph (infragraph.dev; the package's ``infragraph.proto``) is
devices made of components (``xpu``, ``nic``, ``port``, ``switch`` ...)
joined by device edges, instances of devices (a name, a device, a count),
and infrastructure edges joining instance components through named links
that carry a bandwidth and a latency. Edge endpoints take Python slices
(``dgx[0:32]``, ``nic[0:8:2]``) and ``one2one`` pairs the expanded lists.

A design maps onto it box by box: each node is a device (a server: its
accelerators as ``xpu``, the scale-up fabric as an internal ``switch`` or a
mesh of device edges, one ``nic`` per network port; a switch: an ``asic``
and its ``port``\\s) and one instance of it with one unit per physical
unit, group replicas multiplied in (InfraGraph instances are flat). Each
design link is one InfraGraph link named after it (its description holds
the catalog link type, and the pattern of a self-link), and its cables
(``engine.unit_graph``'s wiring, port by port) become as few slice edges as
the wiring allows. Descriptions of ``xpu`` and ``asic`` components start
with the catalog id, so our own files come back exactly; a foreign file is
matched by link bandwidth instead.

Reading one back expands it with ``InfraGraphService.set_graph`` (the
package's validation) and counts cables between instances: a link's
``count`` is its cables per source unit. Groups are not kept (the import is
flat), so which switch a server's cable reaches may differ from the
original design; every count, cable and bandwidth is kept.
"""

from __future__ import annotations

import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.catalog import Catalog, LinkSpec, load_catalog
from engine.design import Design, Link, Node
from engine.errors import InteropError, Problem
from engine.interop.checked import checked_design
from engine.interop.files import decode, read_limited
from engine.interop.matching import link_at_rate, switch_for
from engine.interop.placement import placed
from engine.limits import MAX_UNITS
from engine.structure import scope, units, units_in_scope
from engine.unit_graph import outer_radix, spread_edges
from engine.yamlio import parse_yaml

MAX_INFRAGRAPH_BYTES = 32 * 2**20
EXPANSION_LIMIT = 100_000
_PATTERN = re.compile(r"^(?P<type>[\w.@-]+)(?:,\s*(?P<pattern>mesh|ring|torus)"
                      r"(?:\s+(?P<dims>\d+(?:x\d+)*))?)?")


# ----------------------------------------------------------------------------- export

@dataclass(frozen=True)
class _Cables:
    """Every cable of one design link: unit and port at each end."""

    link: Link
    src: np.ndarray
    src_port: np.ndarray
    dst: np.ndarray
    dst_port: np.ndarray


def design_to_infragraph(design: Design, catalog: Catalog | None = None) -> dict[str, Any]:
    """The InfraGraph of ``design`` as plain data, validated by the infragraph package."""
    catalog = catalog or load_catalog()
    offsets: Counter[str] = Counter()
    cables = []
    for link in design.links:
        src, dst = _unit_pairs(design, link)
        src_port = _ports(src, dst if link.source == link.target else None)
        dst_port = _ports(dst, src if link.source == link.target else None, after=True)
        src_port += offsets[link.source]
        offsets[link.source] = int(src_port.max(initial=-1)) + 1
        if link.target != link.source:
            dst_port += offsets[link.target]
        offsets[link.target] = max(offsets[link.target], int(dst_port.max(initial=-1)) + 1)
        cables.append(_Cables(link, src, src_port, dst, dst_port))
    data = {
        "name": _name(design.name),
        "description": design.description or design.name,
        "devices": [_device(n, catalog, offsets[n.id]) for n in design.nodes],
        "instances": [{"name": n.id, "device": n.id, "count": units(design, n)}
                      for n in design.nodes],
        "links": [_link(lk, catalog) for lk in design.links],
        "edges": [edge for c in cables for edge in _edges(design, c)],
    }
    validate_infragraph(data, "export")
    return data


def _name(text: str) -> str:
    """``text`` in the characters InfraGraph allows in a name."""
    return re.sub(r"[^\sA-Za-z0-9_()<>\[\]-]+", "-", text).strip("- ") or "design"


def _unit_pairs(design: Design, link: Link) -> tuple[np.ndarray, np.ndarray]:
    """Global unit indices of both ends of every cable (docs/format.md, Links)."""
    if link.pattern == "spread":
        return spread_edges(design, link)
    node = design.node(link.source)
    where = scope(design, link)
    n = units_in_scope(design, node, where)
    pairs = _self_pairs(link, n)
    local_a = np.repeat(pairs[:, 0], link.count)
    local_b = np.repeat(pairs[:, 1], link.count)
    instances = outer_radix(design, where)
    inst = np.arange(instances)[:, None]
    return (local_a[None, :] * instances + inst).ravel(), \
        (local_b[None, :] * instances + inst).ravel()


def _self_pairs(link: Link, n: int) -> np.ndarray:
    """Neighbour pairs among ``n`` units of a mesh, ring or torus (one per pair)."""
    if link.pattern == "mesh":
        a, b = np.triu_indices(n, 1)
        return np.stack([a, b], axis=1)
    if link.pattern == "ring":
        if n < 3:
            return np.array([[0, 1]]) if n == 2 else np.zeros((0, 2), dtype=int)
        a = np.arange(n)
        return np.stack([a, (a + 1) % n], axis=1)
    dims = link.dims
    coords = np.stack(np.unravel_index(np.arange(n), dims), axis=1)
    out = []
    for axis, size in enumerate(dims):
        if size < 2:
            continue
        keep = coords[:, axis] < size - 1 if size == 2 else np.ones(n, dtype=bool)
        step = coords.copy()
        step[:, axis] = (step[:, axis] + 1) % size
        neighbour = np.ravel_multi_index(tuple(step.T), dims)
        out.append(np.stack([np.arange(n)[keep], neighbour[keep]], axis=1))
    return np.concatenate(out) if out else np.zeros((0, 2), dtype=int)


def _ports(units_: np.ndarray, other: np.ndarray | None = None, after: bool = False) -> \
        np.ndarray:
    """Port of each cable end: how many cables that unit had before it.

    For a link of a node to itself both ends count on the same units: the
    source ends come first (``other`` is then the other end's units).
    """
    if other is not None:
        joined = np.concatenate([units_, other] if not after else [other, units_])
        ranks = _occurrence(joined)
        return ranks[len(other):] if after else ranks[: len(units_)]
    return _occurrence(units_)


def _occurrence(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="stable")
    ranked = values[order]
    starts = np.r_[0, np.flatnonzero(np.diff(ranked)) + 1]
    lengths = np.diff(np.r_[starts, ranked.size])
    position = np.arange(ranked.size) - np.repeat(starts, lengths)
    out = np.empty_like(position)
    out[order] = position
    return out


def _device(node: Node, catalog: Catalog, ports: int) -> dict[str, Any]:
    if node.kind == "switch":
        spec = catalog.switch(node.hardware)
        components = [_component("asic", "switch", 1, f"{spec.id}: {spec.name}"),
                      _component("port", "port", max(ports, 1), "switch port")]
        links = [{"name": "switching", "description": "switch ASIC to its ports"}]
        edges = [_device_edge("asic", "port", "many2many", "switching")]
        return {"name": node.id, "description": f"switch {node.label}",
                "components": components, "links": links, "edges": edges}
    spec = catalog.accelerator(node.hardware)
    up = catalog.link(spec.scale_up.link)
    components = [_component("xpu", "xpu", node.accelerators, f"{spec.id}: {spec.name}")]
    links = [{"name": "pcie", "description": "accelerator to its network ports"}]
    edges = []
    if node.accelerators > 1:
        links.append({"name": up.id, "description": f"{up.name}, per accelerator",
                      "physical": _physical(spec.scale_up.bandwidth_Bps * 8 / 1e9,
                                            up.latency_s)})
        if spec.scale_up.topology == "switch":
            components.append(_component("scaleup", "switch", 1, f"{up.name} switch"))
            edges.append(_device_edge("xpu", "scaleup", "many2many", up.id))
        else:
            edges.append(_device_edge("xpu", "xpu", "many2many", up.id))
    if ports:
        components.append(_component("nic", "nic", ports, "network port"))
        for index in range(ports):
            edges.append(_device_edge(f"xpu[{index % node.accelerators}]", f"nic[{index}]",
                                      "one2one", "pcie"))
    return {"name": node.id, "description": f"{node.kind} {node.label}",
            "components": components, "links": links, "edges": edges}


def _component(name: str, choice: str, count: int, description: str) -> dict[str, Any]:
    return {"name": name, "description": description, "count": count, "choice": choice}


def _device_edge(a: str, b: str, scheme: str, link: str) -> dict[str, Any]:
    return {"ep1": {"component": a}, "ep2": {"component": b}, "scheme": scheme, "link": link}


def _physical(gbps: float, latency_s: float) -> dict[str, Any]:
    return {"bandwidth": {"choice": "gigabits_per_second", "gigabits_per_second": gbps},
            "latency": {"choice": "ns", "ns": round(latency_s * 1e9, 3)}}


def _link(link: Link, catalog: Catalog) -> dict[str, Any]:
    spec = catalog.link(link.type)
    text = spec.id
    if link.pattern != "spread":
        text += f", {link.pattern}" + (f" {'x'.join(map(str, link.dims))}" if link.dims else "")
    return {"name": link.id, "description": text,
            "physical": _physical(spec.bandwidth_Bps * 8 / 1e9, spec.latency_s)}


def _edges(design: Design, cables: _Cables) -> list[dict[str, Any]]:
    """The cables as slice edges, in the order that needs the fewest."""
    ends = ("nic", "port")
    src_comp = ends[design.node(cables.link.source).kind == "switch"]
    dst_comp = ends[design.node(cables.link.target).kind == "switch"]
    table = np.stack([cables.src, cables.src_port, cables.dst, cables.dst_port], axis=1)
    best: list[tuple[np.ndarray, np.ndarray]] = []
    for keys in ((1, 0), (0, 1), (3, 2), (2, 3)):
        ordered = table[np.lexsort(tuple(table[:, k] for k in reversed(keys)))]
        runs = _runs(ordered)
        if not best or len(runs) < len(best):
            best = runs
    return [{"ep1": {"instance": f"{cables.link.source}[{_slice(first[0], step[0], n)}]",
                     "component": f"{src_comp}[{_slice(first[1], step[1], n)}]"},
             "ep2": {"instance": f"{cables.link.target}[{_slice(first[2], step[2], n)}]",
                     "component": f"{dst_comp}[{_slice(first[3], step[3], n)}]"},
             "scheme": "one2one", "link": cables.link.id}
            for first, step, n in ((r[0], s, len(r)) for r, s in best)]


def _runs(rows: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Maximal runs of rows that step evenly, with unit or port fixed on each end."""
    runs: list[tuple[np.ndarray, np.ndarray]] = []
    start = 0
    while start < len(rows):
        end = start + 1
        step = np.zeros(4, dtype=rows.dtype)
        if end < len(rows):
            candidate = rows[end] - rows[start]
            if _expressible(candidate):
                step = candidate
                while end < len(rows) and np.array_equal(rows[end] - rows[end - 1], step):
                    end += 1
        runs.append((rows[start:end], step))
        start = end
    return runs


def _expressible(step: np.ndarray) -> bool:
    return bool(np.all(step >= 0) and (step[0] == 0 or step[1] == 0)
                and (step[2] == 0 or step[3] == 0) and step[:2].any() and step[2:].any())


def _slice(first: int, step: int, n: int) -> str:
    if n == 1 or step == 0:
        return str(int(first))
    last = int(first + step * (n - 1))
    return f"{int(first)}:{last + 1}" + (f":{int(step)}" if step != 1 else "")


def validate_infragraph(data: dict[str, Any], file: str, expand: bool | None = None) -> bool:
    """The package's own validation: the schema, then (``expand``) the expanded graph.

    Expanding costs time in proportion to each device's components times its
    device edges (infragraph 3.1 adds a device's edges once per component),
    so by default it runs only below :data:`EXPANSION_LIMIT` of those;
    returns whether it ran.
    """
    from infragraph import Infrastructure
    from infragraph.infragraph_service import GraphError, InfraGraphService, InfrastructureError

    try:
        infrastructure = Infrastructure().deserialize(data)
        infrastructure.validate()
        if expand is None:
            expand = _expansion_cost(data) <= EXPANSION_LIMIT
        if expand:
            InfraGraphService().set_graph(infrastructure)
    except (InfrastructureError, GraphError, TypeError, ValueError, KeyError, AttributeError,
            IndexError, NotImplementedError) as exc:
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise InteropError([Problem("", f"InfraGraph validation: {message[:300]}")],
                           file) from None
    return bool(expand)


def _expansion_cost(data: dict[str, Any]) -> int:
    devices = {d["name"]: d for d in data["devices"]}
    total = 0
    for instance in data["instances"]:
        device = devices[instance["device"]]
        components = sum(c["count"] for c in device.get("components", []))
        edges = sum(_cables_of(edge, _counts(device, devices), _counts(device, devices))
                    for edge in device.get("edges", []))
        total += instance["count"] * components * edges
    return total


# ----------------------------------------------------------------------------- import

def read_infragraph(path: str | os.PathLike[str], catalog: Catalog | None = None) -> Design:
    """A design from an InfraGraph file (YAML or JSON), laid out and validated."""
    file = str(path)
    text = decode(read_limited(path, MAX_INFRAGRAPH_BYTES), file)
    data = parse_yaml(text, file, InteropError).data    # aliases and digits limited too
    return infragraph_to_design(data, file, catalog or load_catalog())


def infragraph_to_design(data: Any, file: str, catalog: Catalog) -> Design:
    """A flat design from InfraGraph data: one node per instance, one link per link and
    pair of instances."""
    if not isinstance(data, dict) or not isinstance(data.get("instances"), list) \
            or not isinstance(data.get("devices"), list):
        raise InteropError([Problem("", "not an InfraGraph (expected 'devices' and "
                                    "'instances' lists)")], file)
    for index, instance in enumerate(data["instances"]):
        count = instance.get("count") if isinstance(instance, dict) else None
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_UNITS:
            raise InteropError([Problem(f"instances[{index}].count", f"must be a whole "
                                        f"number 1 to {MAX_UNITS:,}, got {count!r}")], file)
    validate_infragraph(data, file)
    devices = {d.get("name"): d for d in data["devices"] if isinstance(d, dict)}
    boxes = {i["name"]: _box(i, devices[i["device"]], catalog, file) for i in data["instances"]}
    cables = _infrastructure_cables(data, devices, file)
    sources = _sources(data)
    names = Counter(name for name, _, _ in cables)
    infra_links = {lk.get("name"): lk for lk in data.get("links") or [] if isinstance(lk, dict)}
    links = []
    for (name, a, b), n in cables.items():
        link_id = name if names[name] == 1 else f"{name}-{a}-{b}"
        source = sources.get((name, a, b), a)
        target = b if source == a else a
        links.append(_design_link(link_id, infra_links.get(name, {}), source, target, n,
                                  boxes, catalog, file))
    nodes = tuple(_node(name, box, links, catalog, file) for name, box in boxes.items())
    design = Design(name=str(data.get("name") or os.path.basename(file)),
                    description=str(data.get("description") or ""),
                    source=f"InfraGraph {os.path.basename(file)}", nodes=nodes,
                    links=tuple(links))
    return checked_design(placed(design), file, catalog)


@dataclass(frozen=True)
class _Box:
    """What an instance's device says a design node is."""

    kind: str
    hardware: str | None        # None: a switch matched later by its links
    accelerators: int
    replicas: int
    ports: int


def _box(instance: dict[str, Any], device: dict[str, Any], catalog: Catalog,
         file: str) -> _Box:
    components = [c for c in device.get("components") or [] if isinstance(c, dict)]
    xpus = [c for c in components if c.get("choice") == "xpu"]
    ports = sum(c.get("count", 0) for c in components if c.get("choice") in ("nic", "port"))
    where = f"devices[{device.get('name')}]"
    if xpus:
        spec = catalog.accelerators.find(_catalog_id(xpus[0]))
        if spec is None:
            raise InteropError([Problem(f"{where}.components[{xpus[0].get('name')}]",
                                        "its description names no catalog accelerator "
                                        "(start it with an id, e.g. 'h100-sxm: ...')")], file)
        kind = "accelerator" if str(device.get("description", "")).startswith("accelerator") \
            else "server"
        return _Box(kind, spec.id, sum(c["count"] for c in xpus), instance["count"], ports)
    asic = next((c for c in components if c.get("choice") == "switch"), None)
    spec = catalog.switches.find(_catalog_id(asic)) if asic else None
    return _Box("switch", spec.id if spec else None, 0, instance["count"], ports)


def _infrastructure_cables(data: dict[str, Any], devices: dict[str, Any], file: str) -> \
        Counter[tuple[str, str, str]]:
    """Cables per (link, instance, instance), counted from the edges' slices."""
    instances = {i["name"]: i for i in data["instances"]}
    out: Counter[tuple[str, str, str]] = Counter()
    for index, edge in enumerate(data.get("edges") or []):
        ends = []
        for key in ("ep1", "ep2"):
            name = str(edge[key]["instance"]).split("[")[0]
            instance = instances[name]
            counts = {name: instance["count"], **_counts(devices[instance["device"]], devices)}
            ends.append((name, counts))
        try:
            n = _cables_of(edge, ends[0][1], ends[1][1], instance_key=True)
        except ValueError as exc:
            raise InteropError([Problem(f"edges[{index}]", str(exc))], file) from None
        out[(str(edge.get("link")), *sorted((ends[0][0], ends[1][0])))] += n
    return out


def _counts(device: dict[str, Any], devices: dict[str, Any]) -> dict[str, int]:
    """Component name -> count, composed devices' components included."""
    out = {}
    for component in device.get("components", []):
        out[component["name"]] = component["count"]
        if component.get("choice") == "device" and component["name"] in devices:
            out.update(_counts(devices[component["name"]], devices))
    return out


def _cables_of(edge: dict[str, Any], counts1: dict[str, int], counts2: dict[str, int],
               instance_key: bool = False) -> int:
    """How many graph edges one edge expands to (``one2one`` zips, ``many2many`` crosses)."""
    sizes = []
    for key, counts in (("ep1", counts1), ("ep2", counts2)):
        parts = str(edge[key]["component"]).split(".")
        if instance_key:
            parts.insert(0, str(edge[key]["instance"]))
        sizes.append(math.prod(_slice_length(part, counts) for part in parts))
    return min(sizes) if edge.get("scheme", "one2one") == "one2one" else sizes[0] * sizes[1]


def _slice_length(part: str, counts: dict[str, int]) -> int:
    """Elements ``name[a:b:c]`` selects, by Python's slice rules."""
    name, _, rest = part.partition("[")
    count = counts.get(name)
    if count is None:
        raise ValueError(f"{name!r} is no instance or component here")
    if not rest:
        return count
    inner = rest.rstrip("]")
    if ":" not in inner:
        return 1
    try:
        bounds = [int(x) if x.strip() else None for x in inner.split(":")]
        return len(range(*slice(*bounds).indices(count)))
    except (ValueError, TypeError):
        raise ValueError(f"{part!r} is not a slice") from None


def _catalog_id(component: dict[str, Any]) -> str:
    return str(component.get("description") or "").split(":")[0].strip()


def _sources(data: dict[str, Any]) -> dict[tuple[str, str, str], str]:
    """The ``ep1`` instance of the first edge of each link and pair: the design's ``from``."""
    out: dict[tuple[str, str, str], str] = {}
    for edge in data.get("edges") or []:
        a = str(edge["ep1"]["instance"]).split("[")[0]
        b = str(edge["ep2"]["instance"]).split("[")[0]
        out.setdefault((str(edge.get("link")), *sorted((a, b))), a)
    return out


def _design_link(link_id: str, infra: dict[str, Any], source: str, target: str, cables: int,
                 boxes: dict[str, _Box], catalog: Catalog, file: str) -> Link:
    where = f"links[{infra.get('name', link_id)}]"
    described = _PATTERN.match(str(infra.get("description") or ""))
    spec = catalog.find_link(described.group("type")) if described else None
    if spec is None:
        spec = _link_by_rate(infra, boxes[source], catalog, where, file)
    pattern, dims = "spread", ()
    n = boxes[source].replicas
    if source == target:
        pattern = (described and described.group("pattern")) or ("mesh" if cables %
                                                                   (n * (n - 1) // 2 or 1) == 0
                                                                   else "ring")
        if pattern == "torus":
            dims = tuple(int(d) for d in (described.group("dims") or str(n)).split("x"))
        per_unit = _self_cables(pattern, n, dims)
    else:
        per_unit = n
    if per_unit == 0 or cables % per_unit:
        raise InteropError([Problem(where, f"{cables:,} cables between {source} and {target} "
                                    f"are not a whole number per unit of {source} "
                                    f"({per_unit:,} units)")], file)
    return Link(link_id, source, target, spec.id, cables // per_unit, pattern, dims)


def _self_cables(pattern: str, n: int, dims: tuple[int, ...]) -> int:
    """Cables of one link per neighbour pair, for ``n`` units (as the design counts them)."""
    if pattern == "mesh":
        return n * (n - 1) // 2
    if pattern == "ring":
        return n if n > 2 else n - 1
    return sum(n if d > 2 else n // 2 for d in dims if d > 1) if math.prod(dims) == n else 0


def _link_by_rate(infra: dict[str, Any], box: _Box, catalog: Catalog, where: str,
                  file: str) -> LinkSpec:
    bandwidth = (infra.get("physical") or {}).get("bandwidth") or {}
    gbps = bandwidth.get("gigabits_per_second") or \
        8 * (bandwidth.get("gigabytes_per_second") or 0)
    kinds = ["infiniband", "roce", "ethernet", "efa"]
    if box.kind != "switch" and box.hardware:
        spec = catalog.accelerator(box.hardware)
        kinds.insert(0, catalog.link(spec.server.nic_link).kind)
    link = link_at_rate(catalog, kinds, float(gbps)) if gbps else None
    if link is None:
        raise InteropError([Problem(where, f"no catalog link runs at {gbps or '?'} Gb/s "
                                    "(its description names no catalog link either)")], file)
    return link


def _node(name: str, box: _Box, links: list[Link], catalog: Catalog, file: str) -> Node:
    hardware = box.hardware
    if hardware is None:
        mine = [lk for lk in links if name in (lk.source, lk.target)]
        switch = switch_for(catalog, catalog.link(mine[0].type), box.ports) if mine else None
        if switch is None:
            raise InteropError([Problem(f"instances[{name}]", "a device with no xpu and no "
                                        "links: cannot tell what it is")], file)
        hardware = switch.id
    return Node(name, box.kind, hardware, replicas=box.replicas,
                accelerators=box.accelerators if box.kind != "switch" else 0)
