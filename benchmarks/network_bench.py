"""Network figures: topology + headline collectives of the 16,384-GPU example; a 64-size curve."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from benchmarks.timing import best_seconds, report
from engine.catalog import load_catalog
from engine.collectives import collective
from engine.layout import load_design
from engine.network import network_section

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "llama3-16k-h100-roce.yaml"


def main() -> None:
    catalog = load_catalog()
    design = load_design(str(EXAMPLE))
    seconds = best_seconds(lambda: network_section(design, catalog))
    report("network section, 16,384-GPU example", seconds * 1e3, "ms", "< 50 ms")
    fabric = network_section(design, catalog).main().topology.fabric
    sizes = np.logspace(np.log10(8), np.log10(8 * 2**30), 64)
    seconds = best_seconds(lambda: collective(fabric, "all_reduce", sizes), repeat=200)
    report("all-reduce curve of 64 sizes, 16,384 ranks", seconds * 1e3, "ms", "about one call")
