"""The cost model against hand arithmetic, the catalog's dated prices and DeepSeek-V3's bill."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.catalog.loader import build_catalog
from engine.cost import COST, break_even_months, cost_section
from engine.cost.buy import HOURS_PER_YEAR
from engine.cost.prices import accelerator_quote, date_key, rent_quote
from engine.design import CostSettings, Design, Node
from engine.errors import EngineError
from engine.evaluate import evaluate
from engine.inventory import HOST_OVERHEAD, take_inventory
from engine.layout import load_design, loads_design
from engine.network import network_section
from engine.reliability import RELIABILITY
from engine.training import TRAINING
from tests.conftest import DATA, ROOT

SMALL = """format: cluster-workbench/1
nodes:
  - {id: srv, kind: server, accelerator: gpu-a, replicas: 2}
  - {id: leaf, kind: switch, switch: sw}
links:
  - {id: nics, from: srv, to: leaf, type: net, count: 8}
workload: {model: tiny}
cost: {host_usd_per_accelerator: 1000, switch_usd_per_port: 500, optics_usd_per_link: 800,
       electricity_usd_per_kwh: 0.1, pue: 1.5, power_draw: 1.0, utilisation: 1.0,
       amortisation_years: 4, discount: 0.5}
"""


@dataclass(frozen=True)
class RunFigures:
    """A training run's figures given directly (a published run's, or arbitrary ones for
    properties), in the shape the cost model reads from the training section."""

    time_to_train_days: float
    tokens_per_s: float
    gpus: int = 16


def section(design: Design, catalog, training: RunFigures | None = None):
    return cost_section(design, catalog, take_inventory(design, catalog),
                        network_section(design, catalog), training)


def with_cost(design: Design, **changes) -> Design:
    return dataclasses.replace(design, cost=dataclasses.replace(design.cost, **changes))


def test_small_design_by_hand(small_catalog):
    design = with_cost(loads_design(SMALL, catalog=small_catalog), basis="buy")
    report = section(design, small_catalog)
    bought = report.buy
    capex = 16 * 10_000 + 16 * 1_000 + 64 * 500 + 16 * 800   # cards, hosts, switch, links
    assert bought.capex == pytest.approx(capex) == pytest.approx(220_800)
    kw = 16 * 0.5 * (1 + HOST_OVERHEAD) + 1.0                  # cards, their hosts, switch
    energy = kw * 1.5 * HOURS_PER_YEAR * 0.1
    assert bought.opex_per_year == pytest.approx(energy)
    assert report.cost_per_gpu_hour == pytest.approx((capex / 4 + energy)
                                                     / (16 * HOURS_PER_YEAR))
    assert report.capex == bought.capex
    assert report.opex_per_year == bought.opex_per_year


def test_every_part_adds_up_to_the_total(small_catalog):
    report = section(loads_design(SMALL, catalog=small_catalog), small_catalog)
    for parts, whole in ((report.buy.capex_parts, report.capex),
                         (report.buy.opex_parts, report.opex_per_year)):
        assert sum(p.amount for p in parts) == pytest.approx(whole)
        for p in parts:
            assert p.amount == pytest.approx(p.quantity * p.unit_price)
            assert p.source
    assert [p.part for p in report.buy.capex_parts] == [
        "accelerators: srv", "server hosts: srv", "switches, level 1: leaf (sw)",
        "optics and cables: nics (net)"]


def test_rent_and_break_even_by_hand(small_catalog):
    report = section(loads_design(SMALL, catalog=small_catalog), small_catalog)
    assert report.basis == "rent"
    assert report.cost_per_gpu_hour == pytest.approx(2.0 * 0.5)     # list x discount
    energy_per_gpu_hour = (8 * 1.82 + 1) * 1.5 * 0.1 / 16
    months = 220_800 / ((1.0 - energy_per_gpu_hour) * 16 * HOURS_PER_YEAR / 12)
    assert report.break_even_months == pytest.approx(months) == pytest.approx(22.118, abs=1e-3)


def test_break_even_never_when_rent_is_below_energy():
    assert break_even_months(1e6, energy_per_gpu_hour=0.5, rent_per_gpu_hour=0.4,
                             accelerators=8) is None


def test_run_and_tokens_from_the_training_estimate(small_catalog):
    result = evaluate(loads_design(SMALL, catalog=small_catalog), small_catalog)
    training, cost = result.require(TRAINING), result.require(COST)
    assert cost.run_accelerators == training.gpus
    assert cost.cost_per_run == pytest.approx(
        1.0 * training.gpus * training.time_to_train_days * 24)     # 1 USD per GPU-hour
    assert cost.cost_per_million_tokens == pytest.approx(
        1.0 * training.gpus / (training.tokens_per_s * 3600 / 1e6))
    assert "run" in section(loads_design(SMALL, catalog=small_catalog),
                            small_catalog).unavailable


def test_currency_conversion(small_catalog):
    design = loads_design(SMALL, catalog=small_catalog)
    usd = section(design, small_catalog)
    cny = section(with_cost(design, currency="CNY", cny_per_usd=7.0), small_catalog)
    assert cny.capex == pytest.approx(7 * usd.capex)
    assert cny.cost_per_gpu_hour == pytest.approx(7 * usd.cost_per_gpu_hour)


def test_a_design_without_accelerators_has_no_cost_and_no_failures(small_catalog):
    design = loads_design("format: cluster-workbench/1\nnodes: []\nworkload: {model: tiny}\n",
                          catalog=small_catalog)
    result = evaluate(design, small_catalog)
    assert result.error(COST) == "the design has no accelerators to price"
    assert "no accelerators" in result.error(RELIABILITY)


def test_the_chosen_basis_must_be_priced(small_catalog):
    text = SMALL.replace("accelerator: gpu-a", "accelerator: gpu-b, accelerators: 4")
    with pytest.raises(EngineError, match="no on-demand cloud price for gpu-b"):
        section(loads_design(text, catalog=small_catalog), small_catalog)


# ---- prices from the shipped catalog (dates, currencies, kinds)

@pytest.fixture
def catalog():
    return load_catalog()


def test_newest_card_price_in_the_result_currency(catalog):
    a800, node = catalog.accelerator("a800-80gb"), Node("n", "server", "a800-80gb")
    quote = accelerator_quote(a800, node, CostSettings(currency="CNY"))
    assert quote.amount == 170_000
    assert quote.date == "2024-01-12"
    assert "JIEMIAN_2024_01" in quote.source
    assert accelerator_quote(a800, node, CostSettings()).amount == pytest.approx(170_000 / 7.1)


def test_prices_as_of_a_date(catalog):
    """At the end of June 2023 the newest is 2023-06-29, in either currency; from July,
    Jiemian's mid-2023 80k CNY; from 2024-01-12, its 170k."""
    a800, node = catalog.accelerator("a800-80gb"), Node("n", "server", "a800-80gb")
    june_2023 = dict(price_as_of="2023-06-30")
    assert accelerator_quote(a800, node, CostSettings(currency="CNY", **june_2023)).amount \
        == 83_000
    assert accelerator_quote(a800, node, CostSettings(**june_2023)).amount == 12_000
    end_2023 = CostSettings(currency="CNY", price_as_of="2023-12-31")
    assert accelerator_quote(a800, node, end_2023).amount == 80_000
    with pytest.raises(EngineError, match="on or before 2019-01-01"):
        accelerator_quote(a800, node, CostSettings(price_as_of="2019-01-01"))


