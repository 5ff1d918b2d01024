"""What each way of paying has cost by each month of the plan, owning's break-even marked.

``set_curve(curve, scenario="")`` draws a
:class:`~engine.analysis.economics_curves.CostOverTime` on the calendar:
the cumulative cost of buying, renting, renting until the bought servers
arrive, and buying then renting the capacity out, each way in its own
colour (the way the plan chose drawn wider), and a line at the month owning
beats renting under the price path. Scenarios prefix series names and take
another dash style, so plans that start in different months line up;
``clear(scenario)`` removes them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from engine.analysis.economics_curves import CostOverTime
from engine.plan.settings import STRATEGIES
from widgets.content.colors import MARKER_COLOR
from widgets.content.texts import translate
from widgets.plots.axes import MonthAxis, SuffixAxis, format_number
from widgets.plots.base import PlotPanel
from widgets.plots.style import LINE_WIDTH, label_height, scenario_dash, series_color

CHOSEN_WIDTH = LINE_WIDTH * 1.8
CROSSING = QT_TRANSLATE_NOOP("Plots", "owning wins")
#: The ways of paying (engine.plan.settings.STRATEGIES) as legends and captions name them.
WAYS = (QT_TRANSLATE_NOOP("Plots", "buy"), QT_TRANSLATE_NOOP("Plots", "rent"),
        QT_TRANSLATE_NOOP("Plots", "rent-then-buy"), QT_TRANSLATE_NOOP("Plots", "buy-then-sell"))


def series_name(kind: str, scenario: str = "") -> str:
    return f"{scenario} · {kind}" if scenario else kind


class CostOverTimePanel(PlotPanel):
    """Cumulative cost of each way of paying by month-end (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Month (cumulative by its end)"),
                         QT_TRANSLATE_NOOP("Plots", "Cumulative cost"),
                         axes={"left": SuffixAxis("left"), "bottom": MonthAxis("bottom")},
                         parent=parent)        # not from zero: selling capacity can earn more
        self._scenarios: dict[str, CostOverTime] = {}

    def set_curve(self, curve: CostOverTime, scenario: str = "") -> None:
        self._scenarios[scenario] = curve
        index = list(self._scenarios).index(scenario)
        money = f" {curve.currency}"
        for color, way in enumerate(STRATEGIES):
            name = series_name(way, scenario)
            values = curve.ways.get(way)
            if values is None:
                self.clear_series(name)
                continue
            self.set_series(name, curve.calendar, values, color=series_color(color),
                            dash=scenario_dash(index),
                            width=CHOSEN_WIDTH if way == curve.chosen else LINE_WIDTH,
                            notes=lambda i, n=name, v=values: f"{n} by the end of "
                            f"{curve.labels[i]}: {format_number(v[i])}{money}")
        crossing = curve.owning_beats_renting
        self.set_reference(series_name(CROSSING, scenario),
                           None if crossing is None else curve.calendar[crossing],
                           f"{series_name(CROSSING, scenario)} {curve.labels[crossing]}"
                           if crossing is not None else "", MARKER_COLOR,
                           height=label_height(0.92, index))
        self.set_axis_title("left", QCoreApplication.translate(
            "BuyRentView", "Cumulative cost ({currency})").format(currency=curve.currency))
        if scenario and len(self._scenarios) > 1:     # the words are the design's own
            return
        self.set_caption(self.tr("Each way of paying from {start} at the plan's prices; the "
                                 "plan's own: {chosen}").format(
            start=curve.labels[0], chosen=QCoreApplication.translate("Plots", curve.chosen)))
        self.set_note(_note(curve))

    def clear(self, scenario: str = "") -> None:
        if self._scenarios.pop(scenario, None) is None:
            return
        for way in STRATEGIES:
            self.clear_series(series_name(way, scenario))
        self.set_reference(series_name(CROSSING, scenario), None)


def _note(curve: CostOverTime) -> str:
    """When training is done, when owning pays, and why a way of paying is missing."""
    crossing = curve.owning_beats_renting
    pays = (translate("CostOverTimePanel", "owning beats renting by the end of {month}").format(
                month=curve.labels[crossing]) if crossing is not None else
            translate("CostOverTimePanel", "renting costs less than owning all through the plan")
            if "rent" in curve.ways
            else translate("CostOverTimePanel", "no rent to weigh owning against"))
    ways: dict[str, list[str]] = {}
    for way, why in curve.unavailable.items():
        if way in STRATEGIES:
            ways.setdefault(why, []).append(way)
    missing = "; ".join(f"{', '.join(names)}: {why}" for why, names in ways.items())
    return translate("CostOverTimePanel", "Training done {date} ({chosen}); {pays}.").format(
        date=curve.finish_date, chosen=QCoreApplication.translate("Plots", curve.chosen),
        pays=pays) + (
        translate("CostOverTimePanel", " Not drawn: {missing}").format(missing=missing)
        if missing else "")
