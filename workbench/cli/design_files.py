"""The designs a list of layout files holds, labelled for a side-by-side table.

A file with no scenarios is one design, labelled by the file's name (what
people typed); a file with scenarios contributes every one, labelled by its
name. Labels are made unique, so each names one column.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from engine.catalog import Catalog
from engine.design import Design
from engine.layout import load_design
from engine.scenarios import scenarios_of, unique_labels


def designs_in(paths: Sequence[str], catalog: Catalog) -> list[tuple[str, Design]]:
    """``(label, design)`` for every design in ``paths``, files in order, base first."""
    found: list[tuple[str, Design]] = []
    for path in paths:
        design = load_design(path, catalog)
        if design.scenarios:
            found += [(d.name, d) for d in scenarios_of(design)]
        else:
            found.append((Path(path).stem, design))
    labels = unique_labels(label for label, _ in found)
    return [(label, design) for label, (_, design) in zip(labels, found, strict=True)]
