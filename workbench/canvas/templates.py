"""Templates: whole blocks dropped in one gesture, each a fragment in its own group.

Sizes follow the published reference designs they are named after, scaled
to something one drop should add; users change the hardware, counts and
replicas in the inspector afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from engine.design import Design, Group, Link, Node


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    description: str
    build: Callable[[], Design]


def _dgx_server() -> Design:
    """DGX H100: 8 GPUs, each with 18 NVLink 4 links spread over 4 NVSwitch chips."""
    g = "dgx"
    return Design(
        groups=(Group(g, "DGX-like server"),),
        nodes=(Node("nvswitch", "switch", "nvswitch-gen3", "NVSwitch", replicas=4,
                    accelerators=0, position=(0.0, -60.0), group=g),
               Node("gpu", "accelerator", "h100-sxm", "GPU", replicas=8,
                    position=(0.0, 80.0), group=g)),
        links=(Link("nvlinks", "gpu", "nvswitch", "nvlink4", 18),))


def _rail_pod() -> Design:
    """32 DGX H100 servers, one NDR leaf per rail: NIC k of every server on leaf k."""
    g = "pod"
    return Design(
        groups=(Group(g, "Rail-optimised pod"),),
        nodes=(Node("rail-leaf", "switch", "qm9700", "Rail leaf", replicas=8, accelerators=0,
                    position=(0.0, -60.0), group=g),
               Node("server", "server", "h100-sxm", "DGX H100", replicas=32, accelerators=8,
                    position=(0.0, 100.0), group=g)),
        links=(Link("rails", "server", "rail-leaf", "ib-ndr", 8),))


def _fat_tree() -> Design:
    """64 servers, 16 leaves and 8 spines of 64-port NDR switches: non-blocking (1:1)."""
    g = "fat-tree"
    return Design(
        groups=(Group(g, "Two-tier fat-tree"),),
        nodes=(Node("spine", "switch", "qm9700", "Spine", replicas=8, accelerators=0,
                    position=(0.0, -140.0), group=g),
               Node("leaf", "switch", "qm9700", "Leaf", replicas=16, accelerators=0,
                    position=(0.0, 20.0), group=g),
               Node("server", "server", "h100-sxm", "DGX H100", replicas=64, accelerators=8,
                    position=(0.0, 180.0), group=g)),
        links=(Link("server-leaf", "server", "leaf", "ib-ndr", 8),
               Link("leaf-spine", "leaf", "spine", "ib-ndr", 32)))


def _torus() -> Design:
    """A TPU v4 cube: 64 chips in a 4 x 4 x 4 torus of ICI links."""
    g = "torus"
    return Design(
        groups=(Group(g, "3D torus"),),
        nodes=(Node("tpu", "accelerator", "tpu-v4", "TPU v4 cube", replicas=64,
                    position=(0.0, 0.0), group=g),),
        links=(Link("ici", "tpu", "tpu", "ici-v4", 1, "torus", (4, 4, 4)),))


TEMPLATES: dict[str, Template] = {t.id: t for t in (
    Template("dgx-server", "DGX-like server",
             "8 GPUs on 4 NVSwitch chips, 18 NVLinks each (DGX H100)", _dgx_server),
    Template("rail-pod", "Rail-optimised pod",
             "32 servers, one leaf switch per rail (DGX SuperPOD style)", _rail_pod),
    Template("fat-tree", "Two-tier fat-tree",
             "64 servers, 16 leaves, 8 spines: non-blocking NDR InfiniBand", _fat_tree),
    Template("torus", "3D torus", "64 TPU v4 chips in a 4 × 4 × 4 ICI torus", _torus),
)}
