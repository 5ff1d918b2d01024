"""How far to trust a training estimate: its bands, and the part of the design it is of.

A job runs on one island (the accelerators of one kind that reach each
other, :mod:`engine.topology`): a design with several kinds is estimated on
its largest island, and a configuration may leave accelerators idle. Each
figure says so (``covers``), and so do the figures computed from it (cost
per run, time with failures).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from engine.catalog import Catalog
from engine.inventory import INVENTORY, Inventory
from engine.training.efficiency import gemm_basis
from engine.training.result import TrainingEstimate
from engine.trust import Trust, for_keys, training_bands
from engine.trust.bands import TRAINING_RATES, TRAINING_TIMES

if TYPE_CHECKING:
    from engine.sections import Evaluation

FIGURES = TRAINING_RATES + TRAINING_TIMES


def job_covers(training: TrainingEstimate, inventory: Inventory | None) -> str:
    """The part of the design the job uses and why, or ``""`` when it uses all of it."""
    total = inventory.accelerators if inventory is not None else training.gpus_available
    if training.gpus >= total:
        return ""
    kinds = inventory.accelerators_by_type.items() if inventory is not None else ()
    others = " and ".join(f"{n:,} x {kind}" for kind, n in kinds if kind != training.accelerator)
    if others:
        return (f"{training.gpus:,} x {training.accelerator} of the design's {total:,} "
                f"accelerators: a job is estimated on one accelerator kind (the largest "
                f"island), so the {others} take no part")
    return (f"{training.gpus:,} of the design's {total:,} accelerators: the best "
            f"configuration leaves {total - training.gpus:,} idle")


def training_trust(training: TrainingEstimate, catalog: Catalog, done: Evaluation) -> Trust:
    """Bands from the residuals of the accelerator's regime, each reason also saying what
    the part's GEMM efficiency rests on (kernel measurements or none); the job's part of
    the design."""
    bands = training_bands({key: getattr(training, key) for key in FIGURES},
                           catalog.accelerator(training.accelerator), training.precision)
    gemms = gemm_basis(training.precision, training.accelerator,
                        training.fp8_kernels).describe()
    bands = {key: replace(band, reason=f"{band.reason}; {gemms}") for key, band in bands.items()}
    return Trust(bands, for_keys(FIGURES, job_covers(training, done.result(INVENTORY))))
