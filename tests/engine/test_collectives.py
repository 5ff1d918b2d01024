"""The collective model: closed forms by hand, monotone properties, crossover, bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.collectives import (
    BASE_LATENCY_US,
    FILL_BYTES,
    HW_LATENCY_US,
    bus_factor,
    collective,
    point_to_point,
)
from engine.errors import InputError
from engine.fabric import Fabric, Tier, fabric_from_hardware

GB = 1e9
SIMPLE = 2


def one_tier(n: int, bandwidth: float = 100 * GB, kind: str = "switch") -> Fabric:
    """n accelerators on one NVLink-like switch of ``bandwidth`` per accelerator."""
    return Fabric("test", (Tier("scale-up", n, bandwidth, 1e-6, "nvlink4", kind,
                                line_Bps=bandwidth, links_per_accelerator=18),))


def two_tier(per_node: int, nodes: int, nic: float = 50 * GB, up: float = 400 * GB) -> Fabric:
    return Fabric("test", (Tier("scale-up", per_node, up, 1e-6, "nvlink4",
                                line_Bps=up, links_per_accelerator=18),
                           Tier("network", nodes, nic, 2e-6, "ib-ndr", "network",
                                line_Bps=nic)))


@pytest.mark.parametrize("n", [2, 4, 8])
def test_ring_all_reduce_closed_form(n):
    """t = base + 2(n-1) alpha + 2(n-1)/n (S + n_half) / B, NCCL's Simple constants."""
    bandwidth = 100 * GB
    S = np.array([2.0**20, 2.0**30])
    result = collective(one_tier(n, bandwidth), "all_reduce", S, algorithm="ring/Simple")
    alpha = HW_LATENCY_US["nvlink"]["ring"][SIMPLE] * 1e-6
    base = BASE_LATENCY_US["ring"][SIMPLE] * 1e-6
    expected = base + 2 * (n - 1) * alpha + \
        (2 * (n - 1) / n * S + FILL_BYTES["Simple"]) / bandwidth
    np.testing.assert_allclose(result.time_s, expected, rtol=1e-12)


def test_ring_busbw_reaches_link_bandwidth_at_large_sizes():
    result = collective(one_tier(8, 100 * GB), "all_reduce", 2.0**40, algorithm="ring/Simple")
    assert result.busbw_GBps[0] == pytest.approx(100, rel=1e-3)


def test_busbw_definitions_follow_nccl_tests():
    assert bus_factor("all_reduce", 8) == pytest.approx(1.75)
    assert bus_factor("all_gather", 8) == pytest.approx(0.875)
    assert bus_factor("all_to_all", 4) == pytest.approx(0.75)
    assert bus_factor("broadcast", 8) == 1.0
    result = collective(one_tier(8), "all_gather", 2.0**30)
    assert result.busbw_GBps[0] == pytest.approx(result.algbw_GBps[0] * 7 / 8)


def test_across_servers_the_nics_of_a_server_add_up():
    """A ring leaves each server once per channel: busbw = NICs x NIC bandwidth."""
    fabric = two_tier(8, 4, nic=25 * GB)
    result = collective(fabric, "all_reduce", 2.0**36, algorithm="ring/Simple")
    assert result.busbw_GBps[0] == pytest.approx(8 * 25, rel=0.01)
    one_rank_per_server = collective(fabric, "all_reduce", 2.0**36, ranks=4, stride=8,
                                     algorithm="ring/Simple")
    assert one_rank_per_server.busbw_GBps[0] == pytest.approx(25, rel=0.01)
    assert "network" in one_rank_per_server.bottleneck[0]


def test_tree_wins_small_messages_across_servers_and_ring_wins_large():
    catalog_fabric = two_tier(8, 32, nic=23.5 * GB, up=234 * GB)
    sizes = np.array([2.0**15, 2.0**34])
    result = collective(catalog_fabric, "all_reduce", sizes)
    assert result.algorithm[0].startswith("tree")
    assert result.algorithm[1].startswith("ring")


