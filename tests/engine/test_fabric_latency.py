"""Small messages across servers on EFA and RoCE: each fabric's own network-step latency.

NCCL's network constants are InfiniBand's. EFA's steps cost what AWS's own NCCL tuner says
(aws-ofi-nccl), RoCE's add an Ethernet switch hop; the held-out published runs in
``tests/data/calibration/fabric_latency_runs.yaml`` check the result, they set nothing.
"""

from __future__ import annotations

import pytest
import yaml

from engine.catalog import load_catalog
from engine.catalog.loader import build_catalog
from engine.collectives import collective
from engine.errors import CatalogError
from engine.fabric import fabric_from_hardware
from engine.network import collective_trust
from tests.conftest import DATA

HELD_OUT = DATA / "calibration" / "fabric_latency_runs.yaml"
TOLERANCE = 0.20      # small-message time within 20% of each held-out measurement
US = 1e-6


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(user=False)


def _two_servers(catalog, nic_link):
    return fabric_from_hardware(catalog, "h100-sxm", 16, nic_link=nic_link)


def _held_out():
    runs = yaml.safe_load(HELD_OUT.read_text())["runs"]
    return [(run, m) for run in runs for m in run["measurements"]]


@pytest.mark.parametrize(("run", "measured"), _held_out(),
                         ids=[f"{r['id']}-{m['message_bytes']}B" for r, m in _held_out()])
def test_held_out_small_messages_are_within_tolerance(catalog, run, measured):
    fabric = fabric_from_hardware(catalog, **run["system"])
    result = collective(fabric, run["collective"], measured["message_bytes"])
    error = result.time_s[0] / (measured["time_us"] * US) - 1
    assert abs(error) <= TOLERANCE, f"{run['id']}: {error:+.0%}"


def test_efa_two_server_8_byte_all_reduce_is_slower_than_infiniband_by_the_published_steps(
        catalog):
    ib = collective(_two_servers(catalog, "ib-ndr"), "all_reduce", 8)
    efa = collective(_two_servers(catalog, "efa-100g"), "all_reduce", 8)
    assert str(ib.algorithm[0]) == str(efa.algorithm[0]) == "tree/LL"
    # Two network steps (up and down the tree), each 20 us on EFA (aws-ofi-nccl tuner, P5)
    # against NCCL's 5.0 us InfiniBand tree/LL constant (tuning.cc hwLat NET).
    difference = efa.time_s[0] - ib.time_s[0]
    assert difference == pytest.approx(2 * (20.0 - 5.0) * US, rel=1e-6)
    assert efa.time_s[0] > 2 * ib.time_s[0]


def test_roce_adds_only_its_ethernet_switch_hop_per_network_step(catalog):
    ib = collective(_two_servers(catalog, "ib-ndr"), "all_reduce", 8)
    roce = collective(_two_servers(catalog, "roce-400g"), "all_reduce", 8)
    assert roce.time_s[0] - ib.time_s[0] == pytest.approx(2 * 0.35 * US, rel=1e-6)


def test_at_the_same_line_rate_a_large_message_takes_as_long_on_efa_as_on_infiniband(catalog):
    ib = fabric_from_hardware(catalog, "h100-sxm", 16)
    efa = fabric_from_hardware(catalog, "h100-sxm", 16, nic_gbps=400, nic_link="efa-100g")
    ib_time, efa_time = (collective(f, "all_reduce", 2**30).time_s[0] for f in (ib, efa))
    assert efa_time > ib_time
    assert efa_time == pytest.approx(ib_time, rel=0.01)   # the latency terms are microseconds


@pytest.mark.parametrize(("nic_link", "basis"), [
    ("efa-100g", "aws-ofi-nccl"), ("roce-400g", "Ethernet switch hop"),
    ("ib-ndr", "NCCL's InfiniBand per-step network constants")])
def test_fidelity_of_a_collective_across_servers_names_its_latency_basis(catalog, nic_link,
                                                                        basis):
    fabric = _two_servers(catalog, nic_link)
    result = collective(fabric, "all_reduce", 8)
    trust = collective_trust(fabric, catalog.accelerator("h100-sxm"), result)
    for band in trust.bands.values():
        assert basis in band.reason.partition("latency across servers: ")[2]
    busbw = trust.bands["busbw_GBps"]
    assert busbw.contains(float(result.busbw_GBps[0]))
    assert trust.bands["time_s"].contains(float(result.time_s[0]))


def test_a_collective_inside_one_server_says_nothing_about_the_network(catalog):
    fabric = _two_servers(catalog, "efa-100g")
    result = collective(fabric, "all_reduce", 8, ranks=8)
    trust = collective_trust(fabric, catalog.accelerator("h100-sxm"), result)
    assert all("latency across servers" not in b.reason for b in trust.bands.values())


def test_step_latency_needs_all_protocols_and_a_basis(tmp_path):
    bad = tmp_path / "links.yaml"
    bad.write_text("""catalog_version: 1
links:
  - id: my-fabric
    name: My fabric
    kind: efa
    GBps_per_dir: 50
    efficiency: 0.9
    latency_us: 1
    scale_up: false
    source: x
    step_latency_us: {LL: 10, Simple: 12}
""")
    with pytest.raises(CatalogError) as info:
        build_catalog([bad])
    text = str(info.value)
    assert "links[0].step_latency_us.LL128: is required" in text
    assert "links[0].latency_basis: is required" in text
