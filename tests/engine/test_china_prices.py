"""China-market prices in the catalog: dated, labelled, chosen by date, and billed."""

from __future__ import annotations

import dataclasses

import pytest

from engine.catalog import load_catalog
from engine.cost import COST
from engine.cost.buy import HOURS_PER_YEAR
from engine.cost.prices import accelerator_quote, rent_quote
from engine.design import CostSettings, Node
from engine.errors import EngineError
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.training import TRAINING
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user=False)


def as_of(design, date: str, **changes):
    return dataclasses.replace(design, cost=dataclasses.replace(
        design.cost, price_as_of=date, **changes))


def test_the_a800_clusters_run_at_80k_and_at_170k_cny_a_card(catalog):
    """examples/a800-1024.yaml bought in mid-2023 and in January 2024 (Jiemian News): only
    the cards' price differs, so the runs differ by 1,024 x 90,000 CNY spread over the
    amortisation's hours of use, for the accelerator-hours the run takes."""
    design = load_design(str(ROOT / "examples" / "a800-1024.yaml"), catalog)
    mid, jan = (evaluate(as_of(design, date), catalog) for date in ("2023-07-31", "2024-01-31"))
    cards = [next(p for p in e.require(COST).buy.capex_parts if p.part.startswith("accel"))
             for e in (mid, jan)]
    assert [c.unit_price for c in cards] == [80_000, 170_000]
    training = mid.require(TRAINING)
    gpu_hours = training.gpus * training.time_to_train_days * 24
    settings = design.cost
    per_card_hour = 90_000 / (settings.amortisation_years * HOURS_PER_YEAR
                              * settings.utilisation)
    run_mid, run_jan = (e.require(COST).cost_per_run for e in (mid, jan))
    assert run_jan - run_mid == pytest.approx(per_card_hour * gpu_hours)
    assert mid.require(COST).capex == pytest.approx(jan.require(COST).capex - 1024 * 90_000)
    # the figures the docs quote
    assert run_mid == pytest.approx(4.88e6, rel=0.01)
    assert run_jan == pytest.approx(8.05e6, rel=0.01)


def test_latest_is_the_newest(catalog):
    a800, node = catalog.accelerator("a800-80gb"), Node("n", "server", "a800-80gb")
    latest = accelerator_quote(a800, node, CostSettings(currency="CNY", price_as_of="latest"))
    assert latest == accelerator_quote(a800, node, CostSettings(currency="CNY"))


def test_whole_servers_first_when_buying_servers(catalog):
    """An 8 x H100 server at the dealer's 2.7M CNY (Huxiu, 2024-07) rather than a card."""
    h100, node = catalog.accelerator("h100-sxm"), Node("n", "server", "h100-sxm")
    settings = CostSettings(currency="CNY", price_as_of="2025-04-30", buy_unit="server")
    quote = accelerator_quote(h100, node, settings)
    assert quote.amount == pytest.approx(2_700_000 / 8)
    assert quote.includes_host
    assert "HUXIU_2024_07" in quote.source


def test_a_cny_lease_is_converted_and_labelled(catalog):
    """The 70k CNY server-month lease (Tianfeng, 2025-04) is 11.98 CNY per GPU-hour, a
    low-confidence derived figure, which the cost section passes on."""
    h100 = catalog.accelerator("h100-sxm")
    settings = CostSettings(rent_kind="lease", cny_per_usd=7.0)
    quote = rent_quote(h100, settings)
    assert quote.amount == pytest.approx(11.98 / 7.0)
    assert quote.caveat.startswith("low confidence; derived: 70,000 CNY per server-month")
    design = load_design(str(ROOT / "examples" / "dgx-h100-superpod.yaml"), catalog)
    design = dataclasses.replace(design, cost=dataclasses.replace(
        design.cost, currency="CNY", rent_kind="lease", price_as_of="2024-06-30"))
    report = evaluate(design, catalog).require(COST)
    assert report.rent.cost_per_gpu_hour == pytest.approx(20.53)   # cnBeta, early 2024
    assert any("low confidence" in c for c in report.price_caveats)


def test_without_a_price_the_user_is_told_which_setting_to_fill(catalog):
    ascend = catalog.accelerator("ascend-910b")
    with pytest.raises(EngineError, match=r"set cost\.rent_usd_per_hour"):
        rent_quote(ascend, CostSettings(rent_kind="lease"))
    with pytest.raises(EngineError, match=r"set cost\.accelerator_price_usd"):
        accelerator_quote(ascend, Node("n", "server", "ascend-910b"),
                          CostSettings(price_as_of="2023-01-01"))


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*.yaml")),
                         ids=lambda p: p.stem)
def test_every_example_has_a_cost(catalog, path):
    design = load_design(str(path), catalog)
    assert design.cost is not None
    assert "cost:" in path.read_text()
    assert evaluate(design, catalog).result(COST) is not None
