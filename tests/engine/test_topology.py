"""Topology analysis on small designs whose figures can be checked by hand.

The small catalog: gpu-a has 400 GB/s of scale-up per accelerator in domains
of 8; servers of 8 with 8 NICs of 50 GB/s (efficiency 1, latency 2 us); the
switch has 64 ports of 400 Gb/s and 100 ns latency.
"""

from __future__ import annotations

import pytest

from engine.errors import InputError
from engine.layout import load_design, loads_design
from engine.topology import analyse
from tests.conftest import ROOT

HEAD = "format: cluster-workbench/1\nworkload: {model: tiny}\n"


def design(text: str, small_catalog):
    return loads_design(HEAD + text, catalog=small_catalog)


def test_single_server_is_one_scale_up_domain(small_catalog):
    d = design("nodes: [{id: s, kind: server, accelerator: gpu-a}]\n", small_catalog)
    island = analyse(d, small_catalog).island()
    assert island.accelerators == 8
    assert island.scale_up.domain == 8
    assert island.scale_up.GBps_per_accelerator == pytest.approx(400)
    assert island.levels == ()
    assert island.bisection_TBps == pytest.approx(8 / 2 * 400e9 / 1e12)


TWO_PODS = """groups: [{id: pod, replicas: 2}]
nodes:
  - {id: s, kind: server, accelerator: gpu-a, replicas: 16, group: pod}
  - {id: leaf, kind: switch, switch: sw, replicas: 8, group: pod}
  - {id: spine, kind: switch, switch: sw, replicas: 8}
links:
  - {id: rails, from: s, to: leaf, type: net, count: 8}
  - {id: up, from: leaf, to: spine, type: net, count: UP}
"""


def test_two_tier_rail_optimised_with_two_to_one_oversubscription(small_catalog):
    d = design(TWO_PODS.replace("UP", "8"), small_catalog)
    island = analyse(d, small_catalog).island()
    assert island.rail_optimised
    assert island.nics_per_server == 8
    assert island.scale_out_GBps_per_accelerator == pytest.approx(50)
    leaf, spine = island.levels
    assert (leaf.accelerators_per_domain, spine.accelerators_per_domain) == (128, 256)
    assert leaf.oversubscription == 1.0
    assert spine.oversubscription == pytest.approx(2.0)        # 16 down, 8 up per leaf
    assert spine.GBps_per_accelerator == pytest.approx(25)
    assert island.bisection_TBps == pytest.approx(256 / 2 * 25e9 / 1e12)
    assert [t.fanout for t in island.fabric.tiers] == [8, 16, 2]
    assert (leaf.links, spine.links) == (("rails",), ("up",))
    assert (leaf.tier, spine.tier) == (1, 2)
    assert island.scale_up.links == ()          # NVLink is inside the server box


def test_non_blocking_spine_keeps_full_bandwidth(small_catalog):
    island = analyse(design(TWO_PODS.replace("UP", "16"), small_catalog),
                     small_catalog).island()
    assert island.levels[-1].oversubscription == 1.0
    assert island.levels[-1].GBps_per_accelerator == pytest.approx(50)


def test_rack_switch_is_not_rail_optimised(small_catalog):
    d = design("""groups: [{id: rack, replicas: 4}]
nodes:
  - {id: s, kind: server, accelerator: gpu-a, replicas: 2, group: rack}
  - {id: tor, kind: switch, switch: sw, group: rack}
  - {id: spine, kind: switch, switch: sw, replicas: 16}
links:
  - {id: nics, from: s, to: tor, type: net, count: 8}
  - {id: up, from: tor, to: spine, type: net, count: 16}
""", small_catalog)
    island = analyse(d, small_catalog).island()
    assert not island.rail_optimised
    assert [lv.accelerators_per_domain for lv in island.levels] == [16, 64]


def test_three_d_torus(small_catalog):
    d = design("""nodes: [{id: t, kind: accelerator, accelerator: gpu-a, replicas: 64}]
links: [{id: ici, from: t, to: t, type: fast, pattern: torus, dims: [4, 4, 4]}]
""", small_catalog)
    island = analyse(d, small_catalog).island()
    assert island.scale_up.domain == 64
    assert island.scale_up.topology == "torus"
    assert island.scale_up.links == ("ici",)
    assert island.scale_up.GBps_per_accelerator == pytest.approx(6 * 100)
    # a cut across one dimension severs 16 rings twice: 32 links of 100 GB/s
    assert island.bisection_TBps == pytest.approx(32 * 100e9 / 1e12)


def test_mixed_accelerators_are_separate_islands(small_catalog):
    d = design("""nodes:
  - {id: a, kind: server, accelerator: gpu-a, replicas: 4}
  - {id: b, kind: server, accelerator: gpu-b, replicas: 4}
  - {id: sw, kind: switch, switch: sw, replicas: 2}
links:
  - {id: la, from: a, to: sw, type: net, count: 2}
  - {id: lb, from: b, to: sw, type: net, count: 2}
""", small_catalog)
    topology = analyse(d, small_catalog)
    assert {i.accelerator: i.accelerators for i in topology.islands} == {"gpu-a": 32,
                                                                         "gpu-b": 16}
    assert topology.island("gpu-b").scale_up.domain == 4
    path = next(p for p in topology.paths if {p.source, p.target} == {"a", "b"})
    assert path.hops == 2
    assert path.latency_us == pytest.approx(2 + 2 + 0.1)


def test_accelerators_that_cannot_reach_each_other_are_named(small_catalog):
    d = design("""nodes:
  - {id: a, kind: server, accelerator: gpu-a, name: left pod}
  - {id: b, kind: server, accelerator: gpu-a, name: right pod}
""", small_catalog)
    with pytest.raises(InputError, match="left pod and right pod share no path"):
        analyse(d, small_catalog)


def test_units_of_one_box_without_a_network_are_an_error(small_catalog):
    d = design("nodes: [{id: s, kind: server, accelerator: gpu-a, replicas: 4}]\n",
               small_catalog)
    with pytest.raises(InputError, match="joins at most 8 of the 32"):
        analyse(d, small_catalog)


def test_more_cables_than_ports_is_a_warning(small_catalog):
    d = design("""nodes:
  - {id: s, kind: server, accelerator: gpu-a, replicas: 80}
  - {id: sw, kind: switch, switch: sw}
links: [{id: l, from: s, to: sw, type: net, count: 1}]
""", small_catalog)
    assert any("80 cables per switch on 64 ports" in w
               for w in analyse(d, small_catalog).warnings)


def test_the_16k_example_follows_the_llama3_paper():
    """Racks of 16, pods of 2,048 at full bisection, 1:7 at the aggregation layer."""
    from engine.catalog import load_catalog
    catalog = load_catalog()
    d = load_design(str(ROOT / "examples" / "llama3-16k-h100-roce.yaml"))
    island = analyse(d, catalog).island()
    assert island.accelerators == 16384
    assert [lv.accelerators_per_domain for lv in island.levels] == [16, 2048, 16384]
    assert island.levels[1].oversubscription == 1.0
    assert island.levels[2].oversubscription == pytest.approx(128 / 18)
    assert not island.rail_optimised
