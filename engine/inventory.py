"""What a design is made of: counts, peak compute, memory, power.

The first section of every evaluation. Counts are physical units (a node
with ``replicas: 32`` inside a group of 4 counts 128), computed from the
boxes without expanding them.

Power is counted on one basis for every server: its accelerators at TDP
plus a host (CPUs, memory, NICs, scale-up switches, fans, power-supply
losses) drawing :data:`HOST_OVERHEAD` times the accelerators' TDP. The
factor is the median, over the catalog's published whole-server figures,
of (server power - accelerators x TDP) / (accelerators x TDP): DGX A100
6.5 kW (1.03), DGX H100 and H200 10.2 kW (0.82), DGX B200 14.3 kW (0.79),
GB200 NVL72 120 kW (0.39, liquid-cooled, no fans); a test recomputes it.
Accelerator nodes (chips drawn without their hosts, a TPU pod) count the
accelerators only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from engine.catalog import Catalog
from engine.design import Design
from engine.hardware import accelerator_of, switch_of
from engine.phrases import Template, joined
from engine.results import JsonResult
from engine.sections import HIGHER, LOWER, NEITHER, Evaluation, FigureSpec, Section
from engine.structure import physical_links, units
from engine.trust import Trust

#: Host power of a server as a fraction of its accelerators' TDP (module docstring).
# What the power total leaves out or rests on, as a display may translate it.
NO_POWER_FIGURE = Template("no published power figure for {parts}")
TDP_ASSUMED = Template("{accelerator} TDP assumed: {note}")
HOST_OVERHEAD = 0.82


@dataclass(frozen=True)
class Inventory(JsonResult):
    """Counts and totals; ``*_by_type`` maps catalog ids to counts."""

    accelerators: int
    servers: int
    switches: int
    accelerators_by_type: dict[str, int]
    switches_by_type: dict[str, int]
    links_by_type: dict[str, int]
    precision: str
    peak_pflops: float               # dense, in the workload's precision
    memory_tb: float                 # accelerator memory, 1e12 bytes
    power_kw: float                  # accelerators, server hosts and switches
    power_parts_kw: dict[str, float] = field(default_factory=dict)
    power_unknown: tuple[str, ...] = ()   # hardware with no published power figure
    power_assumed: tuple[str, ...] = ()   # accelerators whose TDP is an assumption


def take_inventory(design: Design, catalog: Catalog) -> Inventory:
    accels: Counter[str] = Counter()
    switches: Counter[str] = Counter()
    links: Counter[str] = Counter()
    servers = 0
    peak = memory = 0.0
    power = {"accelerators": 0.0, "server_overhead": 0.0, "switches": 0.0}
    unknown: set[str] = set()
    assumed: set[str] = set()
    precision = design.workload.precision
    for node in design.nodes:
        n = units(design, node)
        if node.kind == "switch":
            spec = switch_of(catalog, node)
            switches[spec.id] += n
            if spec.power_w is None:
                unknown.add(spec.id)
            else:
                power["switches"] += n * spec.power_w
            continue
        accel = accelerator_of(catalog, node)
        count = n * node.accelerators
        accels[accel.id] += count
        peak += count * (accel.peak_flops(precision) or 0.0)
        memory += count * accel.memory_bytes
        if accel.tdp_w is None:
            unknown.add(accel.id)
        else:
            power["accelerators"] += count * accel.tdp_w
        if accel.tdp_assumed:
            assumed.add(accel.id)
        if node.kind == "server":
            servers += n
            power["server_overhead"] += count * (accel.tdp_w or 0.0) * HOST_OVERHEAD
    for link in design.links:
        links[link.type] += physical_links(design, link)
    parts = {k: v / 1e3 for k, v in power.items()}
    return Inventory(
        accelerators=sum(accels.values()), servers=servers, switches=sum(switches.values()),
        accelerators_by_type=dict(accels), switches_by_type=dict(switches),
        links_by_type=dict(links), precision=precision, peak_pflops=peak / 1e15,
        memory_tb=memory / 1e12, power_kw=sum(parts.values()), power_parts_kw=parts,
        power_unknown=tuple(sorted(unknown)), power_assumed=tuple(sorted(assumed)))


def _power_floor(inventory: Inventory) -> str:
    """What the power total leaves out: hardware with no published power figure."""
    unknown = inventory.power_unknown
    return NO_POWER_FIGURE(parts=", ".join(unknown)) if unknown else ""


def _power_assumptions(inventory: Inventory, catalog: Catalog, done: Evaluation) -> Trust:
    """The power total rests on every assumed TDP among the design's accelerators."""
    assumed = joined(TDP_ASSUMED(accelerator=kind, note=spec.tdp_assumed)
                     for kind in inventory.accelerators_by_type
                     if (spec := catalog.accelerator(kind)).tdp_assumed)
    return Trust(assumed={"power_kw": assumed} if assumed else {})


INVENTORY = Section(
    "inventory", "Inventory", Inventory,
    lambda design, catalog, done: take_inventory(design, catalog),
    trust=_power_assumptions,
    figures=(
        FigureSpec("accelerators", "Accelerators", "", NEITHER, lambda s: s.accelerators,
                   order=10, style="count", banded=False, tile=True),
        FigureSpec("peak_pflops", "Peak compute", "PFLOP/s", HIGHER, lambda s: s.peak_pflops,
                   order=20, qualifier=lambda s: s.precision, banded=False, tile=True),
        FigureSpec("power_kw", "Power", "kW", LOWER,
                   lambda s: None if s.power_unknown and not s.power_kw else s.power_kw,
                   order=30, style="power", floor=_power_floor, banded=False, tile=True),
    ))
