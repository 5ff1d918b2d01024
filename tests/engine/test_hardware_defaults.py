"""The natural link type between two ends (the canvas offers it first)."""

from __future__ import annotations

from engine.catalog import load_catalog
from engine.design import Node
from engine.hardware import compatible_links


def test_two_switches_default_to_a_link_at_their_port_rate():
    catalog = load_catalog(user=False)
    leaf = Node("leaf", "switch", "qm9700", accelerators=0)
    spine = Node("spine", "switch", "qm9700", accelerators=0)
    assert compatible_links(catalog, leaf, spine)[0].id == "ib-ndr"
    eth = Node("eth", "switch", "sn5600", accelerators=0)
    assert compatible_links(catalog, eth, eth)[0].id == "roce-800g"


def test_a_server_defaults_to_its_nics_towards_a_switch():
    catalog = load_catalog(user=False)
    server = Node("dgx", "server", "h100-sxm", accelerators=8)
    leaf = Node("leaf", "switch", "qm9700", accelerators=0)
    assert compatible_links(catalog, server, leaf)[0].id == "ib-ndr"
