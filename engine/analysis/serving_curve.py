"""Serving throughput against latency: what the hardware earns against how fast answers stream.

Each configuration the serving search ranks for the design's serving
workload (:func:`~engine.serving.search.serving_search`, the ``TOP`` best:
layouts at every batch they were tried at, latency targets applied) is a
point: output tokens per second per GPU against output tokens per second
per user (1000 / TPOT). Larger batches earn more per GPU and stream slower,
so the points trace the trade-off; ``frontier`` marks those no other point
beats on both axes, the line a panel draws through them. The design's own
point is the serving section's estimate (the search's best).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.catalog import Catalog
from engine.design import Design
from engine.evaluate import Evaluation
from engine.layout import catalog_for
from engine.serving import ServingEstimate, serving_search
from engine.serving.section import SERVING, serving_job

TOP = 200


@dataclass(frozen=True)
class ThroughputLatencyCurve:
    """The ranked configurations as points, best first, and the design's point."""

    model: str
    accelerator: str
    configurations: tuple[ServingEstimate, ...]
    per_gpu: np.ndarray              # output tokens/s per GPU, one per configuration
    per_user: np.ndarray             # output tokens/s per user (1000 / TPOT)
    frontier: np.ndarray             # bool: no other point is better on both axes
    design_per_gpu: float
    design_per_user: float
    chosen: ServingEstimate          # the design's own configuration


def throughput_latency_curve(design: Design, catalog: Catalog,
                             evaluation: Evaluation) -> ThroughputLatencyCurve:
    """The curve of an evaluated design with a serving workload; an
    :class:`~engine.errors.EngineError` with the reason otherwise."""
    job = serving_job(design, catalog_for(design, catalog), evaluation)
    chosen = evaluation.require(SERVING).estimate
    ranked = serving_search(job.model, job.accelerator, job.fabric, job.workload, job.price,
                            top=TOP).top
    per_gpu = np.array([e.per_gpu_output_tokens_per_s for e in ranked])
    per_user = np.array([_per_user(e) for e in ranked])
    return ThroughputLatencyCurve(chosen.model, chosen.accelerator, ranked, per_gpu, per_user,
                                  pareto_frontier(per_gpu, per_user),
                                  chosen.per_gpu_output_tokens_per_s, _per_user(chosen),
                                  chosen)


def pareto_frontier(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Whether each point has no other with at least its ``x`` and ``y``, one of them more."""
    order = np.lexsort((-x, -y))                 # fastest per user first, ties by x
    best_before = np.maximum.accumulate(np.concatenate(([-np.inf], x[order])))[:-1]
    on = np.zeros(x.size, dtype=bool)
    on[order] = x[order] > best_before
    return on


def _per_user(e: ServingEstimate) -> float:
    return 1e3 / e.tpot_ms
