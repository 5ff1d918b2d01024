"""A design as ASTRA-sim 2.x analytical-backend inputs: a network file and a system file.

ASTRA-sim's analytical network (astra-sim examples/network/analytical,
inputs/network) describes a machine as dimensions, innermost first: per
dimension a ``topology`` (``Ring``, ``FullyConnected`` or ``Switch``), an
``npus_count``, a ``bandwidth`` in GB/s per link per direction and a
``latency`` in ns per link (a ``Switch`` path crosses two links, so a
network tier's end-to-end latency is halved, as the repository's HGX-H100
input notes; the scale-up tier's is already one link's). That is the
engine's fabric (:mod:`engine.fabric`): one dimension per tier, a torus
scale-up split into one ``Ring`` per axis. Bandwidths are the tiers'
achievable ones (link efficiency and oversubscription
applied), as ASTRA-sim's validated HGX-H100 input uses 400 GB/s on 450.

The system file (examples/system/native_collectives) names the collective
algorithm per dimension and per collective (``ring``, ``direct``,
``halvingDoubling``, ``doubleBinaryTree``, ``oneRing`` in
astra-sim/system/astraccl/CollectiveImplLookup.cc), plus scheduling
settings, ``local-mem-bw`` (GB/s, the accelerator's memory) and
``peak-perf`` (TFLOP/s). Only the largest island of identical
accelerators is exported; what ASTRA-sim cannot express is listed in
docs/interop.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml

from engine.atomic_file import make_folder, write_text
from engine.catalog import Catalog, load_catalog
from engine.design import Design
from engine.fabric import Fabric, Tier
from engine.hardware import accelerator_of
from engine.layout import catalog_for
from engine.topology import analyse

NETWORK_FILE = "network.yml"
SYSTEM_FILE = "system.json"
ALGORITHMS = {"Ring": "ring", "FullyConnected": "direct", "Switch": "ring"}
ALL_TO_ALL = {"Ring": "ring", "FullyConnected": "direct", "Switch": "direct"}


def astra_network(fabric: Fabric) -> dict[str, list[Any]]:
    """The analytical network input of ``fabric``: one entry per dimension."""
    dims: list[tuple[str, int, float, float]] = []
    for level, tier in enumerate(fabric.tiers):
        dims.extend(_dimensions(tier, level))
    return {"topology": [d[0] for d in dims], "npus_count": [d[1] for d in dims],
            "bandwidth": [round(d[2], 3) for d in dims],
            "latency": [round(d[3], 3) for d in dims]}


def _dimensions(tier: Tier, level: int) -> list[tuple[str, int, float, float]]:
    bandwidth = tier.bandwidth_Bps / 1e9
    if level == 0 and tier.kind in ("ring", "torus"):
        axes = [d for d in (tier.dims or (tier.fanout,)) if d > 1] or [tier.fanout]
        per_link = bandwidth / (2 * len(axes))    # two links per axis, as the engine counts
        return [("Ring", d, per_link, tier.latency_s * 1e9) for d in axes]
    if level == 0 and tier.kind == "mesh":
        per_link = bandwidth / max(1, tier.fanout - 1)
        return [("FullyConnected", tier.fanout, per_link, tier.latency_s * 1e9)]
    # Tier 0's latency is one link's; a network tier's is end to end (two links and more).
    per_link = tier.latency_s if level == 0 else tier.latency_s / 2
    return [("Switch", tier.fanout, bandwidth, per_link * 1e9)]


def astra_system(network: dict[str, list[Any]], memory_GBps: float,
                 peak_tflops: float) -> dict[str, Any]:
    """The system input: collective algorithms per dimension and the usual settings."""
    topologies = network["topology"]
    per_dim = [ALGORITHMS[t] for t in topologies]
    return {
        "scheduling-policy": "LIFO",
        "endpoint-delay": 10,
        "active-chunks-per-dimension": 1,
        "preferred-dataset-splits": 4,
        "all-reduce-implementation": per_dim,
        "all-gather-implementation": per_dim,
        "reduce-scatter-implementation": per_dim,
        "all-to-all-implementation": [ALL_TO_ALL[t] for t in topologies],
        "collective-optimization": "localBWAware",
        "local-mem-bw": round(memory_GBps, 1),
        "boost-mode": 0,
        "roofline-enabled": 0,
        "peak-perf": round(peak_tflops, 1),
    }


def design_to_astra(design: Design, catalog: Catalog | None = None) -> \
        tuple[dict[str, list[Any]], dict[str, Any]]:
    """The network and system inputs of ``design``'s largest island."""
    catalog = catalog_for(design, catalog or load_catalog())
    island = max(analyse(design, catalog).islands, key=lambda i: i.accelerators)
    node = next(n for n in design.nodes if n.id in island.nodes and n.kind != "switch")
    spec = accelerator_of(catalog, node)
    network = astra_network(island.fabric)
    peak = spec.peak_flops(design.workload.precision) or spec.peak_flops("bf16") or 0.0
    return network, astra_system(network, spec.memory_bw_Bps / 1e9, peak / 1e12)


def write_astra(design: Design, folder: str | os.PathLike[str],
                catalog: Catalog | None = None) -> tuple[Path, Path]:
    """Write ``network.yml`` and ``system.json`` into ``folder`` (made if missing)."""
    network, system = design_to_astra(design, catalog)
    out = Path(folder)
    make_folder(out)
    header = (f"# ASTRA-sim analytical network of '{design.name}' (Cluster Workbench)\n"
              "# bandwidth: GB/s per link per direction; latency: ns per link\n")
    write_text(out / NETWORK_FILE, header + yaml.safe_dump(
        network, default_flow_style=None, sort_keys=False))
    write_text(out / SYSTEM_FILE, json.dumps(system, indent=4) + "\n")
    return out / NETWORK_FILE, out / SYSTEM_FILE
