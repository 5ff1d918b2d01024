"""An NCCL topology file as one server of a design.

NCCL writes the machine it found with ``NCCL_TOPO_DUMP_FILE`` and reads a
hand-written one with ``NCCL_TOPO_FILE`` (NCCL src/graph/xml.cc,
``ncclTopoDumpXmlToFile``; cloud images ship the latter for their VMs).
Both are a ``<system>`` of ``<cpu>`` elements holding a tree of ``<pci>``
bridges and devices; a GPU is a ``<pci>`` of class 0x0302 with, in a dump,
a ``<gpu sm=...>`` holding one ``<nvlink target= count=>`` per peer (an
NVSwitch has class 0x0680); a NIC is a ``<pci>`` of class 0x0207
(InfiniBand) or 0x0200 (Ethernet) holding, in a dump, ``<nic><net
speed=MB/s...>``. Hand-written files often leave out everything but the
PCI tree: what the file does not say comes from the catalog (the GPU's
NVLinks, the reference server's NIC), and :attr:`ServerTopology.notes` says
so. The GPU model comes from the PCI device id (the PCI ID Repository,
pci-ids.ucw.cz, vendor 10de) or the SM version, or the caller names it.

A NIC is near a GPU when it hangs below the deepest PCI bridge they share
(NCCL's PIX/PXB before PHB before SYS): that is where GPUDirect RDMA is
fastest.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from engine.catalog import AcceleratorSpec, Catalog, load_catalog
from engine.design import Design, Link, Node
from engine.errors import InteropError, LookupFailed, Problem
from engine.interop.checked import checked_design
from engine.interop.matching import link_at_rate, switch_for
from engine.interop.placement import placed
from engine.interop.xmltree import Element, read_xml_file

GPU_CLASSES = ("0x0302", "0x0300")
NIC_CLASSES = {"0x0207": "infiniband", "0x0200": "ethernet"}
NVIDIA = "0x10de"
# PCI ID Repository, vendor 10de: device id -> catalog accelerator.
DEVICE_IDS = {"0x20b0": "a100-40gb", "0x20b2": "a100-80gb", "0x20f3": "a800-80gb",
              "0x2330": "h100-sxm", "0x2324": "h800", "0x2335": "h200"}
# SM version -> the catalog's usual part of that generation, when nothing else says.
SM_DEFAULTS = {70: "v100-sxm2", 80: "a100-80gb", 90: "h100-sxm", 100: "b200"}
MAX_NVLINKS = 64            # per GPU; NVLink 5 has 18
MAX_NET_MBPS = 10_000_000   # 10 Tb/s per port
MAX_GPUS = 1024             # per system; an NVL72 rack has 72



class UnnamedAccelerator(InteropError):
    """The file does not say which GPU the server holds: the user must name it."""

@dataclass(frozen=True)
class Gpu:
    busid: str
    rank: int | None
    nvlinks: int               # links to NVSwitches or peers, as the file counts them
    path: tuple[str, ...]      # the PCI bridges above it, outermost first


@dataclass(frozen=True)
class Nic:
    name: str
    gbps: float | None         # None: the file does not say
    kind: str                  # infiniband | ethernet
    path: tuple[str, ...]
    gdr: bool = True           # GPUDirect RDMA; a socket NIC has none


@dataclass(frozen=True)
class ServerTopology:
    """What an NCCL topology file says about one server, in catalog terms."""

    accelerator: str
    gpus: tuple[Gpu, ...]
    nvlinks_per_gpu: int       # as listed, or the catalog's when the file lists none
    scale_up_GBps: float       # per GPU, one direction
    nics: tuple[Nic, ...]
    nic_link: str | None       # catalog link id of the NICs
    near: tuple[tuple[str, ...], ...]   # per GPU, the names of its nearest NICs
    notes: tuple[str, ...]


def read_nccl_topology(path: str | os.PathLike[str], catalog: Catalog | None = None,
                       accelerator: str | None = None) -> ServerTopology:
    """The server in an NCCL topology file; ``accelerator`` names the GPU if the file cannot."""
    file = str(path)
    return server_topology(read_xml_file(path), file, catalog or load_catalog(), accelerator)


def server_topology(root: Element, file: str, catalog: Catalog,
                    accelerator: str | None = None) -> ServerTopology:
    if root.tag != "system":
        _fail(file, root, f"the root element is <{root.tag}>; an NCCL topology file starts "
              "with <system>")
    gpus, nics, marks = _walk(root, (), file)
    if not gpus:
        _fail(file, root, "lists no GPU (no <gpu>, no <pci> of class 0x0302)")
    if len(gpus) > MAX_GPUS:
        _fail(file, root, f"lists {len(gpus):,} GPUs; one server has at most {MAX_GPUS:,}")
    notes: list[str] = []
    spec = _accelerator(catalog, marks, accelerator, file, root, notes)
    link = catalog.link(spec.scale_up.link)
    nvlinks = min(g.nvlinks for g in gpus)
    if nvlinks:
        scale_up = nvlinks * link.bandwidth_Bps / 1e9
        if len({g.nvlinks for g in gpus}) > 1:
            notes.append(f"GPUs list different NVLink counts; the smallest ({nvlinks}) is used")
    else:
        scale_up = spec.scale_up.bandwidth_Bps / 1e9
        nvlinks = round(spec.scale_up.bandwidth_Bps / link.bandwidth_Bps)
        notes.append(f"no NVLinks listed: the catalog's {spec.name} scale-up "
                     f"({scale_up:g} GB/s per GPU over {link.name}) is assumed")
    rdma = [n for n in nics if n.gdr]
    if len(rdma) < len(nics):
        notes.append(f"{len(nics) - len(rdma)} NIC(s) without GPUDirect RDMA (sockets) left out")
    nic_link = _nic_link(catalog, spec, rdma, file, root, notes)
    near = tuple(_nearest(g, rdma) for g in gpus)
    return ServerTopology(spec.id, tuple(gpus), nvlinks, scale_up, tuple(rdma), nic_link, near,
                          tuple(notes))


def _walk(element: Element, path: tuple[str, ...], file: str) -> \
        tuple[list[Gpu], list[Nic], list[tuple[str, Element]]]:
    """GPUs and NICs below ``element``, and the marks of the GPU model (device ids, SMs)."""
    gpus: list[Gpu] = []
    nics: list[Nic] = []
    marks: list[tuple[str, Element]] = []
    for child in element.children:
        if child.tag == "pci":
            busid = child.attrs.get("busid", "")
            cls = child.attrs.get("class", "")[:6].lower()
            gpu = next((c for c in child.children if c.tag == "gpu"), None)
            if gpu is not None or (cls in GPU_CLASSES and
                                   child.attrs.get("vendor", NVIDIA).lower() == NVIDIA):
                gpus.append(_gpu(child, gpu, path, file))
                if child.attrs.get("device"):
                    marks.append(("device", child))
                if gpu is not None and "sm" in gpu.attrs:
                    marks.append(("sm", gpu))
                continue
            nic = next((c for c in child.children if c.tag == "nic"), None)
            nets = nic.iter("net") if nic is not None else []
            if cls in NIC_CLASSES or nets:
                kind = NIC_CLASSES.get(cls, "infiniband")
                nics.extend(_nics(nets, busid, kind, path + (busid,), file) if nets
                            else [Nic(busid, None, kind, path + (busid,))])
                continue
            inner = _walk(child, path + (busid,), file)
        elif child.tag == "nic":
            nics.extend(_nics(child.iter("net"), "", "ethernet", path, file))
            continue
        elif child.tag == "cpu":
            inner = _walk(child, path + (f"cpu{child.attrs.get('numaid', '')}",), file)
        else:
            continue
        gpus += inner[0]
        nics += inner[1]
        marks += inner[2]
    return gpus, nics, marks


def _gpu(pci: Element, gpu: Element | None, path: tuple[str, ...], file: str) -> Gpu:
    busid = pci.attrs.get("busid", "")
    nvlinks = 0
    rank = None
    if gpu is not None:
        if "rank" in gpu.attrs:
            rank = _integer(gpu, "rank", 0, MAX_GPUS * 1_000_000, file)
        for nvlink in gpu.iter("nvlink"):
            nvlinks += _integer(nvlink, "count", 1, MAX_NVLINKS, file)
        if nvlinks > MAX_NVLINKS:
            _fail(file, gpu, f"lists {nvlinks} NVLinks; a GPU has at most {MAX_NVLINKS}")
    return Gpu(busid, rank, nvlinks, path + (busid,))


def _nics(nets: list[Element], busid: str, kind: str, path: tuple[str, ...],
          file: str) -> list[Nic]:
    """One NIC per ``<net>`` (a dual-port card lists two)."""
    out = []
    for net in nets:
        speed = _integer(net, "speed", 1, MAX_NET_MBPS, file) if "speed" in net.attrs else None
        out.append(Nic(net.attrs.get("name", busid), speed / 1000 if speed else None, kind,
                       path, net.attrs.get("gdr", "1") != "0"))
    return out


def _accelerator(catalog: Catalog, marks: list[tuple[str, Element]], named: str | None,
                 file: str, root: Element, notes: list[str]) -> AcceleratorSpec:
    if named is not None:
        try:
            return catalog.accelerator(named)
        except LookupFailed as exc:
            raise InteropError([Problem("accelerator", str(exc))], file) from None
    for what, element in marks:
        if what == "device":
            found = DEVICE_IDS.get(element.attrs["device"].lower())
            if found:
                return catalog.accelerator(found)
    for what, element in marks:
        if what == "sm":
            sm = _integer(element, "sm", 1, 1000, file)
            if sm in SM_DEFAULTS:
                spec = catalog.accelerator(SM_DEFAULTS[sm])
                notes.append(f"GPU model from SM {sm} alone: {spec.name} assumed")
                return spec
            _fail(file, element, f"SM {sm} is no GPU generation the catalog knows "
                  f"({', '.join(map(str, SM_DEFAULTS))}); name the accelerator",
                  UnnamedAccelerator)
    _fail(file, root, "does not say which GPU (no PCI device id, no SM version); "
          "name the accelerator (--accelerator)", UnnamedAccelerator)
    raise AssertionError  # unreachable: _fail raises


def _nic_link(catalog: Catalog, spec: AcceleratorSpec, nics: list[Nic], file: str,
              root: Element, notes: list[str]) -> str | None:
    """The catalog link of the NICs: by speed and kind, else the reference server's."""
    if not nics:
        return None
    speeds = [n.gbps for n in nics if n.gbps is not None]
    if not speeds:
        reference = catalog.link(spec.server.nic_link)
        notes.append(f"NIC speed not in the file: the {spec.name} reference server's "
                     f"{reference.name} is assumed")
        return reference.id
    gbps = min(speeds)
    if len(set(speeds)) > 1:
        notes.append(f"NICs run at different speeds; the slowest ({gbps:g} Gb/s) is used")
    kinds = {n.kind for n in nics}
    preference = ("infiniband",) if kinds == {"infiniband"} else ("roce", "ethernet", "efa")
    link = link_at_rate(catalog, preference, gbps)
    if link is None:
        _fail(file, root, f"no catalog link runs at {gbps:g} Gb/s ({'/'.join(sorted(kinds))})")
    return link.id


