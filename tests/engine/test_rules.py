"""The design's rules: each one broken in code is one problem at its file key path, with the
code that says what sort; read from a file, the same problem carries its line."""

from __future__ import annotations

import dataclasses

import pytest

from benchmarks.big_design import grouped_design, moved_box
from engine.catalog import load_catalog
from engine.design import CostSettings, Design, Group, Link, Node, Parallelism, Workload
from engine.errors import InputError, LayoutError
from engine.layout import dumps_design, loads_design
from engine.rules import (
    CATALOG,
    DUPLICATE,
    INCOMPATIBLE,
    REFERENCE,
    VALUE,
    checked,
    edit_problems,
    problems,
    settings_problems,
)

GOOD = Design(
    name="good",
    groups=(Group("pod", "Pod", 2),),
    nodes=(Node("dgx", "server", "h100-sxm", replicas=4, accelerators=8, group="pod"),
           Node("leaf", "switch", "qm9700", replicas=2, accelerators=0, group="pod"),
           Node("tpu", "accelerator", "tpu-v4", replicas=64),
           Node("spare", "accelerator", "h100-sxm")),
    links=(Link("l1", "dgx", "leaf", "ib-ndr", 8),
           Link("ici", "tpu", "tpu", "ici-v4", 6, "torus", (4, 4, 4))))


def node(i: str, **changes) -> Design:
    nodes = tuple(dataclasses.replace(n, **changes) if n.id == i else n for n in GOOD.nodes)
    return dataclasses.replace(GOOD, nodes=nodes)


def link(i: str, **changes) -> Design:
    links = tuple(dataclasses.replace(lk, **changes) if lk.id == i else lk for lk in GOOD.links)
    return dataclasses.replace(GOOD, links=links)


def group(**changes) -> Design:
    return dataclasses.replace(GOOD, groups=(dataclasses.replace(GOOD.groups[0], **changes),))


