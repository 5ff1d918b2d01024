"""The parallelism search's best configurations for the design: the alternatives table.

Either the search the training section runs (the workload's fixed settings
held) or one over every setting, so a user sees what else would run on the
machine and how fast; each row is a full :class:`~engine.training.TrainingEstimate`
and the result counts what was rejected and why.
"""

from __future__ import annotations

import dataclasses

from engine.catalog import Catalog
from engine.design import Design, Parallelism
from engine.network import NetworkReport
from engine.training import SearchResult, search
from engine.training.section import design_job, require_training

TOP = 20


def alternatives(design: Design, catalog: Catalog, network: NetworkReport | None,
                 every_setting: bool = False, top: int = TOP) -> SearchResult:
    """The ``top`` fitting configurations of the design's workload on its largest island."""
    require_training(design)
    workload = design.workload
    if every_setting:
        workload = dataclasses.replace(workload, parallelism=Parallelism())
    job = design_job(dataclasses.replace(design, workload=workload), catalog, network)
    return search(job, top)
