"""Designs of thousands of distinct boxes (as importers make them) are read, evaluated and
explored with work in proportion to their boxes and links.

The work is counted, not timed: the lines of our own code that run, for a generated
fat tree and one twice its size. Work in proportion to the size doubles; a step that
visits every pair of boxes, or every link for every box, quadruples.
"""

from __future__ import annotations

import pytest

from benchmarks.big_design import big_design, write_big_design
from engine.analysis import explore
from engine.catalog import load_catalog
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.network import NETWORK
from tests.work import lines_run

#: doubling the design may at most multiply the work by this (n log n is about 2.2)
GROWTH = 2.5


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def test_a_thousand_distinct_boxes_read_back_and_evaluate(tmp_path, catalog):
    design = load_design(str(write_big_design(tmp_path, 1000)), catalog)
    assert design == big_design(1000)
    assert (len(design.nodes), len(design.links)) == (1000, 4000)
    evaluation = evaluate(design, catalog)
    assert not evaluation.errors
    servers = [n for n in design.nodes if n.kind == "server"]
    network = evaluation.require(NETWORK)
    assert network.main().topology.accelerators == 8 * len(servers)
    # one path from the first server to each other one, not one per pair of servers
    first, *others = network.main().topology.nodes
    assert [(p.source, p.target) for p in network.paths] == [(first, s) for s in others]
    assert {p.hops for p in network.paths} == {2, 4}    # same pod: via a leaf; else a spine


def test_evaluating_twice_the_design_is_about_twice_the_work(catalog):
    small, large = big_design(250), big_design(500)
    work = [lines_run(lambda d=d: evaluate(d, catalog)) for d in (small, large)]
    assert work[1] < GROWTH * work[0], work


def test_exploring_twice_the_design_is_about_twice_the_work(catalog):
    work = []
    for design in (big_design(250), big_design(500)):
        evaluation = evaluate(design, catalog)
        work.append(lines_run(lambda d=design, e=evaluation: explore(d, catalog, e)))
    assert work[1] < GROWTH * work[0], work
