"""The seller's side of a rental against hand arithmetic and the China-market reference."""

from __future__ import annotations

import dataclasses

import pytest

from engine.catalog import load_catalog
from engine.cost.buy import HOURS_PER_YEAR
from engine.evaluate import evaluate
from engine.inventory import HOST_OVERHEAD
from engine.layout import loads_design
from engine.seller import SELLER, SellerSettings
from engine.seller.section import SETTINGS

CNY_PER_USD = 7.1
# One 8 x H100 server bought and rented out in China: the reference sheet's dealer price
# (about 2.7M CNY, Huxiu 2024-07) and the 70k CNY a month lease (Tianfeng, 2025-04-13).
ONE_SERVER = """format: cluster-workbench/1
nodes: [{id: srv, kind: server, accelerator: h100-sxm}]
workload: {model: llama2-7b, tokens: 1.0e9}
cost: {currency: CNY, basis: buy, buy_unit: server, rent_kind: lease, price_as_of: "2025-04-30",
       electricity_usd_per_kwh: 0.0563, pue: 1.25}
seller: {utilisation: 1.0, operations_usd_per_gpu_year: 0.0}
"""


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user=False)


def test_break_even_discount_of_a_rented_h100_server(catalog):
    """Fully let, staff aside: 2.7M CNY over 5 years plus its energy, against 70k a month."""
    report = evaluate(loads_design(ONE_SERVER, catalog=catalog), catalog).require(SELLER)
    rent = 70_000 / 8 / 730.5                                      # 11.98 CNY per GPU-hour
    depreciation = 2_700_000 / 8 / (5 * HOURS_PER_YEAR)            # 7.71
    energy = 0.7 * (1 + HOST_OVERHEAD) * 0.75 * 1.25 * 0.0563 * CNY_PER_USD   # 0.48
    assert report.list_price_per_gpu_hour == pytest.approx(11.98)
    assert rent == pytest.approx(11.98, abs=0.005)
    assert report.break_even_discount == pytest.approx((depreciation + energy) / 11.98)
    assert report.break_even_discount == pytest.approx(0.683, abs=0.001)
    # at the break-even discount the margin is nil; at full price it is the rent's excess
    assert report.margin_per_gpu_hour == pytest.approx(11.98 - depreciation - energy)


def test_break_even_utilisation_makes_the_margin_nil(catalog):
    design = loads_design(ONE_SERVER.replace("utilisation: 1.0", "utilisation: 0.3"),
                          catalog=catalog)
    report = evaluate(design, catalog).require(SELLER)
    assert report.margin_per_gpu_hour < 0 < report.break_even_utilisation < 1
    for utilisation, discount in ((report.break_even_utilisation, 1.0),
                                  (0.3, report.break_even_discount)):
        settings = SellerSettings(utilisation=utilisation, discount=discount,
                                  operations_usd_per_gpu_year=0.0)
        again = evaluate(SETTINGS.with_value(design, settings), catalog).require(SELLER)
        assert again.margin_per_gpu_hour == pytest.approx(0.0, abs=1e-9)


def test_defaults_are_the_buyers_rental_and_the_settings_round_trip(catalog):
    design = loads_design(ONE_SERVER, catalog=catalog)
    plain = SETTINGS.with_value(design, SellerSettings())
    assert plain.section_settings == ()
    buyer = dataclasses.replace(plain.cost, discount=0.5)
    report = evaluate(dataclasses.replace(plain, cost=buyer), catalog).require(SELLER)
    assert report.discount == 0.5
    assert report.utilisation == 0.3
    assert set(report.cost_parts) == {"depreciation", "energy", "staff and upkeep", "space"}
    assert report.cost_per_gpu_hour == pytest.approx(sum(report.cost_parts.values()))


def test_without_a_list_price_the_reason_names_the_setting(catalog):
    design = loads_design(ONE_SERVER.replace("accelerator: h100-sxm", "accelerator: h800"),
                          catalog=catalog)
    error = evaluate(design, catalog).error(SELLER)
    assert "seller.list_usd_per_gpu_hour" in error
