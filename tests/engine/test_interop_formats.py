"""InfraGraph round trips, ASTRA-sim inputs, and damaged files of every format."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.design import Design, Link, Node
from engine.errors import InteropError
from engine.interop.astra_sim import design_to_astra
from engine.interop.infragraph import (
    design_to_infragraph,
    infragraph_to_design,
    validate_infragraph,
)
from engine.interop.nccl_tests import parse_nccl_tests
from engine.interop.nccl_topology import server_topology
from engine.interop.xmltree import parse_xml
from engine.layout import load_design
from engine.scenarios import scenarios_of
from engine.structure import physical_links, total_accelerators, units
from tests.conftest import EXAMPLES
from tests.engine.test_interop_nccl import dump_xml, published_a100_log

# ASTRA-sim examples/network/analytical/HGX-H100-validated.yml and
# examples/system/native_collectives/HGX-H100-validated.json (astra-sim/astra-sim at
# 518bd513ae110428cd62eb60efc0f3993fd53c70): the keys, and the values of an 8 x H100 server.
ASTRA_NETWORK_KEYS = ["topology", "npus_count", "bandwidth", "latency"]
ASTRA_SYSTEM_KEYS = {"scheduling-policy", "endpoint-delay", "active-chunks-per-dimension",
                     "preferred-dataset-splits", "all-reduce-implementation",
                     "all-gather-implementation", "reduce-scatter-implementation",
                     "all-to-all-implementation", "collective-optimization", "local-mem-bw",
                     "boost-mode"}
HGX_H100 = {"topology": ["Switch"], "npus_count": [8], "bandwidth": [400.0],
            "latency": [936.25], "local-mem-bw": 3350}


def _summary(design: Design):
    nodes = sorted((n.id, n.kind, n.hardware, n.accelerators, units(design, n))
                   for n in design.nodes)
    links = sorted((lk.id, lk.source, lk.target, lk.type, lk.pattern, lk.dims,
                    physical_links(design, lk)) for lk in design.links)
    return nodes, links


def _designs():
    for path in EXAMPLES:
        for design in scenarios_of(load_design(path)):
            yield pytest.param(design, id=f"{path.stem}:{design.name[:24]}")


@pytest.mark.parametrize("design", list(_designs()))
def test_infragraph_round_trip_keeps_every_count_link_and_bandwidth(design):
    catalog = load_catalog()
    data = design_to_infragraph(design, catalog)
    back = infragraph_to_design(copy.deepcopy(data), "roundtrip.yaml", catalog)
    assert _summary(back) == _summary(design)
    assert total_accelerators(back) == total_accelerators(design)
    for link in data["links"]:
        spec = catalog.link(link["description"].split(",")[0])
        assert link["physical"]["bandwidth"]["gigabits_per_second"] == \
            pytest.approx(spec.bandwidth_Bps * 8 / 1e9)


def test_the_package_expands_a_small_export_into_the_same_hardware():
    from infragraph import Infrastructure
    from infragraph.infragraph_service import InfraGraphService

    design = Design(nodes=(Node("srv", "server", "h100-sxm", accelerators=8, replicas=4),
                           Node("leaf", "switch", "qm9700", replicas=2)),
                    links=(Link("rails", "srv", "leaf", "ib-ndr", 8),))
    data = design_to_infragraph(design)
    assert validate_infragraph(data, "small", expand=True)
    service = InfraGraphService()
    service.set_graph(Infrastructure().deserialize(data))
    graph = service.get_networkx_graph()
    types = [attrs["type"] for _, attrs in graph.nodes(data=True)]
    assert types.count("xpu") == 32
    assert types.count("nic") == 32
    cables = [(a, b) for a, b, attrs in graph.edges(data=True) if attrs["link"] == "rails"]
    assert len(cables) == 32
    assert all(attrs["bandwidth"] == "400.0 Gbps"
               for _, _, attrs in graph.edges(data=True) if attrs["link"] == "rails")
    # each server reaches each leaf with 4 of its 8 NICs
    reached = {(a.split(".")[1], b.split(".")[1]) for a, b in cables}
    assert len(reached) == 8


def test_a_foreign_infragraph_is_matched_by_bandwidth():
    data = design_to_infragraph(Design(
        nodes=(Node("srv", "server", "a100-80gb", accelerators=8, replicas=2),
               Node("tor", "switch", "qm8700")),
        links=(Link("up", "srv", "tor", "ib-hdr", 8),)))
    for link in data["links"]:
        link["description"] = "a link"
    for device in data["devices"]:
        for component in device["components"]:
            if component["choice"] == "switch" and device["name"] == "tor":
                component["description"] = "some switch"
    design = infragraph_to_design(data, "foreign.yaml", load_catalog())
    assert [(lk.type, lk.count) for lk in design.links] == [("ib-hdr", 8)]
    assert design.node("tor").kind == "switch"


@pytest.mark.parametrize(("damage", "says"), [
    (lambda d: d["instances"][0].update(count=10**12), "instances[0].count"),
    (lambda d: d["instances"][0].update(device="nope"), "InfraGraph validation"),
    (lambda d: d.pop("devices"), "not an InfraGraph"),
    (lambda d: d["edges"][0]["ep1"].update(component="gpu[0]"), "edges[0]"),
])
def test_bad_infragraphs_give_one_line(damage, says):
    data = design_to_infragraph(Design(
        nodes=(Node("srv", "server", "h100-sxm", accelerators=8, replicas=2),
               Node("leaf", "switch", "qm9700")),
        links=(Link("up", "srv", "leaf", "ib-ndr", 8),)))
    damage(data)
    with pytest.raises(InteropError) as caught:
        infragraph_to_design(data, "bad.yaml", load_catalog())
    lines = caught.value.lines()
    assert len(lines) == 1
    assert lines[0].startswith("bad.yaml")
    assert says in lines[0]


def test_an_imported_design_is_held_to_the_rule_set():
    data = design_to_infragraph(Design(
        nodes=(Node("srv", "server", "h100-sxm", accelerators=8, replicas=2),
               Node("leaf", "switch", "qm9700", accelerators=0)),
        links=(Link("up", "srv", "leaf", "ib-ndr", 8),)))
    data["links"][0]["description"] = "nvlink4"         # a link type the switch cannot take
    with pytest.raises(InteropError) as caught:
        infragraph_to_design(data, "bad.yaml", load_catalog())
    assert caught.value.lines() == [
        "bad.yaml: links[0].type: the imported design breaks a rule: nvlink4 (nvlink) cannot "
        "connect to 'leaf', which takes infiniband"]
    assert caught.value.problems[0].code == "incompatible"


def test_astra_sim_inputs_carry_the_published_keys_and_units():
    design = Design(nodes=(Node("hgx", "server", "h100-sxm", accelerators=8),))
    network, system = design_to_astra(design)
    assert list(network) == ASTRA_NETWORK_KEYS
    assert set(system) >= ASTRA_SYSTEM_KEYS
    assert network["topology"] == HGX_H100["topology"]
    assert network["npus_count"] == HGX_H100["npus_count"]
    assert network["bandwidth"][0] == pytest.approx(HGX_H100["bandwidth"][0], rel=0.02)
    assert network["latency"][0] == pytest.approx(HGX_H100["latency"][0], rel=0.02)
    assert system["local-mem-bw"] == HGX_H100["local-mem-bw"]


def test_astra_sim_dimensions_follow_the_fabric():
    network, system = design_to_astra(load_design(EXAMPLES[[p.stem for p in EXAMPLES]
                                                           .index("tpu-v4-pod")]))
    assert network["topology"] == ["Ring"] * 3
    assert network["npus_count"] == [16, 16, 16]
    superpod = load_design(next(p for p in EXAMPLES if p.stem == "dgx-h100-superpod"))
    network, system = design_to_astra(superpod)
    assert network["npus_count"][0] == 8
    assert network["topology"][1:] == ["Switch"] * (len(network["topology"]) - 1)
    assert len(system["all-reduce-implementation"]) == len(network["topology"])
    assert yaml.safe_load(yaml.safe_dump(network)) == network


def _damaged(text: str, data: st.DataObject) -> str:
    raw = text.encode()
    cut = data.draw(st.integers(0, len(raw)))
    edits = data.draw(st.lists(st.tuples(st.integers(0, max(0, cut - 1)),
                                         st.integers(0, 255)), max_size=6))
    out = bytearray(raw[:cut] if data.draw(st.booleans()) else raw)
    for where, byte in edits:
        if where < len(out):
            out[where] = byte
    return out.decode("utf-8", "replace")


SMALL_INFRAGRAPH = yaml.safe_dump(design_to_infragraph(Design(
    nodes=(Node("srv", "server", "h100-sxm", accelerators=2, replicas=2),
           Node("leaf", "switch", "qm9700")),
    links=(Link("up", "srv", "leaf", "ib-ndr", 2),))))


@given(st.data())
def test_damaged_inputs_never_raise_anything_but_a_one_line_error(data):
    catalog = load_catalog()
    xml = _damaged(dump_xml(gpus=2), data)
    log = _damaged(published_a100_log(), data)
    graph = _damaged(SMALL_INFRAGRAPH, data)
    readers = (
        lambda: server_topology(parse_xml(xml.encode(), "t.xml"), "t.xml", catalog),
        lambda: parse_nccl_tests(log, "r.log"),
        lambda: infragraph_to_design(yaml.safe_load(graph), "g.yaml", catalog),
    )
    for read in readers:
        assert len(_outcome(read)) <= 1


def _outcome(read) -> list[str]:
    """The error lines ``read`` gives: none if it succeeds; a YAML error is the YAML
    parser's (read_infragraph turns it into one line); anything else propagates."""
    try:
        read()
    except InteropError as exc:
        return exc.lines()
    except yaml.YAMLError:
        return ["yaml"]
    return []
