"""The shipped DeepSeek-V3 example, modelled as the run was (arXiv:2412.19437).

FP8 GEMMs (the CUTLASS-based kernels of the time, inputs cast through HBM),
DualPipe over 16 stages, 20 SMs reserved for communication, 64-way expert
parallelism across 8 nodes with node-limited routing, ZeRO-1, no tensor
parallelism, the multi-token-prediction module, and the report's cheap
recomputations (norms, MLA up-projections, SwiGLU output). The report
spent 2.664M H800 GPU-hours on pre-training on 2,048 GPUs: 54.2 days.
"""

from __future__ import annotations

import pytest

from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.layout import catalog_for, load_design
from engine.training import TRAINING
from tests.conftest import EXAMPLES

PUBLISHED_DAYS = 2.664e6 / 2048 / 24
DESIGN = load_design(str(next(p for p in EXAMPLES if p.stem == "h800-2048-deepseek")))


def _training():
    return evaluate(DESIGN, catalog_for(DESIGN, load_catalog())).require(TRAINING)


def test_the_run_fits_in_h800_memory_as_published():
    training = _training()
    assert training.fits_in_memory
    assert training.parallelism.tp == 1
    assert training.parallelism.ep == 64


def test_time_to_train_within_15_percent_of_the_report():
    days = _training().time_to_train_days
    assert days == pytest.approx(PUBLISHED_DAYS, rel=0.15)
