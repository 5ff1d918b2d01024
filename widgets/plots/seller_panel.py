"""Both sides of one rental: the seller's margin against the price the buyer pays.

``set_curve(curve, scenario="")`` draws a
:class:`~engine.analysis.economics_curves.SellerCurve`: the margin per
accelerator-hour of the fleet against the discount (the share of the list
price paid, bottom axis; the rent the buyer pays per accelerator-hour, top
axis, at the shown design's list price), one line per share of hours sold
(the design's drawn wider), a ring where each line breaks even and a star
at the design's own discount. Another scenario draws only its own share
of hours sold, its name prefixed and in another dash style;
``clear(scenario)`` removes it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from engine.analysis.economics_curves import SellerCurve
from widgets.content.colors import MARKER_COLOR
from widgets.content.texts import translate
from widgets.plots.axes import ScaledAxis, format_number
from widgets.plots.base import PlotPanel
from widgets.plots.style import LINE_WIDTH, faint, scenario_dash, series_color

SHOWN_WIDTH = LINE_WIDTH * 1.8


def series_name(kind: str, scenario: str = "") -> str:
    return f"{scenario} · {kind}" if scenario else kind


def sold(utilisation: float) -> str:
    return f"{utilisation:.0%} sold"


class SellerPanel(PlotPanel):
    """The seller's margin against the discount, by hours sold (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Discount (% of the list price paid)"),
                         QT_TRANSLATE_NOOP("Plots", "Margin per hour"),
                         axes={"top": ScaledAxis("top")}, parent=parent)
        self.plot.showAxis("top")
        zero = pg.InfiniteLine(pos=0.0, angle=0, movable=False,
                               pen=pg.mkPen(faint(self.palette()), width=1.5))
        self.plot.addItem(zero)        # in view: the margin's sign is the question
        self._scenarios: dict[str, SellerCurve] = {}
        self._names: dict[str, list[str]] = {}

    def set_curve(self, curve: SellerCurve, scenario: str = "") -> None:
        self._scenarios[scenario] = curve
        index = list(self._scenarios).index(scenario)
        money = f" {curve.currency}"
        before, names = self._names.get(scenario, []), []
        x = 100 * curve.discounts
        for color, (u, margins) in enumerate(curve.margins.items()):
            if scenario and u != curve.utilisation:
                continue
            name = series_name(sold(u), scenario)
            names.append(name)
            self.set_series(name, x, margins, color=series_color(color),
                            dash=scenario_dash(index),
                            width=SHOWN_WIDTH if u == curve.utilisation else LINE_WIDTH,
                            notes=lambda i, n=name, m=margins: f"{n}, {x[i]:.0f}% of list: "
                            f"{format_number(m[i])}{money} per accelerator-hour")
        evens = [(u, d) for u, d in curve.break_even.items() if d <= curve.discounts[-1]
                 and (u == curve.utilisation or not scenario)]
        names.append(series_name("break-even", scenario))
        self.set_series(names[-1], [100 * d for _, d in evens], [0.0] * len(evens),
                        color=MARKER_COLOR, symbol="o", line=False, legend=False,
                        symbol_size=9, notes=[f"{series_name(sold(u), scenario)} breaks even "
                                              f"at {d:.0%} of list" for u, d in evens])
        discount, margin = curve.design_point
        names.append(series_name("the design", scenario))
        self.set_series(names[-1], [100 * discount], [margin], color=MARKER_COLOR,
                        symbol="star", line=False, symbol_size=18, legend=False,
                        notes=[_design_text(curve, scenario)])
        for gone in set(before) - set(names):      # hours sold the design no longer has
            self.clear_series(gone)
        self._names[scenario] = names
        self.set_axis_title("left", self.tr("Margin per hour ({currency})").format(
            currency=curve.currency))
        if scenario and len(self._scenarios) > 1:     # the words are the design's own
            return
        top = self.plot.getAxis("top")
        top.set_scale(curve.list_price / 100)
        whose = f"{scenario}: " if scenario else ""
        self.set_axis_title("top", self.tr("The buyer pays ({currency} per hour; {whose}list "
                                           "{price})").format(
            currency=curve.currency, whose=whose, price=format_number(curve.list_price)))
        self.set_caption(self.tr("The seller's margin per accelerator-hour, sold or not; "
                                 "rings: break-even"))
        self.set_note(_design_text(curve, scenario))

    def clear(self, scenario: str = "") -> None:
        if self._scenarios.pop(scenario, None) is None:
            return
        for name in self._names.pop(scenario, []):
            self.clear_series(name)


def _design_text(curve: SellerCurve, scenario: str) -> str:
    """The design's point in words, both sides: what the buyer pays, what the seller keeps."""
    discount, margin = curve.design_point
    even = curve.break_even[curve.utilisation]
    hours = curve.break_even_utilisation
    pays = (translate("SellerPanel", "breaks even at {share:.0%} of list").format(share=even)
            if even <= 1 else
            translate("SellerPanel", "no discount pays (it would need {share:.0%} of list)").format(
                share=even))
    needs = (translate("SellerPanel", "; at this price it needs {share:.0%} of hours sold").format(
                 share=hours) if hours is not None
             else translate("SellerPanel", "; a sold hour does not even pay its energy"))
    text = translate("SellerPanel", "The buyer pays {paid} {currency} per accelerator-hour "
              "({discount:.0%} of list); with {sold}, the seller earns {margin} {currency} per "
              "accelerator-hour and {pays}{needs}.") if margin >= 0 else \
        translate("SellerPanel", "The buyer pays {paid} {currency} per accelerator-hour "
           "({discount:.0%} of list); with {sold}, the seller loses {margin} {currency} per "
           "accelerator-hour and {pays}{needs}.")
    said = text.format(paid=format_number(curve.list_price * discount),
                       currency=curve.currency, discount=discount,
                       sold=translate("SellerPanel", "{share:.0%} of hours sold").format(
                           share=curve.utilisation), margin=format_number(abs(margin)),
                       pays=pays, needs=needs)
    return f"{scenario}: {said}" if scenario else said

