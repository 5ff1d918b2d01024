"""A big design of distinct nodes, as importers produce them: a rail-optimised fat tree.

``python -m benchmarks.big_design [NODES] [-o FILE]`` writes it as a layout file (by
default 5,000 nodes and 20,000 links into a temporary folder) and prints the path.
Every server, leaf and spine is its own node (``replicas: 1``), so nothing is collapsed:
this is the shape that tests how the engine and the window scale in nodes plus links.

Shape: pods of 16 eight-GPU servers; each server has four rails (two NDR ports each),
rail ``r`` to the pod's leaf ``r``; the spines are split into four rail planes and each
leaf takes uplinks to spines of its own plane, chosen with a seeded random generator so
that the links number four per node.

Two more shapes for the rule set (``tests/engine/test_rules.py`` asserts on them,
``benchmarks/rules_bench.py`` times them): ``grouped_design``, boxes in groups with
replicas, and ``moved_box``, a long chain before and after one box moves.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import tempfile
from pathlib import Path

from engine.design import Design, Group, Link, Node, Workload
from engine.layout import save_design

RAILS = 4
SERVERS_PER_POD = 16
POD_COLUMNS = 15
SPINE_COLUMNS = 70          # as wide as the pods
LINKS_PER_NODE = 4


def big_design(nodes: int = 5000, seed: int = 20) -> Design:
    """``nodes`` distinct nodes joined by ``4 x nodes`` links (``nodes`` >= 200)."""
    spine_count = nodes // 10
    pods = (nodes - spine_count) // (SERVERS_PER_POD + RAILS)
    spine_count = nodes - pods * (SERVERS_PER_POD + RAILS)
    rng = random.Random(seed)
    spines = [_switch(f"spine{i}", f"Spine {i}", ((i % SPINE_COLUMNS) * 120.0,
                                                  -400.0 - (i // SPINE_COLUMNS) * 150.0))
              for i in range(spine_count)]
    servers, leaves, links = [], [], []
    for pod in range(pods):
        x0, y0 = (pod % POD_COLUMNS) * 560.0, (pod // POD_COLUMNS) * 620.0
        pod_leaves = [_switch(f"p{pod}l{r}", f"Pod {pod} leaf {r}", (x0 + r * 130.0, y0))
                      for r in range(RAILS)]
        leaves += pod_leaves
        for s in range(SERVERS_PER_POD):
            server = Node(f"p{pod}s{s}", "server", "h100-sxm", f"Pod {pod} server {s}",
                          accelerators=8,
                          position=(x0 + (s % 4) * 130.0, y0 + 150.0 + (s // 4) * 110.0))
            servers.append(server)
            links += [Link(f"{server.id}r{r}", server.id, leaf.id, "ib-ndr", 2)
                      for r, leaf in enumerate(pod_leaves)]
    planes = [spines[r::RAILS] for r in range(RAILS)]
    uplinks = LINKS_PER_NODE * nodes - len(links)
    for i in range(uplinks):
        leaf = leaves[i % len(leaves)]
        plane = planes[int(leaf.id.rsplit("l", 1)[1]) % len(planes)]
        spine = plane[(i // len(leaves) + rng.randrange(len(plane))) % len(plane)]
        links.append(Link(f"{leaf.id}u{i // len(leaves)}", leaf.id, spine.id, "ib-ndr", 2))
    return Design(name=f"Rail-optimised fat tree, {nodes:,} distinct nodes",
                  nodes=(*spines, *leaves, *servers), links=tuple(links),
                  workload=Workload(model="llama3-70b", global_batch=4096))


def _switch(node_id: str, name: str, position: tuple[float, float]) -> Node:
    return Node(node_id, "switch", "qm9700", name, accelerators=0, position=position)


def write_big_design(folder: Path, nodes: int = 5000, seed: int = 20) -> Path:
    """The design as a layout file in ``folder``; its path."""
    path = folder / f"fat-tree-{nodes}.yaml"
    save_design(big_design(nodes, seed), path)
    return path


def grouped_design() -> Design:
    """5,000 distinct boxes in 500 groups of two replicas, and 20,000 links."""
    groups = tuple(Group(f"g{i}", replicas=2) for i in range(500))
    nodes = tuple(Node(f"n{i}", "server", "h100-sxm", replicas=2, accelerators=8,
                       group=f"g{i % 500}") for i in range(4000)) + \
        tuple(Node(f"s{i}", "switch", "qm9700", accelerators=0) for i in range(1000))
    links = tuple(Link(f"l{i}", f"n{i % 4000}", f"s{i % 1000}", "ib-ndr", 1)
                  for i in range(20000))
    return Design(groups=groups, nodes=nodes, links=links)


def moved_box() -> tuple[Design, Design]:
    """A chain of 5,000 servers, and the same with its first box moved."""
    nodes = tuple(Node(f"n{i}", "server", "h100-sxm", accelerators=8) for i in range(5000))
    chain = Design(nodes=nodes, links=tuple(Link(f"l{i}", f"n{i}", f"n{i + 1}", "ib-ndr")
                                            for i in range(4999)))
    return chain, dataclasses.replace(chain, nodes=(
        dataclasses.replace(nodes[0], position=(5.0, 5.0)), *nodes[1:]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nodes", type=int, nargs="?", default=5000)
    parser.add_argument("-o", "--output", type=Path, help="the layout file to write")
    args = parser.parse_args()
    if args.output:
        save_design(big_design(args.nodes), args.output)
        print(args.output)
    else:
        print(write_big_design(Path(tempfile.mkdtemp()), args.nodes))


if __name__ == "__main__":
    main()