# (case, design, path, code, message fragment)
BROKEN = [
    ("empty id", node("spare", id=" "), "nodes[3].id", VALUE, "must not be empty"),
    ("duplicate node id", node("spare", id="dgx"), "nodes[3].id", DUPLICATE, "duplicate id"),
    ("duplicate link id", link("ici", id="l1"), "links[1].id", DUPLICATE, "duplicate id"),
    ("duplicate group id", dataclasses.replace(GOOD, groups=(*GOOD.groups, Group("pod"))),
     "groups[1].id", DUPLICATE, "duplicate id 'pod'"),
    ("group replicas", group(replicas=0), "groups[0].replicas", VALUE,
     "must be a whole number >= 1, got 0"),
    ("unknown parent", group(parent="hall"), "groups[0].parent", REFERENCE,
     "no group has id 'hall'"),
    ("group in itself", group(parent="pod"), "groups[0].parent", VALUE, "contains itself"),
    ("node kind", node("tpu", kind="gpu"), "nodes[2].kind", VALUE,
     "must be one of server, accelerator, switch, got 'gpu'"),
    ("unknown accelerator", node("dgx", hardware="h900"), "nodes[0].accelerator", CATALOG,
     "unknown accelerator 'h900'"),
    ("unknown switch", node("leaf", hardware="qm1"), "nodes[1].switch", CATALOG,
     "unknown switch 'qm1'"),
    ("node replicas", node("dgx", replicas=-4), "nodes[0].replicas", VALUE,
     "must be a whole number >= 1, got -4"),
    ("too many replicas", node("dgx", replicas=10**8), "nodes[0].replicas", VALUE,
     "must be a whole number >= 1 and <= 10000000, got 100000000"),
    ("replicas not whole", node("dgx", replicas=2.5), "nodes[0].replicas", VALUE,
     "must be a whole number, got 2.5"),
    ("server accelerators", node("dgx", accelerators=0), "nodes[0].accelerators", VALUE,
     "must be a whole number >= 1"),
    ("switch accelerators", node("leaf", accelerators=8), "nodes[1].accelerators", VALUE,
     "a switch holds no accelerators"),
    ("single accelerator", node("tpu", accelerators=4), "nodes[2].accelerators", VALUE,
     "a single accelerator holds 1, got 4"),
    ("off the canvas", node("tpu", position=(1e9, 0.0)), "nodes[2].position", VALUE,
     "two numbers within +-1e+07"),
    ("unknown group", node("tpu", group="hall"), "nodes[2].group", REFERENCE,
     "no group has id 'hall'"),
    ("override not allowed", node("leaf", overrides=(("memory_gb", 80.0),)),
     "nodes[1].overrides.memory_gb", VALUE, "cannot be overridden here"),
    ("override not positive", node("dgx", overrides=(("tdp_w", -1.0),)),
     "nodes[0].overrides.tdp_w", VALUE, "must be a number > 0, got -1"),
    ("unknown end", link("l1", target="spine"), "links[0].to", REFERENCE,
     "no node has id 'spine'"),
    ("unknown link type", link("l1", type="ib-zdr"), "links[0].type", CATALOG,
     "unknown link type 'ib-zdr'"),
    ("link count", link("l1", count=0), "links[0].count", VALUE, "must be a whole number >= 1"),
    ("pattern", link("l1", pattern="star"), "links[0].pattern", VALUE,
     "must be one of spread, mesh, ring, torus, got 'star'"),
    ("spread to itself", link("ici", pattern="spread", dims=()), "links[1].pattern", VALUE,
     "a link from a node to itself needs pattern"),
    ("ring between two", link("l1", pattern="ring"), "links[0].pattern", VALUE,
     "ring links a node to itself"),
    ("torus without dims", link("ici", dims=()), "links[1].dims", VALUE, "a torus needs dims"),
    ("torus dimension", link("ici", dims=(4, 0, 4)), "links[1].dims[1]", VALUE,
     "must be a whole number >= 1, got 0"),
    ("incompatible type", link("l1", type="nvlink4"), "links[0].type", INCOMPATIBLE,
     "nvlink4 (nvlink) cannot connect to 'leaf'"),
    ("torus misfit", node("tpu", replicas=100), "links[1].dims", INCOMPATIBLE,
     "torus 4x4x4 does not fit: it has 64 places but 'tpu' has 100 units"),
    ("setting choice", dataclasses.replace(GOOD, workload=Workload(precision="fp4")),
     "workload.precision", VALUE, "must be one of bf16, fp16, fp8, got 'fp4'"),
    ("setting range", dataclasses.replace(GOOD, cost=CostSettings(discount=1.5)),
     "cost.discount", VALUE, "must be a number >= 0.01 and <= 1, got 1.5"),
    ("setting not finite", dataclasses.replace(GOOD, cost=CostSettings(pue=float("nan"))),
     "cost.pue", VALUE, "must be a number >= 1 and <= 5, got nan"),
    ("nested setting", dataclasses.replace(GOOD, workload=Workload(
        parallelism=Parallelism(zero=4))), "workload.parallelism.zero", VALUE,
     "must be a whole number >= 0 and <= 3, got 4"),
    ("setting needs a value", dataclasses.replace(GOOD, workload=Workload(global_batch=None)),
     "workload.global_batch", VALUE, "needs a value"),
    ("unknown model", dataclasses.replace(GOOD, workload=Workload(model="gpt-7")),
     "workload.model", CATALOG, "unknown model 'gpt-7'"),
    ("asks for nothing", dataclasses.replace(GOOD, trains=False), "workload", VALUE,
     "the design asks for nothing: it needs a training or serving workload"),
    ("in a scenario", dataclasses.replace(GOOD, scenarios=(
        dataclasses.replace(node("dgx", replicas=0), name="other"),)),
     "scenarios[0].nodes[0].replicas", VALUE, "must be a whole number >= 1"),
    ("a scenario's name taken", dataclasses.replace(GOOD, name="A800", scenarios=(
        dataclasses.replace(GOOD, name="H800"), dataclasses.replace(GOOD, name="A800"))),
     "scenarios[1].name", DUPLICATE, "another scenario is already called 'A800'"),
]


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_the_good_design_keeps_every_rule(catalog):
    assert problems(GOOD, catalog) == []
    assert checked(GOOD, catalog) is GOOD


