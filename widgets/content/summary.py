"""The summary panel's content: headline tiles and each section's figures as a tree."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tile:
    """A headline figure as written, and whether the design has it."""

    label: str
    value: str
    tooltip: str = ""
    state: str = "ok"           # "ok", "missing" (not estimated yet) or "error"
    detail: str = ""            # under the value: its 80% range, "part of the design", ...


@dataclass(frozen=True)
class DetailRow:
    """A figure, or a heading over figures (``children``)."""

    key: str
    value: str = ""
    children: tuple[DetailRow, ...] = ()


@dataclass(frozen=True)
class DetailSection:
    """One estimate section's figures, or why it has none."""

    title: str
    rows: tuple[DetailRow, ...] = ()
    error: str = ""
