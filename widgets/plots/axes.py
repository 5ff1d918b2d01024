"""Axis ticks in the units people read: bytes in powers of two, accelerator counts, money.

Log-scaled quantities are plotted as their base-2 logarithm on a linear
axis (so hovering and exporting see plain numbers) and these axes label the
ticks with the values themselves: ``1 KiB``, ``16,384``, ``120 M``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg

_BINARY = ("B", "KiB", "MiB", "GiB", "TiB", "PiB")
_SCALES = ((1e12, " T"), (1e9, " bn"), (1e6, " M"), (1e3, " k"))
_LOG_STEPS = (1, 2, 3, 4, 5, 10)
MIN_LABEL_PX = 64


def format_bytes(n: float) -> str:
    """``1536`` -> ``1.5 KiB``: binary prefixes, as nccl-tests' sizes are powers of two."""
    exponent = min(int(math.log2(max(n, 1)) // 10), len(_BINARY) - 1)
    value = n / 2 ** (10 * exponent)
    return f"{value:.3g} {_BINARY[exponent]}"


def format_number(value: float, digits: int = 3) -> str:
    """``1234567`` -> ``1.23 M``; small numbers plainly."""
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.{digits}g}{suffix}"
    return f"{value:.{digits}g}"


def format_count(value: float) -> str:
    return f"{round(value):,}"


class Log2Axis(pg.AxisItem):
    """Ticks at powers of two of a base-2 log axis, labelled by ``label(2 ** tick)``."""

    def __init__(self, orientation: str, label: Callable[[float], str] = format_count,
                 **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self._label = label

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        span = max(maxVal - minVal, 1e-9)
        step = next((s for s in _LOG_STEPS if size * s / span >= MIN_LABEL_PX), _LOG_STEPS[-1])
        first = math.ceil(minVal / step) * step
        major = list(np.arange(first, maxVal + 1e-9, step))
        minor = list(range(math.ceil(minVal), math.floor(maxVal) + 1)) if step > 1 else []
        return [(step, major), (1, [v for v in minor if v not in major])]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [self._label(2.0 ** v) for v in values]


class SuffixAxis(pg.AxisItem):
    """Linear ticks labelled with k, M, bn suffixes (money, tokens)."""

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [format_number(v) for v in values]



_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)


def format_month(index: float) -> str:
    """Months since year 0 as ``2024-07`` (:func:`engine.plan.schedule.month_index`)."""
    month = round(index)
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


class MonthAxis(pg.AxisItem):
    """Calendar months (plotted as months since year 0), ticked at whole months, quarters
    or years, as many as fit."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:
        span = max(maxVal - minVal, 1e-9)
        step = next((s for s in _MONTH_STEPS if size * s / span >= MIN_LABEL_PX),
                    _MONTH_STEPS[-1])
        first = math.ceil(minVal / step) * step
        return [(step, list(np.arange(first, maxVal + 1e-9, step)))]

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [format_month(v) for v in values]


class ScaledAxis(pg.AxisItem):
    """The same ticks as the axis it faces, labelled as the value times ``scale`` (a
    second reading of one scale: a share of the list price as the price itself)."""

    def __init__(self, orientation: str, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self._scale = 1.0

    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self.picture = None          # pyqtgraph's cached drawing of the ticks
        self.update()

    def tickStrings(self, values: list, scale: float, spacing: float) -> list[str]:
        return [format_number(v * self._scale) for v in values]