@settings(max_examples=80, deadline=None)
@given(per_node=st.sampled_from([1, 2, 4, 8]), nodes=st.integers(1, 64),
       nic=st.floats(1, 100), faster=st.floats(1.0, 4.0),
       size=st.floats(1, 2**34), op=st.sampled_from(["all_reduce", "all_gather",
                                                      "reduce_scatter", "all_to_all",
                                                      "broadcast"]))
def test_more_bandwidth_never_slows_and_doubling_never_more_than_doubles(
        per_node, nodes, nic, faster, size, op):
    slow = two_tier(per_node, nodes, nic=nic * GB, up=300 * GB)
    fast = two_tier(per_node, nodes, nic=nic * faster * GB, up=300 * GB * faster)
    if slow.ranks < 2:
        return
    t_slow = collective(slow, op, size).time_s[0]
    assert collective(fast, op, size).time_s[0] <= t_slow * (1 + 1e-12)
    assert collective(slow, op, 2 * size).time_s[0] <= 2 * t_slow * (1 + 1e-12)


def test_fewer_hops_never_slow_a_collective():
    flat = two_tier(8, 16)
    deeper = Fabric("test", (*flat.tiers[:1], Tier("leaf", 4, 50 * GB, 2e-6, "ib-ndr",
                                                   "network"),
                             Tier("spine", 4, 50 * GB, 4e-6, "ib-ndr", "network")))
    sizes = np.logspace(3, 10, 8)
    for op in ("all_reduce", "all_gather", "all_to_all"):
        assert np.all(collective(flat, op, sizes).time_s <=
                      collective(deeper, op, sizes).time_s * (1 + 1e-12)), op


def test_nvls_needs_in_switch_reduction():
    plain = one_tier(8)
    sharp = Fabric("test", (Tier("scale-up", 8, 396 * GB, 1e-6, "nvlink4",
                                 in_network_reduction=True, line_Bps=450 * GB,
                                 links_per_accelerator=18),))
    assert collective(sharp, "all_reduce", 2.0**33).algorithm[0] == "nvls/Simple"
    with pytest.raises(InputError, match="nvls is not available"):
        collective(plain, "all_reduce", 2.0**33, algorithm="nvls")


def test_torus_all_reduce_uses_every_dimension():
    """TPU v4 pod: 4096 chips, 6 ICI links of 50 GB/s; Google quotes 1.1 PB/s all-reduce."""
    line = 6 * 50 * GB
    torus = Fabric("tpu", (Tier("ICI torus", 4096, line * 0.9, 1e-6, "ici-v4", "torus",
                                line_Bps=line, dims=(16, 16, 16), links_per_accelerator=6),))
    result = collective(torus, "all_reduce", 2.0**34)
    assert result.algorithm[0] == "torus/Simple"
    assert 4096 * result.busbw_GBps[0] / 1e6 == pytest.approx(1.1, rel=0.15)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"op": "all_mix"}, "op: must be one of"),
    ({"nbytes": -1.0}, "message sizes must be positive"),
    ({"ranks": 99}, "needs 99 accelerators; this design has 8"),
    ({"algorithm": "magic"}, "algorithm: must be one of"),
])
def test_bad_requests_are_clear_errors(kwargs, message):
    args = {"op": "all_reduce", "nbytes": 2.0**20} | kwargs
    with pytest.raises(InputError, match=message):
        collective(one_tier(8), args.pop("op"), args.pop("nbytes"), **args)


def test_zero_bandwidth_is_refused():
    with pytest.raises(InputError, match="has no bandwidth"):
        collective(one_tier(8, 0.0), "all_reduce", 2.0**20)


def test_flags_fabric_refuses_nonsense(small_catalog):
    with pytest.raises(InputError, match="--nic-gbps: must be > 0"):
        fabric_from_hardware(small_catalog, "gpu-a", 16, nic_gbps=-5)
    with pytest.raises(InputError, match="--nic-gbps: must be > 0, got nan"):
        fabric_from_hardware(small_catalog, "gpu-a", 16, nic_gbps=float("nan"))
    with pytest.raises(InputError, match="not a whole number of 8-GPU servers"):
        fabric_from_hardware(small_catalog, "gpu-a", 12)


