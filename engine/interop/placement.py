"""Canvas positions for an imported design, which has none of its own.

Boxes are put in rows by how far they are from the compute: servers and
accelerators at the bottom, the switches they plug into above them, the
next layer above that, as the example layouts are drawn. Each row is
centred on x = 0.
"""

from __future__ import annotations

import dataclasses

import networkx as nx

from engine.design import Design

ROW_HEIGHT = 200.0
COLUMN_WIDTH = 220.0


def placed(design: Design) -> Design:
    """``design`` with every node given a position by its layer."""
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in design.nodes)
    graph.add_edges_from((lk.source, lk.target) for lk in design.links)
    compute = [n.id for n in design.nodes if n.kind != "switch"]
    depth = nx.multi_source_dijkstra_path_length(graph, compute) if compute else {}
    rows: dict[int, list[str]] = {}
    for node in design.nodes:
        rows.setdefault(depth.get(node.id, 1), []).append(node.id)
    position = {}
    for level, ids in rows.items():
        for index, node_id in enumerate(ids):
            x = (index - (len(ids) - 1) / 2) * COLUMN_WIDTH
            position[node_id] = (x, -level * ROW_HEIGHT)
    nodes = tuple(dataclasses.replace(n, position=position[n.id]) for n in design.nodes)
    return dataclasses.replace(design, nodes=nodes)
