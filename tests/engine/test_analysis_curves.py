"""The panels' curves are the engine's own numbers, read off the models they come from."""

from __future__ import annotations

import dataclasses
import functools

import numpy as np
import pytest

from engine.analysis import curves
from engine.analysis.bandwidth import OPS, SIZES
from engine.analysis.cost_curves import FAILURES_PART, line_kind
from engine.catalog import load_catalog
from engine.collectives import collective
from engine.cost import COST, CostLine
from engine.evaluate import Evaluation, evaluate
from engine.layout import load_design
from engine.network import NETWORK
from engine.reliability import RELIABILITY
from engine.reliability.checkpoints import goodput
from tests.conftest import ROOT

CATALOG = load_catalog()
LLAMA3 = ROOT / "examples" / "llama3-16k-h100-roce.yaml"
DEEPSEEK = ROOT / "examples" / "h800-2048-deepseek.yaml"


@functools.cache
def evaluated(path: str, **cost: object) -> Evaluation:
    design = load_design(path, CATALOG)
    if cost:
        design = dataclasses.replace(design, cost=dataclasses.replace(design.cost, **cost))
    return evaluate(design, CATALOG)


def test_bandwidth_curves_are_one_collective_call_per_operation_over_64_sizes():
    e = evaluated(str(LLAMA3))
    fabric = e.require(NETWORK).main().topology.fabric
    bandwidth = curves(e).bandwidth
    assert (SIZES.size, SIZES[0], SIZES[-1]) == (64, 8, 16 * 2**30)
    assert set(bandwidth.curves) == set(OPS)
    assert bandwidth.ranks == 16384
    for op, result in bandwidth.curves.items():
        direct = collective(fabric, op, SIZES)
        np.testing.assert_array_equal(result.busbw_GBps, direct.busbw_GBps)
        assert list(result.bottleneck) == list(direct.bottleneck)
    # where the 1 GiB headline sits on the curve, the network section agrees
    headline = e.require(NETWORK).main().machine["all_to_all"]
    at_1gib = collective(fabric, "all_to_all", 2**30)
    assert headline.busbw_GBps == pytest.approx(at_1gib.busbw_GBps[0])


def test_the_aggregation_layer_of_the_16k_cluster_is_its_hottest_link():
    """All-to-all over 16,384 GPUs is the busiest headline collective; the pods' uplinks
    to the aggregation switches (7.1:1 oversubscribed) carry it at full bandwidth."""
    e = evaluated(str(LLAMA3))
    loads = curves(e).link_loads
    assert loads.op == "all_to_all"
    assert loads.busiest_link == "ctsw-up"
    assert loads.loads["ctsw-up"] == pytest.approx(1.0, rel=1e-3)
    assert "atsw" in loads.bottleneck
    # a GPU sends all but 8/16,384 of its data out of its server, all but 2,048/16,384 out
    # of its pod, whose uplinks have 1/7.1 of the bandwidth per GPU of its NIC
    tiers = e.require(NETWORK).main().topology.fabric.tiers
    nic_share = (16384 - 8) / (16384 - 2048) * tiers[3].bandwidth_Bps / tiers[1].bandwidth_Bps
    assert loads.loads["nics"] == pytest.approx(nic_share * loads.loads["ctsw-up"])


def test_buy_and_rent_cross_at_the_break_even_month():
    e = evaluated(str(DEEPSEEK))
    curve = curves(e).buy_rent
    cost = e.require(COST)
    assert curve.break_even_months == pytest.approx(cost.break_even_months)
    assert curve.buy[0] == pytest.approx(cost.capex)
    assert curve.rent[0] == 0
    crossing = np.interp(cost.break_even_months, curve.months, curve.buy - curve.rent)
    assert abs(crossing) < 1e-6 * cost.capex
    assert curve.break_even_cost == pytest.approx(np.interp(cost.break_even_months, curve.months,
                                                            curve.buy))
    assert curve.months[-1] >= cost.break_even_months


def test_a_runs_parts_add_up_to_its_cost_and_failures_are_a_part_of_their_own():
    e = evaluated(str(DEEPSEEK), basis="buy")
    run = curves(e).run_cost
    parts = dict(run.parts)
    with_failures = e.require(RELIABILITY).cost_per_run_with_failures
    assert sum(parts.values()) == pytest.approx(with_failures)
    assert parts[FAILURES_PART] == pytest.approx(with_failures - e.require(COST).cost_per_run)
    assert {"accelerators", "server hosts", "switches", "optics and cables"} <= set(parts)
    # each kind's share of the run is its share of the yearly cost of owning
    purchase = e.require(COST).buy
    yearly = purchase.capex / purchase.amortisation_years + purchase.opex_per_year
    accelerators = sum(line.amount for line in purchase.capex_parts
                       if line.part.startswith("accelerators"))
    assert parts["accelerators"] == pytest.approx(
        e.require(COST).cost_per_run * accelerators / purchase.amortisation_years / yearly)


def test_renting_bills_the_rent_alone():
    run = curves(evaluated(str(DEEPSEEK))).run_cost
    assert run.basis == "rent"
    assert [kind for kind, _ in run.parts] == ["rent", FAILURES_PART]


def test_line_kinds():
    def kind(part: str) -> str:
        return line_kind(CostLine(part, 1, "x", 1, 1, ""))
    assert kind("switches, level 2: Spine (qm9700)") == "switches"
    assert kind("optics and cables: planes (ib-ndr)") == "optics and cables"
    assert kind("energy: accelerators (TDP)") == "energy"


def test_checkpoint_curve_passes_through_the_chosen_interval():
    e = evaluated(str(LLAMA3))
    report = e.require(RELIABILITY)
    curve = curves(e).checkpoints
    assert curve.chosen_interval_min == report.checkpoint_interval_min
    assert curve.chosen_goodput == report.goodput
    at_chosen = goodput(curve.chosen_interval_min * 60, report.checkpoint_write_s,
                        report.job_mtbf_hours * 3600, report.restart_min * 60)
    assert at_chosen == pytest.approx(report.goodput)
    assert curve.interval_min[0] < curve.young_interval_min < curve.interval_min[-1]
    best = curve.interval_min[np.argmax(curve.goodput)]
    assert best == pytest.approx(curve.young_interval_min, rel=0.15)    # Young ~ Daly's optimum
    days = report.time_to_train_days
    np.testing.assert_allclose(curve.time_lost_days, days / curve.goodput - days)


def test_a_missing_section_is_the_reason_a_curve_is_missing():
    e = evaluated(str(ROOT / "examples" / "a800-1024.yaml"))
    out = curves(e)
    assert out.buy_rent is None
    assert "rent" in out.errors["buy_rent"]
    assert "a800-80gb" in out.errors["buy_rent"]
    bare = curves(Evaluation("empty", {}, {"network": "no accelerators"}))
    assert bare.errors["bandwidth"] == "needs the network section: no accelerators"
