"""The training section of an evaluation: the design's workload on its largest island.

The workload's parallelism fields that are ``None`` are searched; the
estimate is of the best configuration that fits (or, if none does, the one
needing least memory, flagged). It runs on the fabric the network section
derived from the drawn design, with the island's accelerator as its nodes
override it. A design that only serves (``Design.trains`` false) skips it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.catalog import Catalog
from engine.design import Design, Workload
from engine.errors import NO_TRAINING_WORKLOAD, InfeasibleConfig, NotRequested
from engine.hardware import accelerator_of
from engine.network import NETWORK, NetworkReport
from engine.sections import HIGHER, LOWER, FigureSpec, Section, SectionSettings
from engine.topology import Island
from engine.training.fidelity import training_trust
from engine.training.job import Job, Machine, job_for
from engine.training.result import TrainingEstimate
from engine.training.search import estimate

if TYPE_CHECKING:
    from engine.sections import Evaluation


def require_training(design: Design) -> None:
    """Raise :class:`NotRequested` for a design that trains nothing (it only serves), so its
    training estimate and the curves made of it are skipped, not failed."""
    if not design.trains:
        raise NotRequested(NO_TRAINING_WORKLOAD())


def design_job(design: Design, catalog: Catalog, network: NetworkReport | None) -> Job:
    """The design's workload on its largest island (what the training section estimates)."""
    if network is None:
        raise InfeasibleConfig("needs the network section, which could not be computed")
    return island_job(design, catalog, network.main().topology)


def island_job(design: Design, catalog: Catalog, island: Island) -> Job:
    """The design's workload on ``island``, with the island's accelerator as its nodes say."""
    machine = Machine(accelerator_of(catalog, design.node(island.nodes[0])), island.fabric)
    return job_for(catalog.model(design.workload.model), design.workload, machine)


def training_section(design: Design, catalog: Catalog, done: Evaluation) -> TrainingEstimate:
    require_training(design)
    return estimate(design_job(design, catalog, done.result(NETWORK)))


TRAINING = Section(
    "training", "Training", TrainingEstimate, training_section, needs=(NETWORK,),
    settings=SectionSettings("workload", "Training", Workload), trust=training_trust,
    figures=(
        FigureSpec("time_to_train_days", "Time to train", "days", LOWER,
                   lambda s: s.time_to_train_days, order=50, needs_training=True, tile=True),
        FigureSpec("mfu", "MFU", "%", HIGHER, lambda s: s.mfu, order=70,
                   needs_training=True, style="fraction", tile=True),
    ))
