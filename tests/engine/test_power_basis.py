"""Power on one basis: every server is its accelerators plus the same kind of host."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from engine.catalog import load_catalog
from engine.inventory import HOST_OVERHEAD, take_inventory
from engine.layout import loads_design

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user=False)


def test_every_accelerator_has_a_tdp_sourced_or_assumed_with_a_reason(catalog):
    for spec in catalog.accelerators.values():
        assert (spec.tdp_w or 0.0) > 0, spec.id
        if spec.tdp_assumed:
            assert len(spec.tdp_assumed.split()) >= 5, spec.id     # a reason, not a flag


def test_the_host_factor_is_the_median_of_the_published_whole_servers(catalog):
    ratios = [(s.server.power_w - s.server.accelerators * s.tdp_w)
              / (s.server.accelerators * s.tdp_w)
              for s in catalog.accelerators.values() if s.server.power_w]
    assert len(ratios) >= 5                    # DGX A100 x2, DGX H100, DGX H200, B200, GB200
    assert statistics.median(ratios) == pytest.approx(HOST_OVERHEAD, abs=0.005)


def test_an_h800_and_an_h100_design_of_the_same_fabric_have_the_same_host_overhead(catalog):
    text = (EXAMPLES / "h800-1024.yaml").read_text()
    h800 = take_inventory(loads_design(text, catalog=catalog), catalog)
    h100 = take_inventory(loads_design(text.replace("accelerator: h800",
                                                    "accelerator: h100-sxm"), catalog=catalog),
                          catalog)
    assert h800.power_parts_kw == pytest.approx(h100.power_parts_kw)
    # 1,024 cards at 700 W; 128 hosts at 0.82 x 8 x 700 W (a DGX H100's 10.2 kW less its cards
    # is 4.6 kW, 0.82 of them)
    assert h800.power_parts_kw["accelerators"] == pytest.approx(716.8)
    assert h800.power_parts_kw["server_overhead"] == pytest.approx(128 * 0.82 * 5.6)
    assert h800.power_assumed == ("h800",)
    assert h100.power_assumed == ()


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_counts_its_servers_hosts(catalog, path):
    inventory = take_inventory(loads_design(path.read_text(), catalog=catalog), catalog)
    assert inventory.power_parts_kw["server_overhead"] == pytest.approx(
        HOST_OVERHEAD * inventory.power_parts_kw["accelerators"]) or not inventory.servers
    assert not [p for p in inventory.power_unknown if catalog.accelerators.find(p)]
