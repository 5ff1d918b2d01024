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

``set_measured(sweeps)`` draws the user's nccl-tests measurements
(:class:`~engine.analysis.measured.MeasuredSweep`) as circles in their
operation's colour, over the model's curve; where a sweep ran on fewer
ranks than the curves, the model on its ranks is drawn dotted beside it.
The note under the plot gives each sweep's residual: the model's median
error and its worst size.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QWidget

from engine.analysis.bandwidth import OPS, BandwidthCurves
from engine.analysis.measured import MeasuredSweep
from engine.collectives import CollectiveResult
from widgets.content.texts import engine_text
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
        self._measured: tuple[MeasuredSweep, ...] = ()

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
                                   f"{engine_text(result.bottleneck[i])}" for i in changes])
        self._describe()

    def set_measured(self, sweeps: tuple[MeasuredSweep, ...]) -> None:
        """Draw ``sweeps`` (and only those) over the curves."""
        for old in self._measured:
            self.clear_series(measured_name(old))
            self.clear_series(model_name(old))
        self._measured = sweeps
        for sweep in sweeps:
            color = series_color(OPS.index(sweep.op)) if sweep.op in OPS else None
            if sweep.ranks != sweep.island_ranks:
                self.set_series(model_name(sweep), sweep.bytes, sweep.model_busbw_GBps,
                                color=color, dash=Qt.PenStyle.DotLine,
                                notes=_model_notes(sweep))
            self.set_series(measured_name(sweep), sweep.bytes, sweep.measured_busbw_GBps,
                            color=color, symbol="o", line=False, symbol_size=8,
                            notes=_measured_notes(sweep))
        self._describe()

    def measured(self) -> tuple[MeasuredSweep, ...]:
        return self._measured

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
        limits = [f"{series_name(op, scenario)}: {engine_text(result.bottleneck[-1])}"
                  for scenario, curves in self._scenarios.items()
                  for op, result in curves.curves.items()]
        limit = self.tr("Limit at {size}: ").format(
            size=format_bytes(first.curves[OPS[0]].bytes[-1]))
        self.set_note(" · ".join([limit + " · ".join(limits), *map(_residual, self._measured)]))


def measured_name(sweep: MeasuredSweep) -> str:
    return f"measured: {_file(sweep)}"


def model_name(sweep: MeasuredSweep) -> str:
    return f"model on {sweep.ranks:,} ranks: {LABELS.get(sweep.op, sweep.op)}"


def _file(sweep: MeasuredSweep) -> str:
    return sweep.file.replace("\\", "/").rsplit("/", 1)[-1]


def _residual(sweep: MeasuredSweep) -> str:
    worst = sweep.worst()
    return (f"{_file(sweep)} ({LABELS.get(sweep.op, sweep.op)}, {sweep.ranks:,} ranks): model "
            f"off by {sweep.median_error():.1%} at the median, {sweep.residual[worst]:+.0%} "
            f"at {format_bytes(sweep.bytes[worst])}")


def _measured_notes(s: MeasuredSweep) -> Callable[[int], str]:
    return lambda i: (f"{_file(s)}, {format_bytes(s.bytes[i])}: measured busbw "
                      f"{s.measured_busbw_GBps[i]:,.1f} GB/s, model "
                      f"{s.model_busbw_GBps[i]:,.1f} GB/s (time {s.residual[i]:+.1%})")


def _model_notes(s: MeasuredSweep) -> Callable[[int], str]:
    return lambda i: (f"model on {s.ranks:,} ranks, {format_bytes(s.bytes[i])}: busbw "
                      f"{s.model_busbw_GBps[i]:,.1f} GB/s")


def _notes(name: str, r: CollectiveResult) -> Callable[[int], str]:
    return lambda i: (f"{name}, {format_bytes(r.bytes[i])}: busbw {r.busbw_GBps[i]:,.1f} GB/s, "
                      f"algbw {r.algbw_GBps[i]:,.1f} GB/s, {_duration(r.time_s[i])}, "
                      f"{r.algorithm[i]}, limited by {engine_text(r.bottleneck[i])}")


def _duration(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:,.1f} µs"
    return f"{seconds * 1e3:,.2f} ms" if seconds < 1 else f"{seconds:,.3f} s"