@pytest.mark.parametrize(("case", "design", "path", "code", "fragment"), BROKEN,
                         ids=[c[0] for c in BROKEN])
def test_a_broken_rule_is_one_problem_at_its_key_path(catalog, case, design, path, code,
                                                      fragment):
    found = problems(design, catalog)
    assert [(p.path, p.code) for p in found] == [(path, code)], found
    assert fragment in found[0].message
    assert found[0].line is None


def test_read_from_a_file_the_problem_has_its_line(catalog):
    text = dumps_design(node("tpu", replicas=100))
    rows = text.splitlines()
    ici = next(i for i, row in enumerate(rows) if "id: ici" in row)
    line = 1 + next(i for i in range(ici, len(rows)) if "dims" in rows[i])
    with pytest.raises(LayoutError) as caught:
        loads_design(text, "tpu.yaml", catalog)
    assert caught.value.lines() == [f"tpu.yaml:{line}: links[1].dims: torus 4x4x4 does not "
                                    "fit: it has 64 places but 'tpu' has 100 units"]


def test_a_value_that_cannot_be_read_is_reported_once(catalog):
    text = dumps_design(GOOD).replace("id: spare", "id: [spare]")
    with pytest.raises(LayoutError) as caught:
        loads_design(text, "x.yaml", catalog)
    assert [line.split(": ", 2)[1:] for line in caught.value.lines()] == [
        ["nodes[3].id", "must be text, got a list"]]


def test_checked_raises_one_line_per_problem(catalog):
    with pytest.raises(InputError) as caught:
        checked(node("dgx", replicas=0), catalog)
    assert caught.value.lines() == ["nodes[0].replicas: must be a whole number >= 1, got 0"]


def test_settings_alone(catalog):
    assert settings_problems("cost", CostSettings()) == []
    [problem] = settings_problems("cost", CostSettings(currency="EUR"))
    assert (problem.path, problem.code) == ("cost.currency", VALUE)


def test_huge_numbers_are_named_by_size_not_spelled_out(catalog):
    [problem] = problems(node("dgx", replicas=10**310), catalog)
    assert "a number of about 311 digits" in problem.message


def test_a_big_design_of_distinct_boxes_is_checked_whole(catalog):
    """5,000 boxes in 500 groups and 20,000 links pass (``make bench`` times it)."""
    assert problems(grouped_design(), catalog) == []


EDITS = [
    node("dgx", position=(1e9, 0.0)),                       # a box's own fields only
    node("spare", name="Spare", overrides=(("tdp_w", 0.0),)),
    node("tpu", replicas=100),                              # a field torus links read
    node("dgx", accelerators=4, name="Four"),               # a count the totals read
    node("dgx", accelerators=0),
    node("dgx", accelerators=500_000),                      # over the design's total
    link("l1", type="nvlink4"),                             # links only
    dataclasses.replace(GOOD, links=(*GOOD.links, Link("l1", "tpu", "leaf", "ib-ndr"))),
    dataclasses.replace(GOOD, links=GOOD.links[:1]),
    group(replicas=0),
    dataclasses.replace(GOOD, workload=Workload(model="gpt-7")),
    dataclasses.replace(GOOD, trains=False),                # the only workload left out
]


@pytest.mark.parametrize("edited", EDITS)
def test_an_edit_checked_on_what_it_touched_finds_what_a_full_check_finds(catalog, edited):
    assert edit_problems(GOOD, edited, catalog) == problems(edited, catalog)


def test_moving_a_box_of_a_big_design_finds_nothing_new(catalog):
    """(``make bench`` times it: only that box is checked.)"""
    big, moved = moved_box()
    assert edit_problems(big, moved, catalog) == []

