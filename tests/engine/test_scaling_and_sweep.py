"""Sweeping one setting: apply it (the accelerator count as the Scaling panel scales),
evaluate, read the headline."""

from __future__ import annotations

import pytest

from engine.analysis.scaling import scaling_curve
from engine.catalog import load_catalog
from engine.errors import EngineError
from engine.evaluate import evaluate
from engine.headline import by_key, headline
from engine.layout import load_design
from engine.structure import total_accelerators
from engine.sweep import (
    ACCELERATOR_PRICE,
    ACCELERATORS,
    apply,
    default_range,
    parameters,
    sweep_point,
    sweep_values,
    with_accelerators,
)
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def design(catalog, name):
    return load_design(str(EXAMPLES / f"{name}.yaml"), catalog)


def replicas(design):
    return {**{g.id: g.replicas for g in design.groups},
            **{n.id: n.replicas for n in design.nodes}}


def test_the_accelerator_count_replicates_the_block_as_the_scaling_panel_does(catalog):
    """Llama 3's cluster is 8 pods: 8,192 accelerators is 4 pods, the rest as drawn, and the
    point is the Scaling panel's point at 4 pods to the digit."""
    big = design(catalog, "llama3-16k-h100-roce")
    half = with_accelerators(big, 8192)
    assert total_accelerators(half) == 8192
    assert replicas(half) == {**replicas(big), "pod": 4}
    assert half.workload.parallelism.dp == big.workload.parallelism.dp // 2
    panel = next(p for p in scaling_curve(big, catalog).points if p.replicas == 4)
    point = by_key(sweep_point(big, ACCELERATORS, 8192, catalog).figures)
    assert point["time_to_train_days"].value == panel.estimate.time_to_train_days
    assert point["mfu"].value == panel.estimate.mfu


def test_a_count_below_one_block_is_one_block(catalog):
    small = with_accelerators(design(catalog, "llama3-16k-h100-roce"), 256)
    assert total_accelerators(small) == 2048


def test_a_point_keeps_the_topologys_warnings(catalog):
    """The A800's rail-plane leaves have 40 ports: four times the servers overfill them."""
    point = sweep_point(design(catalog, "a800-1024"), ACCELERATORS, 4096, catalog)
    assert point.x == 4096
    assert any("cables per switch on 40 ports" in w for w in point.warnings)


def test_settings_and_the_price_apply_by_path(catalog):
    a800 = design(catalog, "a800-1024")
    assert apply(a800, "cost.discount", 0.2).cost.discount == 0.2
    assert apply(a800, "workload.parallelism.tp", 4.0).workload.parallelism.tp == 4
    assert apply(a800, "reliability.accelerator_failures", 60).reliability \
        .accelerator_failures == 60.0
    priced = apply(a800, ACCELERATOR_PRICE, 80_000)              # CNY: the design's currency
    assert priced.cost.accelerator_price_usd == pytest.approx(80_000 / 7.1)
    with pytest.raises(EngineError) as caught:
        sweep_point(a800, "cost.discount", 1.5, catalog)
    assert str(caught.value) == "cost.discount: must be a number >= 0.01 and <= 1, got 1.5"
    with pytest.raises(EngineError, match=r"workload\.parallelism\.tp: must be a whole number"):
        sweep_point(a800, "workload.parallelism.tp", 0, catalog)
    with pytest.raises(EngineError, match="no setting"):
        apply(a800, "cost.nothing", 1)


def test_parameters_list_the_design_and_every_numeric_setting(catalog):
    found = {p.key: p for p in parameters(design(catalog, "a800-1024"), catalog)}
    assert found[ACCELERATORS].current == 1024
    assert found[ACCELERATOR_PRICE].current == pytest.approx(170_000, rel=0.05)
    assert found["cost.discount"].maximum == 1.0
    assert found["workload.parallelism.zero"].integer
    assert "cost.currency" not in found
    assert "cost.accelerator_price_usd" not in found


def test_default_ranges(catalog):
    found = {p.key: p for p in parameters(design(catalog, "a800-1024"), catalog)}
    assert default_range(found[ACCELERATORS]) == (256, 16384, True)
    assert default_range(found["cost.discount"]) == (0.2, 1.0, False)
    assert default_range(found[ACCELERATOR_PRICE]) == pytest.approx((85_000, 340_000, False),
                                                                    rel=0.05)
    assert default_range(found["workload.parallelism.tp"]) == (1, 8, True)


def test_sweep_values():
    assert sweep_values(256, 16384, 7, log=True, integer=True) == (
        256.0, 512.0, 1024.0, 2048.0, 4096.0, 8192.0, 16384.0)
    assert sweep_values(0.2, 1.0, 5) == pytest.approx((0.2, 0.4, 0.6, 0.8, 1.0))
    assert sweep_values(1, 3, 10, integer=True) == (1.0, 2.0, 3.0)
    with pytest.raises(EngineError):
        sweep_values(0, 10, 5, log=True)


def test_a_sweep_point_is_the_headline_of_the_changed_design(catalog):
    a800 = design(catalog, "a800-1024")
    point = sweep_point(a800, ACCELERATOR_PRICE, 80_000, catalog)
    expected = headline(evaluate(apply(a800, ACCELERATOR_PRICE, 80_000), catalog))
    assert point.figures == expected
    cheaper = by_key(point.figures)["capex"].value
    assert cheaper < by_key(headline(evaluate(a800, catalog)))["capex"].value
    scaled = sweep_point(a800, ACCELERATORS, 2010, catalog)
    assert (scaled.value, scaled.x) == (2010, 2008)           # whole servers of 8
