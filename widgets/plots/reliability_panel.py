"""Goodput and time lost against the checkpoint interval, the chosen interval marked.

``set_curve(curve, scenario="")`` draws a
:class:`~engine.analysis.checkpoint_curve.CheckpointCurve`: goodput
(percent, left axis) and the days a run loses to failures (right axis)
against the interval between checkpoints (log scale), a star at the
interval the design uses (Young's optimum unless set) and a line at Young's
interval. Scenarios prefix series names and take another dash style;
``clear(scenario)`` removes them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from engine.analysis.checkpoint_curve import CheckpointCurve
from widgets.content.colors import MARKER_COLOR
from widgets.plots.base import PlotPanel
from widgets.plots.style import label_height, scenario_dash, series_color

KINDS = (QT_TRANSLATE_NOOP("Plots", "goodput"), QT_TRANSLATE_NOOP("Plots", "days lost"),
         QT_TRANSLATE_NOOP("Plots", "chosen interval"))


def minutes(value: float) -> str:
    return f"{value:.3g} min" if value < 600 else f"{value / 60:.3g} h"


def series_name(kind: str, scenario: str = "") -> str:
    return f"{scenario} · {kind}" if scenario else kind


class ReliabilityPanel(PlotPanel):
    """Goodput against checkpoint interval (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Checkpoint interval"),
                         QT_TRANSLATE_NOOP("Plots", "Goodput (%)"),
                         right_label=QT_TRANSLATE_NOOP("Plots", "Time lost per run (days)"),
                         log_x=minutes, parent=parent)
        self._scenarios: dict[str, CheckpointCurve] = {}

    def set_curve(self, curve: CheckpointCurve, scenario: str = "") -> None:
        self._scenarios[scenario] = curve
        index = list(self._scenarios).index(scenario)
        dash = scenario_dash(index)
        lost = curve.time_lost_days

        def notes(i: int) -> str:
            days = f", {lost[i]:,.1f} days lost per run" if lost is not None else ""
            return f"every {minutes(curve.interval_min[i])}: goodput {curve.goodput[i]:.2%}{days}"
        self.set_series(series_name("goodput", scenario), curve.interval_min,
                        100 * curve.goodput, notes=notes, color=series_color(0), dash=dash)
        self.set_series(series_name("days lost", scenario),
                        curve.interval_min if lost is not None else [],
                        lost if lost is not None else [], notes=notes,
                        color=series_color(1), dash=dash, axis="right")
        self.set_series(series_name("chosen interval", scenario), [curve.chosen_interval_min],
                        [100 * curve.chosen_goodput], color=MARKER_COLOR, symbol="star",
                        line=False, symbol_size=18,
                        notes=[f"{series_name('chosen interval', scenario)}: every "
                               f"{minutes(curve.chosen_interval_min)}, goodput "
                               f"{curve.chosen_goodput:.2%}"])
        self.set_reference(series_name("Young's interval", scenario), curve.young_interval_min,
                           f"{series_name('Young', scenario)}: "
                           f"{minutes(curve.young_interval_min)}",
                           height=label_height(0.5, index))
        if scenario and len(self._scenarios) > 1:     # the words are the design's own
            return
        self.set_caption(self.tr("Daly's model at the design's failure rate, checkpoint write "
                                 "time and restart time"))
        self.set_note(self.tr("Checkpointing every {interval} keeps {share:.1%} of the time for "
                              "training (Young's optimum {young}).").format(
            interval=minutes(curve.chosen_interval_min), share=curve.chosen_goodput,
            young=minutes(curve.young_interval_min)))

    def clear(self, scenario: str = "") -> None:
        if self._scenarios.pop(scenario, None) is None:
            return
        for kind in KINDS:
            self.clear_series(series_name(kind, scenario))
        self.set_reference(series_name("Young's interval", scenario), None)
