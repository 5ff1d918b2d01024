"""A sweep summary's points as people read them: figures with units, the axis values.

Shared by ``summarise`` (text and JSON), the front plot's read-out and the sweep
window, so a point reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from engine.design_space.chunks import CURRENCY, POINT
from engine.design_space.front import Summary
from engine.headline import figure_spec, figure_text
from engine.units import number

Table = Mapping[str, np.ndarray]


def figure(table: Table, key: str, row: int) -> str:
    """Figure ``key`` of ``row`` with its unit (money in the row's currency)."""
    spec = figure_spec(key)
    unit = str(table[CURRENCY][row]) if spec.unit == "money" and CURRENCY in table \
        else spec.unit
    value = float(table[key][row])
    return figure_text(None if np.isnan(value) else value, spec.style, unit)


def where(table: Table, axes: Sequence[str], row: int, skip: str = "") -> str:
    """``gpus 2,048, model llama3-8b``: the row's axis values (``skip`` left out)."""
    return ", ".join(f"{axis} {value_text(table[axis][row])}" for axis in axes if axis != skip)


def record(table: Table, axes: Sequence[str], row: int, summary: Summary) -> dict[str, Any]:
    """One row as JSON: its point number, axis values and the two figures."""
    return {POINT: int(table[POINT][row]),
            **{axis: _plain(table[axis][row]) for axis in axes},
            summary.x: _plain(table[summary.x][row]), summary.y: _plain(table[summary.y][row]),
            **({CURRENCY: str(table[CURRENCY][row])} if CURRENCY in table else {})}


def value_text(value: Any) -> str:
    """An axis value as written: text as it is, numbers grouped (2,048; 0.2)."""
    return value if isinstance(value, str) else number(float(value))


def _plain(value: Any) -> Any:
    """A numpy cell as JSON has it: whole numbers as ints, NaN as null."""
    if isinstance(value, str):
        return value
    value = float(value)
    if np.isnan(value):
        return None
    return int(value) if value.is_integer() else value
