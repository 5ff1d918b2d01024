"""Counting what boxes stand for, without expanding them."""

from __future__ import annotations

import pytest

from engine.inventory import take_inventory
from engine.layout import loads_design
from engine.structure import physical_links, scope, units, units_in_scope

POD = """format: cluster-workbench/1
groups:
  - {id: su, replicas: 4}
nodes:
  - {id: dgx, kind: server, accelerator: gpu-a, replicas: 32, group: su}
  - {id: leaf, kind: switch, switch: sw, replicas: 8, group: su}
  - {id: spine, kind: switch, switch: sw, replicas: 16}
links:
  - {id: rails, from: dgx, to: leaf, type: net, count: 8}
  - {id: up, from: leaf, to: spine, type: net, count: 32}
workload: {model: tiny}
"""


def test_units_multiply_through_groups(small_catalog):
    design = loads_design(POD, catalog=small_catalog)
    assert units(design, design.node("dgx")) == 128
    assert units(design, design.node("spine")) == 16
    assert scope(design, design.links[0]) == "su"
    assert scope(design, design.links[1]) is None
    assert units_in_scope(design, design.node("dgx"), "su") == 32
    assert units_in_scope(design, design.node("leaf"), None) == 32


def test_physical_links_count_cables(small_catalog):
    design = loads_design(POD, catalog=small_catalog)
    assert physical_links(design, design.links[0]) == 128 * 8
    assert physical_links(design, design.links[1]) == 32 * 32


@pytest.mark.parametrize(("pattern", "dims", "expected"),
                         [("ring", "", 8), ("mesh", "", 28), ("torus", "dims: [2, 4]", 12)])
def test_self_link_patterns(small_catalog, pattern, dims, expected):
    text = f"""format: cluster-workbench/1
nodes: [{{id: g, kind: accelerator, accelerator: gpu-a, replicas: 8}}]
links: [{{id: x, from: g, to: g, type: fast, pattern: {pattern}, {dims}}}]
workload: {{model: tiny}}
"""
    design = loads_design(text, catalog=small_catalog)
    assert physical_links(design, design.links[0]) == expected


def test_inventory_totals_by_hand(small_catalog):
    design = loads_design(POD, catalog=small_catalog)
    inv = take_inventory(design, small_catalog)
    assert (inv.accelerators, inv.servers, inv.switches) == (1024, 128, 48)
    assert inv.accelerators_by_type == {"gpu-a": 1024}
    assert inv.links_by_type == {"net": 1024 + 1024}
    assert inv.peak_pflops == pytest.approx(1024 * 100e12 / 1e15)
    assert inv.memory_tb == pytest.approx(1024 * 80 * 2**30 / 1e12)   # "80GB" HBM is 80 GiB
    # 1024 x 500 W cards, their hosts at 0.82 x that, 48 x 1 kW switches
    assert inv.power_parts_kw == pytest.approx(
        {"accelerators": 512.0, "server_overhead": 0.82 * 512.0, "switches": 48.0})
    assert inv.power_kw == pytest.approx(512.0 * 1.82 + 48.0)


def test_overrides_change_what_is_counted(small_catalog):
    design = loads_design(POD.replace("group: su}", "group: su, overrides: "
                                      "{peak_tflops_bf16: 50, tdp_w: 250}}", 1),
                          catalog=small_catalog)
    inv = take_inventory(design, small_catalog)
    assert inv.peak_pflops == pytest.approx(1024 * 50e12 / 1e15)
    assert inv.power_parts_kw["accelerators"] == pytest.approx(256.0)


def test_unknown_power_is_listed_not_guessed(small_catalog):
    text = POD.replace("accelerator: gpu-a", "accelerator: gpu-b")
    inv = take_inventory(loads_design(text, catalog=small_catalog), small_catalog)
    assert inv.power_unknown == ("gpu-b",)
    assert inv.power_parts_kw["accelerators"] == 0.0
