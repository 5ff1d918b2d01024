"""The assumptions behind a comparison: every setting of every design, with its source.

Read through :func:`engine.settings.settings_of`, so a setting added to the
engine appears in reports with no change here. Values read as the
inspector shows them: ``auto`` for what the engine chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engine.design import CostSettings, Design, ReliabilitySettings, Workload
from engine.settings import is_settings_class, settings_of
from engine.units import number
from workbench.report_html import Assumption

SECTIONS: tuple[tuple[str, str, type], ...] = (
    ("workload", "Workload", Workload), ("cost", "Cost", CostSettings),
    ("reliability", "Reliability", ReliabilitySettings))


def assumptions(designs: Sequence[Design]) -> list[Assumption]:
    """One row per setting, values in the designs' order."""
    rows: list[Assumption] = []
    for attribute, group, cls in SECTIONS:
        rows += _rows(group, cls, [getattr(d, attribute) for d in designs])
    return rows


def _rows(group: str, cls: type, values: list[Any]) -> list[Assumption]:
    rows = []
    for s in settings_of(cls):
        each = [getattr(v, s.name) for v in values]
        if is_settings_class(s.kind):
            rows += _rows(f"{group}: {s.info.label}", s.kind, each)
            continue
        rows.append(Assumption(group, s.info.label, s.info.unit,
                               tuple(_text(v) for v in each), s.info.source or s.info.doc))
    return rows


def _text(value: Any) -> str:
    if value is None or value == "":
        return "auto"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return number(value) if isinstance(value, int | float) else str(value)