def test_overrides_win(catalog):
    a800 = catalog.accelerator("a800-80gb")
    node = Node("n", "server", "a800-80gb", overrides=(("price_usd", 9000.0),))
    assert accelerator_quote(a800, node, CostSettings()).amount == 9000
    plain = Node("n", "server", "a800-80gb")
    assert accelerator_quote(a800, plain, CostSettings(accelerator_price_usd=5000)).amount \
        == 5000


def test_a_server_price_includes_the_host(catalog):
    h20 = catalog.accelerator("h20")
    quote = accelerator_quote(h20, Node("n", "server", "h20"),
                              CostSettings(currency="CNY", buy_unit="server"))
    assert quote.includes_host
    assert quote.amount == pytest.approx(1_400_000 / 8)
    design = load_design(str(ROOT / "examples" / "h20-1024.yaml"))   # buys whole servers
    parts = [p.part for p in section(design, catalog).buy.capex_parts]
    assert not any(p.startswith("server hosts") for p in parts)


def test_reserved_falls_back_to_on_demand_times_the_fraction(small_catalog):
    spec = small_catalog.accelerator("gpu-a")
    quote = rent_quote(spec, CostSettings(rent_kind="reserved", reserved_fraction=0.59))
    assert quote.amount == pytest.approx(2.0 * 0.59)


