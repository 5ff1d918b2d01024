"""The seller's and the plan's headline figures: their sections' numbers, listed only for a
design that sets seller or plan settings, and in a comparison when one design does."""

from __future__ import annotations

import pytest

from engine.catalog import load_catalog
from engine.compare import compare, figures_asked
from engine.evaluate import evaluate
from engine.headline import asked, by_key, headline
from engine.layout import load_design
from engine.plan import PLAN, PlanSettings
from engine.plan.section import SETTINGS as PLAN_SETTINGS
from engine.scenarios import scenarios_of
from engine.seller import SELLER
from tests.conftest import ROOT

SELLER_KEYS = ("seller_margin_per_gpu_hour", "break_even_discount", "break_even_utilisation")
PLAN_KEYS = ("plan_cost", "plan_finish_days", "owning_beats_renting_months")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user=False)


@pytest.fixture(scope="module")
def designs(catalog):
    return scenarios_of(load_design(str(ROOT / "examples" / "what-if-a800-h800-h20.yaml"),
                                    catalog))


@pytest.fixture(scope="module")
def a800(catalog):
    return load_design(str(ROOT / "examples" / "a800-1024.yaml"), catalog)


def test_the_figures_are_the_sections_numbers(designs, catalog):
    """The what-if file's A800 cluster: leased out at the channel's price, ordered in July
    2023."""
    evaluation = evaluate(designs[0], catalog)
    figures, seller, plan = by_key(headline(evaluation)), evaluation.require(SELLER), \
        evaluation.require(PLAN)
    assert figures["seller_margin_per_gpu_hour"].value == seller.margin_per_gpu_hour
    assert figures["seller_margin_per_gpu_hour"].unit == "CNY"
    assert figures["break_even_discount"].value == seller.break_even_discount
    assert figures["break_even_utilisation"].value == seller.break_even_utilisation
    assert figures["plan_cost"].value == plan.net_at_horizon["buy"]
    assert figures["plan_finish_days"].value == plan.finish_days["buy"]
    crossing = figures["owning_beats_renting_months"].value
    assert plan.months[int(crossing) - 1] == plan.owning_beats_renting


def test_only_a_design_that_sets_them_lists_them(a800, catalog):
    """The sections run for every design; their figures are the question of those that ask."""
    plain = {f.key for f in asked(evaluate(a800, catalog))}
    assert not plain & {*SELLER_KEYS, *PLAN_KEYS}
    planned = evaluate(PLAN_SETTINGS.with_value(a800, PlanSettings(horizon_months=24)),
                       catalog)
    keys = {f.key for f in asked(planned)}
    assert set(PLAN_KEYS) <= keys
    assert not keys & set(SELLER_KEYS)


def test_a_comparison_shows_them_when_one_design_asks(designs, catalog):
    """The what-if file: the H800 scenario sets a seller list price and two designs plan
    their deliveries, so every column has the rows; the H20's seller figures say why not."""
    result = compare([(d.name, d) for d in designs], catalog)
    keys = [spec.key for spec in figures_asked(result)]
    assert [k for k in keys if k in {*SELLER_KEYS, *PLAN_KEYS}] == [*SELLER_KEYS, *PLAN_KEYS]
    h20 = next(row for row in result.rows if row.design == "H20 cluster")
    assert "seller.list_usd_per_gpu_hour" in h20.figure("seller_margin_per_gpu_hour").missing
    alone = compare([(d.name, d) for d in designs[2:]], catalog)
    assert not {spec.key for spec in figures_asked(alone)} & {*SELLER_KEYS, *PLAN_KEYS}
