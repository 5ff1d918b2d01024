"""The assumptions behind a comparison: every setting of every design, with its source.

Read through :func:`engine.settings.leaves`, so a setting added to the
engine appears in reports with no change here. Values read as the
inspector shows them: ``auto`` for what the engine chooses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from engine.design import Design
from engine.estimates import REGISTRY
from engine.settings import leaves
from engine.units import number
from widgets.content.texts import engine_text, translate
from workbench.report.html import Assumption


def assumptions(designs: Sequence[Design]) -> list[Assumption]:
    """One row per setting that some design asks for, values in the designs' order."""
    rows = []
    for settings in REGISTRY.settings_sections():
        if not any(settings.present(d) for d in designs):
            continue
        sections = [settings.of(d) for d in designs]
        for leaf in leaves(settings.cls):
            info = leaf.field.info
            group = ": ".join(engine_text(g) for g in (settings.label, *leaf.groups))
            rows.append(Assumption(group, engine_text(info.label), engine_text(info.unit),
                                   tuple(_text(leaf.value(s)) for s in sections),
                                   info.source or info.doc))
    return rows


def _text(value: Any) -> str:
    if value is None or value == "":
        return translate("Report", "auto")
    if isinstance(value, bool):
        return translate("Report", "yes") if value else translate("Report", "no")
    return number(value) if isinstance(value, int | float) else str(value)
