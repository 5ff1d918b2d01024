"""The throughput-latency curve: the serving search's ranked configurations as points."""

from __future__ import annotations

import numpy as np
import pytest

from engine.analysis.serving_curve import TOP, pareto_frontier, throughput_latency_curve
from engine.catalog import load_catalog
from engine.errors import EngineError
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.serving import serving_search
from engine.serving.section import SERVING, serving_job
from tests.conftest import ROOT

CATALOG = load_catalog()
LLAMA = load_design(str(ROOT / "examples" / "llama2-70b-8xh100-serving.yaml"), CATALOG)


@pytest.fixture(scope="module")
def curve():
    return throughput_latency_curve(LLAMA, CATALOG, evaluate(LLAMA, CATALOG))


def test_each_point_is_a_ranked_configuration(curve):
    result = evaluate(LLAMA, CATALOG)
    job = serving_job(LLAMA, CATALOG, result)
    ranked = serving_search(job.model, job.accelerator, job.fabric, job.workload, job.price,
                            top=TOP).top
    assert curve.configurations == ranked
    assert len(ranked) > 20, "every layout at every batch that fits"
    for e, per_gpu, per_user in zip(ranked, curve.per_gpu, curve.per_user, strict=True):
        assert per_gpu == e.output_tokens_per_s / e.gpus
        assert per_user == pytest.approx(1e3 / e.tpot_ms)


def test_the_design_point_is_the_sections_estimate_and_on_the_frontier(curve):
    chosen = evaluate(LLAMA, CATALOG).require(SERVING).estimate
    assert curve.design_per_gpu == chosen.per_gpu_output_tokens_per_s
    assert curve.design_per_user == pytest.approx(1e3 / chosen.tpot_ms)
    assert curve.model == "llama2-70b"
    assert curve.accelerator == "h100-sxm"
    on = (curve.per_gpu == curve.design_per_gpu) & (curve.per_user == curve.design_per_user)
    assert curve.frontier[on].all()


def test_the_frontier_trades_throughput_for_speed(curve):
    """Along the frontier, faster streams per user earn less per GPU: batch 1 is the fastest
    and earns least, the largest batch the reverse."""
    order = np.argsort(curve.per_user[curve.frontier])
    per_gpu = curve.per_gpu[curve.frontier][order]
    assert (np.diff(per_gpu) < 0).all()
    assert curve.frontier.sum() >= 5
    fastest = curve.configurations[int(np.argmax(curve.per_user))]
    assert fastest.batch_per_replica == 1


def test_pareto_frontier_by_hand():
    x = np.array([1.0, 2.0, 3.0, 2.0, 0.5])
    y = np.array([5.0, 4.0, 1.0, 3.0, 5.0])
    assert pareto_frontier(x, y).tolist() == [True, True, True, False, False]


def test_a_design_without_serving_has_no_curve():
    design = load_design(str(ROOT / "examples" / "h800-1024.yaml"), CATALOG)
    with pytest.raises(EngineError, match="no serving workload"):
        throughput_latency_curve(design, CATALOG, evaluate(design, CATALOG))
