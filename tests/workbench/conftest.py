"""Documents on the small test catalog: two servers' worth of nodes, linked to a switch."""

from __future__ import annotations

import pytest

from engine.design import Design, Link, Node, Workload


@pytest.fixture
def linked_design() -> Design:
    return Design(
        name="two servers",
        nodes=(Node("s1", "server", "gpu-a", "Server 1", replicas=2, accelerators=8,
                    position=(0.0, 200.0)),
               Node("s2", "server", "gpu-a", "Server 2", replicas=2, accelerators=8,
                    position=(300.0, 200.0)),
               Node("sw", "switch", "sw", "Leaf", replicas=1, accelerators=0,
                    position=(150.0, 0.0))),
        links=(Link("l1", "s1", "sw", "net", 8), Link("l2", "s2", "sw", "net", 8)),
        workload=Workload(model="tiny"),
    )


@pytest.fixture
def doc(qapp, small_catalog, linked_design):
    from workbench.document.document import Document
    return Document(small_catalog, linked_design)
