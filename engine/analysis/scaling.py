"""Time to train and MFU as the design grows or shrinks by its repeated block.

The **block** is what such a cluster is bought in: the outermost repeated
group that holds every accelerator box (a scalable unit, a pod), or, if no
group does, the accelerator box with the most units (its servers or chips).
The curve sets the block's replicas to the design's count times 1/8, 1/4,
1/2, 1, 2 and 4 (whole numbers only) and estimates the design's workload on
each: the same model, tokens, global batch and parallelism, except that a
fixed data-parallel degree scales with the block (so the layout stays the
design's), and a torus on a resized box grows or shrinks along its smallest
or largest dimension. Everything outside the block stays as drawn: its
switches take the block's links, and more cables than ports is reported
as the topology's warning on that point. The design's own count gives the
training section's estimate exactly.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from fractions import Fraction

from engine.catalog import Catalog
from engine.design import Design, Link
from engine.errors import EngineError
from engine.rules import work_problems
from engine.structure import group_chain, total_accelerators, units
from engine.topology import Topology, analyse
from engine.training.result import TrainingEstimate
from engine.training.search import estimate
from engine.training.section import island_job, require_training
from engine.trust import Band, training_bands

FACTORS = tuple(Fraction(2) ** k for k in range(-3, 3))


@dataclass(frozen=True)
class Block:
    """The group or box whose replicas the curve changes."""

    kind: str          # "group" or "node"
    id: str
    label: str
    replicas: int


@dataclass(frozen=True)
class ScalingPoint:
    """The design with the block at ``replicas``: its estimate, or why there is none."""

    replicas: int
    accelerators: int
    estimate: TrainingEstimate | None
    reason: str = ""
    warnings: tuple[str, ...] = ()
    band: Band | None = None       # of the time to train


@dataclass(frozen=True)
class ScalingCurve:
    block: Block
    points: tuple[ScalingPoint, ...]

    def design_point(self) -> ScalingPoint:
        return next(p for p in self.points if p.replicas == self.block.replicas)


def scaling_block(design: Design) -> Block:
    """The outermost repeated group holding every accelerator box, else the largest box."""
    boxes = [n for n in design.nodes if n.kind != "switch"]
    if not boxes:
        raise EngineError("the design has no accelerators to scale")
    chains = [group_chain(design, box.group) for box in boxes]
    common = [g for g in reversed(chains[0]) if all(g in chain for chain in chains)]
    repeated = [g for g in common if g.replicas > 1]
    if repeated:
        group = repeated[0]
        return Block("group", group.id, group.name or group.id, group.replicas)
    box = max(boxes, key=lambda n: units(design, n) * n.accelerators)
    return Block("node", box.id, box.label, box.replicas)


def scaling_curve(design: Design, catalog: Catalog,
                  analysed: Topology | None = None) -> ScalingCurve:
    """The design's workload estimated with its block replicated (module docstring).
    ``analysed`` is the design's own topology where the caller has it: the design's
    point then takes it instead of analysing the design again."""
    require_training(design)
    block = scaling_block(design)
    points = []
    for factor in FACTORS:
        replicas = factor * block.replicas
        if replicas.denominator == 1:
            points.append(_point(design, catalog, block, factor, int(replicas),
                                 analysed if factor == 1 else None))
    return ScalingCurve(block, tuple(points))


def _point(design: Design, catalog: Catalog, block: Block, factor: Fraction,
           replicas: int, analysed: Topology | None) -> ScalingPoint:
    try:
        scaled = resized(design, block, factor, replicas)
    except EngineError as exc:
        return ScalingPoint(replicas, 0, None, str(exc))
    accelerators = total_accelerators(scaled)
    beyond = work_problems(scaled)
    if beyond:
        return ScalingPoint(replicas, accelerators, None, f"{beyond[0].path}: "
                            f"{beyond[0].message}")
    try:
        topology = analysed or analyse(scaled, catalog)
        found = estimate(island_job(scaled, catalog, topology.island()))
    except EngineError as exc:
        return ScalingPoint(replicas, accelerators, None, str(exc))
    band = training_bands({"time_to_train_days": found.time_to_train_days},
                          catalog.accelerator(found.accelerator), found.precision)
    return ScalingPoint(replicas, accelerators, found, warnings=topology.warnings,
                        band=band["time_to_train_days"])


def resized(design: Design, block: Block, factor: Fraction, replicas: int) -> Design:
    """``design`` with the block at ``replicas`` and what must follow it (module docstring)."""
    if block.kind == "group":
        groups = tuple(dataclasses.replace(g, replicas=replicas) if g.id == block.id else g
                       for g in design.groups)
        nodes = design.nodes
    else:
        groups = design.groups
        nodes = tuple(dataclasses.replace(n, replicas=replicas) if n.id == block.id else n
                      for n in design.nodes)
    links = tuple(_torus_resized(lk, factor) if block.kind == "node" and lk.pattern == "torus"
                  and lk.source == block.id else lk for lk in design.links)
    workload = design.workload
    dp = workload.parallelism.dp
    if dp is not None:
        scaled_dp = dp * factor
        if scaled_dp.denominator != 1:
            raise EngineError(f"the fixed data-parallel degree {dp} does not scale to "
                              f"{replicas} replicas of {block.label}")
        workload = dataclasses.replace(workload, parallelism=dataclasses.replace(
            workload.parallelism, dp=int(scaled_dp)))
    return dataclasses.replace(design, groups=groups, nodes=nodes, links=links,
                               workload=workload)


def _torus_resized(link: Link, factor: Fraction) -> Link:
    """The torus doubled along its smallest dimension, or halved along its largest."""
    dims = list(link.dims)
    while factor > 1:
        dims[dims.index(min(dims))] *= 2
        factor /= 2
    while factor < 1:
        largest = dims.index(max(dims))
        if dims[largest] % 2:
            raise EngineError(f"the {'x'.join(map(str, link.dims))} torus cannot be halved")
        dims[largest] //= 2
        factor *= 2
    return dataclasses.replace(link, dims=tuple(dims))
