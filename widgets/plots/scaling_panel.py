"""Time to train and MFU against the number of accelerators, the design's own point marked.

``set_curve(curve, scenario="")`` draws an
:class:`~engine.analysis.scaling.ScalingCurve`: time to train (days, left
axis) and MFU (percent, right axis) at each size the design's block was
replicated to, a star at the design's own size, crosses where the best
configuration does not fit in memory, the time's 80% band shaded. Series
are "time to train" and "MFU" or, for a scenario, "<scenario> · time to
train"; ``clear(scenario)``
removes them. Sizes the workload cannot run at are left out and named
under the plot.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from engine.analysis.scaling import ScalingCurve, ScalingPoint
from widgets.content.colors import MARKER_COLOR
from widgets.plots.axes import format_count
from widgets.plots.base import PlotPanel
from widgets.plots.breakdown_panel import configuration
from widgets.plots.style import label_height, scenario_dash, series_color

KINDS = (QT_TRANSLATE_NOOP("Plots", "time to train"), QT_TRANSLATE_NOOP("Plots", "MFU"),
         QT_TRANSLATE_NOOP("Plots", "this design"), QT_TRANSLATE_NOOP("Plots", "does not fit"))


def series_name(kind: str, scenario: str = "") -> str:
    return f"{scenario} · {kind}" if scenario else kind


class ScalingPanel(PlotPanel):
    """Scaling by the design's block (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Accelerators"),
                         QT_TRANSLATE_NOOP("Plots", "Time to train (days)"),
                         right_label=QT_TRANSLATE_NOOP("Plots", "MFU (%)"),
                         log_x=format_count, zero_based=True, parent=parent)
        self._scenarios: dict[str, ScalingCurve] = {}

    def set_curve(self, curve: ScalingCurve, scenario: str = "") -> None:
        self._scenarios[scenario] = curve
        index = list(self._scenarios).index(scenario)
        dash = scenario_dash(index)
        runs = [p for p in curve.points if p.estimate is not None]
        x = [p.accelerators for p in runs]
        notes = [_note(p, curve) for p in runs]
        self.set_series(series_name("time to train", scenario), x,
                        [p.estimate.time_to_train_days for p in runs], notes=notes,
                        color=series_color(0), dash=dash, symbol="o")
        banded = [p for p in runs if p.band is not None]
        self.set_band(series_name("time to train", scenario), [p.accelerators for p in banded],
                      [p.band.low for p in banded], [p.band.high for p in banded])
        self.set_series(series_name("MFU", scenario), x, [100 * p.estimate.mfu for p in runs],
                        notes=notes, color=series_color(1), dash=dash, symbol="s",
                        axis="right")
        own = curve.design_point()
        here = [own] if own.estimate is not None else []
        self.set_series(series_name("this design", scenario), [p.accelerators for p in here],
                        [p.estimate.time_to_train_days for p in here],
                        notes=[_note(p, curve) for p in here], color=MARKER_COLOR,
                        symbol="star", line=False, symbol_size=18)
        misses = [p for p in runs if not p.estimate.fits_in_memory]
        self.set_series(series_name("does not fit", scenario), [p.accelerators for p in misses],
                        [p.estimate.time_to_train_days for p in misses],
                        notes=[_note(p, curve) for p in misses], color=MARKER_COLOR,
                        symbol="x", line=False, symbol_size=14, legend=bool(misses))
        self.set_reference(series_name("this design", scenario), own.accelerators,
                           f"{scenario or 'this design'}: {own.accelerators:,}",
                           height=label_height(0.55, index))
        self._describe()

    def clear(self, scenario: str = "") -> None:
        if self._scenarios.pop(scenario, None) is None:
            return
        for kind in KINDS:
            self.clear_series(series_name(kind, scenario))
        self.set_reference(series_name("this design", scenario), None)
        self._describe()

    def _describe(self) -> None:
        if not self._scenarios:
            return
        curve = next(iter(self._scenarios.values()))
        block = curve.block
        counts = [p.replicas for p in curve.points]
        self.set_caption(self.tr("{block} × {low} to {high} (the design has {replicas}); same "
                                 "model, tokens and batch").format(
            block=block.label, low=f"{min(counts):,}", high=f"{max(counts):,}",
            replicas=f"{block.replicas:,}"))
        missing = [p for c in self._scenarios.values() for p in c.points if p.estimate is None]
        self.set_note("; ".join(f"{p.accelerators:,}: {p.reason.split(':')[0]}"
                                for p in missing) if missing else
                      self.tr("Fixed data parallelism scales with the block; everything else "
                              "stays."))


def _note(point: ScalingPoint, curve: ScalingCurve) -> str:
    e = point.estimate
    assert e is not None
    own = " (this design)" if point.replicas == curve.block.replicas else ""
    fits = "" if e.fits_in_memory else ", does not fit in memory"
    warn = f", {len(point.warnings)} topology warning(s)" if point.warnings else ""
    return (f"{point.accelerators:,} accelerators{own}: {e.time_to_train_days:,.1f} days, "
            f"MFU {e.mfu:.1%}, {configuration(e)}{fits}{warn}")