def _nearest(gpu: Gpu, nics: list[Nic]) -> tuple[str, ...]:
    def shared(nic: Nic) -> int:
        n = 0
        for a, b in zip(gpu.path, nic.path, strict=False):
            if a != b:
                break
            n += 1
        return n
    if not nics:
        return ()
    best = max(shared(n) for n in nics)
    return tuple(n.name for n in nics if shared(n) == best)


def _integer(element: Element, key: str, low: int, high: int, file: str) -> int:
    raw = element.attrs.get(key, "")
    try:
        value = int(float(raw)) if "." in raw else int(raw, 0)
    except ValueError:
        _fail(file, element, f"{key}={raw!r} is not a number")
    if not low <= value <= high:
        _fail(file, element, f"{key}={value:,} is out of range ({low:,} to {high:,})")
    return value


def _fail(file: str, element: Element, message: str,
          error: type[InteropError] = InteropError) -> None:
    raise error([Problem(f"<{element.tag}>", message, element.line)], file)


def topology_design(topology: ServerTopology, file: str,
                    catalog: Catalog | None = None) -> Design:
    """One server of the file's GPUs, its NICs on one switch of their type, validated."""
    catalog = catalog or load_catalog()
    spec = catalog.accelerator(topology.accelerator)
    overrides = ()
    if abs(topology.scale_up_GBps * 1e9 - spec.scale_up.bandwidth_Bps) > \
            0.01 * spec.scale_up.bandwidth_Bps:
        overrides = (("scale_up_GBps_per_dir", topology.scale_up_GBps),)
    nodes = [Node("server", "server", spec.id, f"{len(topology.gpus)} x {spec.name}",
                  accelerators=len(topology.gpus), overrides=overrides)]
    links = []
    if topology.nic_link is not None:
        link = catalog.link(topology.nic_link)
        switch = switch_for(catalog, link, len(topology.nics))
        if switch is not None:
            nodes.append(Node("switch", "switch", switch.id, f"{link.name} switch",
                              accelerators=0))
            links.append(Link("nics", "server", "switch", link.id, len(topology.nics)))
    lines = [f"Imported from the NCCL topology file {os.path.basename(file)}: "
             f"{len(topology.gpus)} x {spec.name}, {topology.nvlinks_per_gpu} "
             f"NVLinks per GPU, {len(topology.nics)} NICs ({topology.nic_link or 'none'})."]
    for gpu, near in zip(topology.gpus, topology.near, strict=True):
        if near:
            lines.append(f"GPU {gpu.busid}: nearest NIC {', '.join(near)}.")
    lines += list(topology.notes)
    design = Design(name=f"{len(topology.gpus)} x {spec.name} ({os.path.basename(file)})",
                    description="\n".join(lines), source=file, nodes=tuple(nodes),
                    links=tuple(links))
    return checked_design(placed(design), file, catalog)