def test_dates_sort_as_published():
    assert date_key("2024-01-12") > date_key("2023-06-29") > date_key("2023 (mid-year)") \
        > date_key("undated")


# ---- monotone properties and invariants

@pytest.fixture(scope="module")
def small():
    """The small catalog, once for every generated example."""
    return build_catalog([DATA / "small_catalog.yaml"])


@settings(max_examples=50, deadline=None)
@given(st.floats(0.01, 1.0), st.floats(0.01, 1.0))
def test_a_deeper_discount_never_raises_rent(small, paid_a, paid_b):
    """``discount`` is the fraction of list paid: paying less of list never costs more."""
    design = loads_design(SMALL, catalog=small)
    low, high = sorted((paid_a, paid_b))
    cheaper = section(with_cost(design, discount=low), small).cost_per_gpu_hour
    dearer = section(with_cost(design, discount=high), small).cost_per_gpu_hour
    assert cheaper <= dearer


@settings(max_examples=50, deadline=None)
@given(host=st.floats(0, 1e5), port=st.floats(0, 1e4), optics=st.floats(0, 1e4),
       power=st.floats(0, 1), pue=st.floats(1, 3), kwh=st.floats(0, 1),
       utilisation=st.floats(0.01, 1), years=st.floats(0.5, 10))
def test_costs_are_never_negative(small, host, port, optics, power, pue, kwh,
                                  utilisation, years):
    design = with_cost(loads_design(SMALL, catalog=small), basis="buy",
                       host_usd_per_accelerator=host, switch_usd_per_port=port,
                       optics_usd_per_link=optics, power_draw=power, pue=pue,
                       electricity_usd_per_kwh=kwh, utilisation=utilisation,
                       amortisation_years=years)
    report = section(design, small, RunFigures(1.0, 1e3))
    assert min(report.capex, report.opex_per_year, report.cost_per_gpu_hour,
               report.cost_per_run, report.cost_per_million_tokens) >= 0


# ---- a published figure reproduced from its stated inputs

def test_deepseek_v3_training_bill(catalog):
    """DeepSeek-V3 report (arXiv:2412.19437), Table 1: 2,788K H800 GPU-hours at 2 USD per
    GPU-hour = 5.576M USD; pre-training alone 2,664K GPU-hours (180K per trillion tokens,
    14.8T tokens) = 5.328M USD, on the 2,048-GPU cluster."""
    design = with_cost(load_design(str(ROOT / "examples" / "h800-2048-deepseek.yaml")),
                       currency="USD", basis="rent", rent_usd_per_hour=2.0, discount=1.0)
    gpus = 2048
    whole = RunFigures(2.788e6 / gpus / 24, tokens_per_s=1.0, gpus=gpus)
    assert section(design, catalog, whole).cost_per_run == pytest.approx(5.576e6)
    hours = 2.664e6 / gpus
    pre_training = RunFigures(hours / 24, tokens_per_s=14.8e12 / (hours * 3600),
                                   gpus=gpus)
    report = section(design, catalog, pre_training)
    assert report.accelerators == report.run_accelerators == gpus
    assert report.cost_per_run == pytest.approx(5.328e6)
    assert report.cost_per_million_tokens == pytest.approx(0.36)   # 180K GPU-h x 2 USD / 1M
