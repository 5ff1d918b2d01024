"""The plan over months: deliveries, the finish date, and owning against renting."""

from __future__ import annotations

import pytest

from engine.catalog import load_catalog
from engine.cost import COST
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.plan import PLAN, PlanSettings
from engine.plan.schedule import arrivals, day_label, finish_day, month_index
from engine.plan.section import SETTINGS
from engine.training import TRAINING
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user=False)


@pytest.fixture(scope="module")
def h800(catalog):
    return load_design(str(ROOT / "examples" / "h800-1024.yaml"), catalog)


def plan(design, catalog, **settings):
    evaluation = evaluate(SETTINGS.with_value(design, PlanSettings(**settings)), catalog)
    return evaluation, evaluation.require(PLAN)


def test_a_delay_pushes_the_finish_by_the_delay_when_training_waits_for_all(h800, catalog):
    """128 servers at 32 a week; the last quarter 8 weeks late (as Lianhua's H800s were)."""
    deliveries = dict(servers_per_week=32.0, delayed_fraction=0.25)
    evaluation, on_time = plan(h800, catalog, ramp="wait", **deliveries)
    _, late = plan(h800, catalog, ramp="wait", delay_weeks=8.0, **deliveries)
    days = evaluation.require(TRAINING).time_to_train_days
    assert on_time.finish_days["buy"] == pytest.approx(127 / 32 * 7 + days)
    assert late.finish_days["buy"] - on_time.finish_days["buy"] == pytest.approx(8 * 7)


def test_starting_on_what_arrived_loses_less_to_the_delay(h800, catalog):
    deliveries = dict(servers_per_week=32.0, delayed_fraction=0.25)
    _, on_time = plan(h800, catalog, ramp="partial", **deliveries)
    _, late = plan(h800, catalog, ramp="partial", delay_weeks=8.0, **deliveries)
    pushed = late.finish_days["buy"] - on_time.finish_days["buy"]
    assert 0 < pushed < 8 * 7


def test_partial_ramp_by_hand():
    """Two servers, one on day 0, one on day 10; 20 days of work on both: half speed for
    10 days (5 done), then full speed for the other 15."""
    assert finish_day(20.0, [0.0, 10.0], "partial") == pytest.approx(25.0)
    assert finish_day(20.0, [0.0, 10.0], "wait") == pytest.approx(30.0)
    settings = PlanSettings(servers_per_week=1.0, delayed_fraction=0.5, delay_weeks=2.0)
    assert arrivals(4, settings) == [0.0, 7.0, 28.0, 35.0]


def test_buying_pays_on_delivery_at_the_months_price(h800, catalog):
    evaluation, report = plan(h800, catalog)
    capex = evaluation.require(COST).capex
    assert report.cumulative["buy"][0] > capex            # all delivered at once, plus energy
    assert report.cumulative["buy"][-1] == report.cumulative["buy"][1]   # nothing after
    assert report.net_at_horizon["buy"] == pytest.approx(
        report.cumulative["buy"][-1] - report.resale_value["buy"])
    # bought on day 0, 3 of 5 years' life left at the 36-month horizon
    assert report.resale_value["buy"] == pytest.approx(capex * 2 / 5, rel=1e-3)


def test_owning_beats_renting_later_as_rents_fall(catalog):
    """One 8 x H100 server bought in January 2024 (about 2.7M CNY, as in mid-2024) against
    the China lease falling from 20.53 to 11.98 CNY per GPU-hour (cnBeta, Tianfeng)."""
    text = """format: cluster-workbench/1
nodes: [{id: srv, kind: server, accelerator: h100-sxm}]
workload: {model: llama2-7b, tokens: 1.0e9}
cost: {currency: CNY, basis: buy, buy_unit: server, rent_kind: lease}
"""
    from engine.layout import loads_design
    design = loads_design(text, catalog=catalog)
    _, falling = plan(design, catalog, start="2024-07", horizon_months=60)
    _, flat = plan(design, catalog, start="2024-07", horizon_months=60,
                   rent_path="2024-07:1")
    assert flat.owning_beats_renting is not None
    assert falling.owning_beats_renting > flat.owning_beats_renting   # "YYYY-MM" sorts


def test_a_bad_path_names_the_setting(h800, catalog):
    evaluation = evaluate(SETTINGS.with_value(h800, PlanSettings(card_path="2024-01=0.8")),
                          catalog)
    assert "plan.card_path" in evaluation.error(PLAN)


def test_a_finish_date_is_a_real_date():
    """Months of 30.44 days run past a short month's end: the label stops at its last day."""
    november = month_index("2023-11", "test")
    assert day_label(november, 30.2) == "2023-11-30"
    assert day_label(month_index("2024-02", "test"), 29.9) == "2024-02-29"
    assert day_label(november, 0.0) == "2023-11-01"
