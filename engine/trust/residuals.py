"""The engine's predictions of published measurements, and the regime each belongs to.

``residuals.yaml`` holds, for every published training run, nccl-tests
point and serving benchmark the engine is checked against, the published figure and the engine's
prediction of it; ``tests/engine/test_trust_residuals.py`` recomputes every
prediction and fails when the stored one is stale (``python -m
tests.engine.test_trust_residuals`` prints the file anew). A residual is the
log of published over predicted for a rate (throughput, bus bandwidth), so
a figure the engine puts too high has a negative residual.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from engine.catalog import AcceleratorSpec
from engine.collectives import ARCH_OF_LINK

RESIDUALS = Path(__file__).with_name("residuals.yaml")
KINDS = ("training", "collective", "serving")
SMALL_MESSAGE_BYTES = 2**20    # up to this, much of an all-reduce's time is latency


@dataclass(frozen=True)
class Residual:
    """One published measurement against the engine's prediction of it."""

    id: str
    kind: str            # "training", "collective" or "serving"
    accelerator: str     # catalog id
    regime: str          # vendor and generation, e.g. "NVIDIA hopper"
    precision: str       # training and serving (the weights'): bf16/fp16/fp8; collectives: "-"
    scope: str           # collectives: "small"/"large" messages, "network"; serving: the
                         # scenario; training: ""
    gpus: int
    published: float
    predicted: float
    source: str

    @property
    def log_error(self) -> float:
        """ln(published / predicted) of the rate."""
        return math.log(self.published / self.predicted)


def regime_of(accelerator: AcceleratorSpec) -> str:
    """Vendor and generation: NVIDIA parts by their NVLink generation (an A800 is an
    Ampere, an H20 a Hopper), other parts by their own id."""
    generation = ARCH_OF_LINK.get(accelerator.scale_up.link, accelerator.id)
    return f"{accelerator.vendor} {generation}"


@cache
def load_residuals() -> tuple[Residual, ...]:
    """Every stored residual, training runs first."""
    data = yaml.safe_load(RESIDUALS.read_text())
    return tuple(Residual(kind=kind, **row) for kind in KINDS for row in data[kind])