def test_a_curve_of_64_sizes_is_one_call(small_catalog):
    fabric = fabric_from_hardware(small_catalog, "gpu-a", 64)
    sizes = np.logspace(1, 10, 64)
    result = collective(fabric, "all_reduce", sizes)
    assert result.time_s.shape == (64,)
    assert np.all(np.diff(result.time_s) > 0)


def test_point_to_point_pays_the_tier_the_pair_meets_at():
    fabric = two_tier(8, 4, nic=50 * GB, up=400 * GB)
    inside = point_to_point(fabric, 2.0**30, 1)
    across = point_to_point(fabric, 2.0**30, 8)
    assert inside == pytest.approx(2.0**30 / (400 * GB), rel=0.01)
    assert across == pytest.approx(2.0**30 / (50 * GB), rel=0.01)
    with pytest.raises(InputError, match="distance: must be 1 to 31"):
        point_to_point(fabric, 1.0, 32)


def test_tier_load_is_one_at_the_bottleneck_of_a_bandwidth_bound_ring():
    """8 x 25 GB/s NICs per server carry a ring of 8-GPU servers: the network tier is the
    bottleneck at large sizes (its load tends to 1), NVLink carries the same bytes at
    400 GB/s per GPU (25/400 of its time busy per NIC, times 8 NICs per server)."""
    fabric = two_tier(8, 4, nic=25 * GB)
    result = collective(fabric, "all_reduce", [2.0**10, 2.0**40], algorithm="ring/Simple")
    nvlink, network = result.tier_load()
    assert network[1] == pytest.approx(1.0, rel=1e-3)
    assert nvlink[1] == pytest.approx(8 * 25 / 400, rel=1e-3)
    assert network[0] < 0.01                        # a 1 KiB message is all latency


def test_a_group_inside_one_server_leaves_the_network_idle():
    result = collective(two_tier(8, 4), "all_gather", 2.0**30, ranks=8)
    assert result.tier_load()[1, 0] == 0.0
    assert result.tier_load()[0, 0] > 0.9


def test_all_to_all_loads_the_oversubscribed_tier_fully():
    """Half the bandwidth per GPU above the leaves: the upper tier is the bottleneck."""
    fabric = Fabric("test", (Tier("scale-up", 8, 400 * GB, 1e-6, "nvlink4", line_Bps=400 * GB,
                                  links_per_accelerator=18),
                             Tier("leaf", 4, 50 * GB, 2e-6, "ib-ndr", "network"),
                             Tier("spine", 4, 25 * GB, 4e-6, "ib-ndr", "network")))
    loads = collective(fabric, "all_to_all", 2.0**34).tier_load()[:, 0]
    assert loads[2] == pytest.approx(1.0, rel=1e-3)
    assert 0 < loads[1] < loads[2]
    assert loads[0] < loads[1]


def test_one_rank_moves_nothing():
    result = collective(two_tier(8, 4), "all_reduce", 2.0**20, ranks=1)
    assert not result.tier_load().any()


@pytest.mark.parametrize("accelerator", ["mi300x", "ascend-910b"])
def test_two_accelerators_of_a_full_mesh_share_one_link(accelerator):
    """xGMI and HCCS join 8 accelerators pairwise: 2 of them have 1 of the 7 links."""
    catalog = load_catalog()
    spec = catalog.accelerator(accelerator)
    link = catalog.link(spec.scale_up.link)
    fabric = fabric_from_hardware(catalog, accelerator, 8)
    pair = collective(fabric, "all_reduce", 2**30, 2, algorithm="ring/Simple")
    whole = collective(fabric, "all_reduce", 2**30, 8, algorithm="ring/Simple")
    one_link = link.bandwidth_Bps * link.efficiency / 1e9
    assert pair.busbw_GBps[0] == pytest.approx(one_link, rel=0.06)
    assert "1 of 7 mesh links" in pair.bottleneck[0]
    assert whole.busbw_GBps[0] == pytest.approx(7 * one_link, rel=0.06)
    assert "mesh links" not in whole.bottleneck[0]
    two_apart = point_to_point(fabric, 2**30, 1)
    assert float(two_apart) == pytest.approx(2**30 / (one_link * 1e9), rel=0.01)
