"""Bus bandwidth against message size, one curve per collective, as nccl-tests plots it.

``set_curves(curves, scenario="")`` draws the engine's
:class:`~engine.analysis.bandwidth.BandwidthCurves`: one series per
operation, named after it ("all-reduce") or, for a scenario,
"<scenario> · all-reduce". Operations keep their colour across scenarios;
each scenario after the first draws in another dash style.
``clear(scenario)`` removes a scenario's curves. Diamonds mark the sizes
where the limiting factor changes (latency, an NCCL protocol cap, a tier of
the network); the read-out gives every point's bus and algorithm
bandwidth, time, algorithm and bottleneck, and otherwise the bottleneck of
each curve at the largest size.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from engine.analysis.bandwidth import OPS, BandwidthCurves
from engine.collectives import CollectiveResult
from widgets.plots.axes import format_bytes
from widgets.plots.base import PlotPanel
from widgets.plots.style import scenario_dash, series_color

LABELS = {op: op.replace("_", "-") for op in OPS}


def series_name(op: str, scenario: str = "") -> str:
    return f"{scenario} · {LABELS[op]}" if scenario else LABELS[op]


class BandwidthPanel(PlotPanel):
    """Collective bus bandwidth against message size (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Message size"),
                         QT_TRANSLATE_NOOP("Plots", "Bus bandwidth (GB/s)"), log_x=format_bytes,
                         zero_based=True, parent=parent)
        self._scenarios: dict[str, BandwidthCurves] = {}

    def set_curves(self, curves: BandwidthCurves, scenario: str = "") -> None:
        self._scenarios[scenario] = curves
        dash = scenario_dash(list(self._scenarios).index(scenario))
        for index, (op, result) in enumerate(curves.curves.items()):
            name = series_name(op, scenario)
            color = series_color(index)
            self.set_series(name, result.bytes, result.busbw_GBps, notes=_notes(name, result),
                            color=color, dash=dash)
            self.set_band(name, result.bytes, *curves.bands[op])
            changes = np.flatnonzero(result.bottleneck[1:] != result.bottleneck[:-1]) + 1
            self.set_series(f"{name}: limit changes", result.bytes[changes],
                            result.busbw_GBps[changes], color=color, symbol="d", line=False,
                            legend=False, symbol_size=9,
                            notes=[f"{name} from {format_bytes(result.bytes[i])}: limited by "
                                   f"{result.bottleneck[i]}" for i in changes])
        self._describe()

    def clear(self, scenario: str = "") -> None:
        curves = self._scenarios.pop(scenario, None)
        if curves is None:
            return
        for op in curves.curves:
            name = series_name(op, scenario)
            self.clear_series(name)
            self.clear_series(f"{name}: limit changes")
        self._describe()

    def _describe(self) -> None:
        if not self._scenarios:
            return
        first = next(iter(self._scenarios.values()))
        self.set_caption(self.tr("{ranks} × {accelerator}, one rank per accelerator "
                                 "(nccl-tests busbw)").format(ranks=f"{first.ranks:,}",
                                                              accelerator=first.accelerator))
        limits = [f"{series_name(op, scenario)}: {result.bottleneck[-1]}"
                  for scenario, curves in self._scenarios.items()
                  for op, result in curves.curves.items()]
        self.set_note(self.tr("Limit at {size}: ").format(
            size=format_bytes(first.curves[OPS[0]].bytes[-1])) + " · ".join(limits))


def _notes(name: str, r: CollectiveResult) -> Callable[[int], str]:
    return lambda i: (f"{name}, {format_bytes(r.bytes[i])}: busbw {r.busbw_GBps[i]:,.1f} GB/s, "
                      f"algbw {r.algbw_GBps[i]:,.1f} GB/s, {_duration(r.time_s[i])}, "
                      f"{r.algorithm[i]}, limited by {r.bottleneck[i]}")


def _duration(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.1f} µs"
    return f"{seconds * 1e3:,.2f} ms" if seconds < 1 else f"{seconds:,.3f} s"
