"""Scenarios: a layout file's what-if variants as a list of standalone designs.

A file holds one design whose ``scenarios`` are the variants; the top-level
design is the first, "base" scenario (docs/format.md). Editing, comparing
and sweeping want them side by side instead, each evaluable on its own, so
the file's ``catalog:`` section travels with every one.
:func:`with_scenarios` undoes :func:`scenarios_of` exactly, so a file read,
split, joined and written comes back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from engine.design import Design

_COPY = re.compile(r"^(.*?)(?: \((\d+)\))?$")


def scenarios_of(design: Design) -> tuple[Design, ...]:
    """The base design, then each scenario, as standalone designs (no nested scenarios)."""
    base = replace(design, scenarios=())
    return (base, *(replace(s, scenarios=(), catalog=design.catalog,
                            calibrations=design.calibrations) for s in design.scenarios))


def with_scenarios(designs: Sequence[Design]) -> Design:
    """The first design, holding the others as its scenarios (the file's form)."""
    base, *rest = designs
    return replace(base, scenarios=tuple(replace(s, scenarios=(), catalog=None, calibrations=())
                                         for s in rest))


def unique_name(name: str, taken: Iterable[str]) -> str:
    """``name`` if no scenario has it, else ``name (2)``, ``name (3)`` ... (an existing
    ``(n)`` suffix is replaced, so a copy of ``H800 (2)`` is ``H800 (3)``)."""
    used = set(taken)
    if name not in used:
        return name
    match = _COPY.match(name)
    stem = match.group(1) if match else name
    n = 2
    while f"{stem} ({n})" in used:
        n += 1
    return f"{stem} ({n})"


def unique_labels(names: Iterable[str]) -> list[str]:
    """The names in order, later duplicates numbered, so every label names one design."""
    out: list[str] = []
    for name in names:
        out.append(unique_name(name, out))
    return out
