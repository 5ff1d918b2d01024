"""Cost and reliability sections of the 16,384-GPU example, after inventory and network."""

from __future__ import annotations

from pathlib import Path

from benchmarks.timing import best_seconds, report
from engine.catalog import load_catalog
from engine.cost import cost_section
from engine.inventory import take_inventory
from engine.layout import load_design
from engine.network import network_section
from engine.reliability import reliability_section

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "llama3-16k-h100-roce.yaml"


def main() -> None:
    catalog = load_catalog()
    design = load_design(str(EXAMPLE))
    inventory = take_inventory(design, catalog)
    network = network_section(design, catalog)

    def both() -> None:
        cost = cost_section(design, catalog, inventory, network, None)
        reliability_section(design, catalog, inventory, None, cost)

    report("cost + reliability sections, 16,384-GPU example", best_seconds(both) * 1e3, "ms",
           "a small part of evaluate's 20 ms")
