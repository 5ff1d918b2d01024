"""The scaling curve and the alternatives table: variants of the design, re-estimated."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from engine.analysis import explore
from engine.analysis.alternatives import alternatives
from engine.analysis.scaling import resized, scaling_block, scaling_curve
from engine.catalog import load_catalog
from engine.design import Parallelism, TrainingOptions
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.network import NETWORK
from engine.structure import total_accelerators
from engine.training import TRAINING, estimate, search
from engine.training.section import design_job
from tests.conftest import ROOT

CATALOG = load_catalog()
EXAMPLES = ROOT / "examples"


def example(name: str):
    return load_design(str(EXAMPLES / f"{name}.yaml"), CATALOG)


def test_the_block_is_the_outermost_repeated_group_holding_every_accelerator():
    block = scaling_block(example("llama3-16k-h100-roce"))     # pods of racks of servers
    assert (block.kind, block.id, block.replicas) == ("group", "pod", 8)
    # planes hold switches only: the servers are the block
    block = scaling_block(example("a800-1024"))
    assert (block.kind, block.id, block.replicas) == ("node", "server", 128)


def test_the_design_point_is_the_training_sections_estimate():
    design = example("llama3-16k-h100-roce")
    curve = scaling_curve(design, CATALOG)
    assert [p.replicas for p in curve.points] == [1, 2, 4, 8, 16, 32]
    assert [p.accelerators for p in curve.points] == [2048 * r for r in (1, 2, 4, 8, 16, 32)]
    assert curve.design_point().estimate == evaluate(design, CATALOG).require(TRAINING)


def test_a_fixed_data_parallel_degree_scales_with_the_block():
    design = example("llama3-16k-h100-roce")
    curve = scaling_curve(design, CATALOG)
    dps = [p.estimate.parallelism.dp for p in curve.points]
    assert dps == [16, 32, 64, 128, 256, 512]
    assert all(p.estimate.parallelism.tp == 8 and p.estimate.parallelism.pp == 16
               for p in curve.points)
    # fewer accelerators for the same tokens: longer, never shorter
    days = [p.estimate.time_to_train_days for p in curve.points]
    assert days == sorted(days, reverse=True)


def test_a_degree_that_does_not_divide_is_a_reason_not_a_crash():
    design = example("llama3-16k-h100-roce")
    odd = dataclasses.replace(design, workload=dataclasses.replace(
        design.workload, parallelism=dataclasses.replace(design.workload.parallelism, dp=4)))
    first = scaling_curve(odd, CATALOG).points[0]
    assert first.estimate is None
    assert "data-parallel degree 4" in first.reason


def test_a_torus_grows_along_its_smallest_and_shrinks_along_its_largest_dimension():
    design = example("tpu-v4-pod")
    block = scaling_block(design)
    for factor in (Fraction(1, 8), Fraction(1, 2), Fraction(4)):
        scaled = resized(design, block, factor, int(block.replicas * factor))
        (ici,) = scaled.links
        assert ici.dims[0] * ici.dims[1] * ici.dims[2] == total_accelerators(scaled)
    grown = resized(design, block, Fraction(2), 8192)
    assert sorted(grown.links[0].dims) == [16, 16, 32]


def test_points_that_cannot_run_say_why():
    curve = scaling_curve(example("h800-2048-deepseek"), CATALOG)
    smallest = curve.points[0]
    assert smallest.accelerators == 256
    assert smallest.estimate is None
    assert "no parallel configuration of deepseek-v3" in smallest.reason


def test_alternatives_hold_the_fixed_settings_or_search_them_all():
    design = example("llama3-16k-h100-roce")
    network = evaluate(design, CATALOG).require(NETWORK)
    held = alternatives(design, CATALOG, network, every_setting=False)
    assert held == search(design_job(design, CATALOG, network), 20)
    assert {(r.parallelism.tp, r.parallelism.pp, r.parallelism.dp) for r in held.top} == \
        {(8, 16, 128)}
    free = alternatives(design, CATALOG, network, every_setting=True)
    assert free.evaluated > held.evaluated
    assert free.top[0].iteration_time_s <= held.top[0].iteration_time_s
    unfixed = dataclasses.replace(design, workload=dataclasses.replace(
        design.workload, parallelism=Parallelism()))
    assert free.top[0] == estimate(design_job(unfixed, CATALOG, network))


def test_explore_bundles_both_with_reasons():
    """DeepSeek-V3 without its memory savings (DualPipe, cheap recomputation) fits nowhere."""
    shipped = example("h800-2048-deepseek")
    design = dataclasses.replace(shipped, workload=dataclasses.replace(
        shipped.workload, options=TrainingOptions()))
    out = explore(design, CATALOG, evaluate(design, CATALOG))
    assert out.scaling is not None
    assert out.search is None
    assert "no parallel configuration" in out.errors["search"]
