"""Layout files round-trip: load(save(d)) == d, for the examples and generated designs."""

from __future__ import annotations

import stat

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.design import CostSettings, Design, Group, Link, Node, Parallelism, Workload
from engine.errors import LayoutError
from engine.hardware import compatible_links
from engine.inventory import INVENTORY
from engine.layout import dumps_design, load_design, loads_design, save_design
from tests.conftest import EXAMPLES

SERVERS = ("h100-sxm", "a100-80gb", "h800", "ascend-910b", "mi300x")
SWITCHES = ("qm9700", "qm8700", "sn5600")
MODELS = ("llama3-70b", "gpt3-175b", "mixtral-8x7b")


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_loads_and_round_trips(path, tmp_path):
    design = load_design(str(path))
    assert design.nodes, "an example holds a design"
    assert design.description, "an example says what it follows"
    assert design.source, "an example says where that is published"
    copy = tmp_path / path.name
    save_design(design, copy)
    assert load_design(str(copy)) == design


def test_there_are_at_least_six_examples():
    assert len(EXAMPLES) >= 6


names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
coordinates = st.floats(-1e6, 1e6, allow_nan=False)
optional_int = st.one_of(st.none(), st.integers(1, 64))


@st.composite
def designs(draw: st.DrawFn) -> Design:
    catalog = load_catalog(user=False)
    groups = [Group(f"g{i}", draw(names), draw(st.integers(1, 8)), None, draw(st.booleans()))
              for i in range(draw(st.integers(0, 2)))]
    group_ids = st.one_of(st.none(), st.sampled_from([g.id for g in groups])) if groups \
        else st.none()
    servers = [Node(f"s{i}", "server", hw, draw(names), draw(st.integers(1, 4096)),
                    draw(st.integers(1, 16)), (draw(coordinates), draw(coordinates)),
                    draw(group_ids))
               for i, hw in enumerate(draw(st.lists(st.sampled_from(SERVERS), min_size=1,
                                                    max_size=4)))]
    switches = [Node(f"w{i}", "switch", hw, "", draw(st.integers(1, 512)), 0,
                     (draw(coordinates), draw(coordinates)), draw(group_ids),
                     tuple(sorted(draw(st.dictionaries(st.sampled_from(("ports", "power_w")),
                                                       st.floats(1, 1e4), max_size=2)).items())))
                for i, hw in enumerate(draw(st.lists(st.sampled_from(SWITCHES), max_size=3)))]
    links = []
    for i, server in enumerate(servers):
        for switch in switches:
            if draw(st.booleans()):
                choices = compatible_links(catalog, server, switch)
                if choices:
                    links.append(Link(f"l{i}{switch.id}", server.id, switch.id, choices[0].id,
                                      draw(st.integers(1, 16))))
    parallelism = Parallelism(tp=draw(optional_int), pp=draw(optional_int),
                              zero=draw(st.one_of(st.none(), st.integers(0, 3))),
                              recompute=draw(st.sampled_from((None, "none", "selective",
                                                              "full"))),
                              sequence_parallel=draw(st.one_of(st.none(), st.booleans())))
    workload = Workload(draw(st.sampled_from(MODELS)), draw(st.floats(1, 1e15)),
                        draw(st.integers(1, 10**5)), draw(optional_int),
                        draw(st.sampled_from(("bf16", "fp16", "fp8"))), parallelism)
    cost = CostSettings(draw(st.sampled_from(("USD", "CNY"))), draw(st.floats(0.01, 100)),
                        draw(st.floats(0.01, 1.0)))
    base = Design(draw(names), draw(names), draw(names), tuple(servers + switches),
                  tuple(links), tuple(groups), workload, cost)
    scenarios = tuple(Design(name=f"variant {i}", nodes=base.nodes, links=base.links,
                             groups=base.groups, workload=workload)
                      for i in range(draw(st.integers(0, 2))))
    return Design(base.name, base.description, base.source, base.nodes, base.links,
                  base.groups, base.workload, base.cost, base.reliability, scenarios)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(designs())
def test_generated_designs_round_trip(design):
    assert loads_design(dumps_design(design)) == design


def test_save_is_atomic_and_keeps_permissions(tmp_path):
    design = loads_design("format: cluster-workbench/1\nnodes: []\n")
    path = tmp_path / "d.yaml"
    path.write_text("old")
    path.chmod(0o640)
    save_design(design, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["d.yaml"]
    assert load_design(str(path)) == design


CUSTOM = """format: cluster-workbench/1
nodes:
  - {id: n, kind: server, accelerator: my npu, replicas: 2}
  - {id: sw, kind: switch, switch: qm9700}
links:
  - {id: l, from: n, to: sw, type: ib-ndr, count: 8}
workload: {model: my-model}
catalog:
  accelerators:
    - id: my-npu
      name: My NPU
      vendor: Us
      peak_tflops: {bf16: 500}
      memory_gb: 64
      memory_tbps: 2
      scale_up: {link: hccs, GBps_per_dir: 100, domain: 8}
      tdp_w: 350
      server: {name: My box, accelerators: 8, nics: 8, nic_link: ib-ndr}
      source: vendor datasheet
  models:
    - {id: my-model, name: My model, layers: 4, hidden: 256, heads: 4, seq_len: 512,
       vocab: 1000, source: ours}
"""


def test_a_layout_can_bring_its_own_catalog_entries():
    design = loads_design(CUSTOM)
    assert design.nodes[0].hardware == "my-npu"
    assert design.nodes[0].accelerators == 8
    assert design.workload.model == "my-model"
    assert loads_design(dumps_design(design)) == design


def test_errors_in_a_layouts_catalog_section_are_located():
    bad = CUSTOM.replace("memory_gb: 64", "memory_gb: -64")
    with pytest.raises(LayoutError) as info:
        loads_design(bad, "mine.yaml")
    assert info.value.lines()[0].startswith(
        "mine.yaml:14: catalog.accelerators[0].memory_gb: must be a number > 0")


def test_evaluate_uses_the_layouts_own_catalog():
    from engine.evaluate import evaluate
    result = evaluate(loads_design(CUSTOM))
    assert result.require(INVENTORY).peak_pflops == pytest.approx(16 * 500e12 / 1e15)
