"""What the design costs: owning against renting over the months, and a run's bill by part.

Two views side by side, each with its own export. ``set_buy_rent(curve,
scenario="")`` draws a :class:`~engine.analysis.cost_curves.BuyRentCurve`:
cumulative cost of owning ("buy") and renting ("rent"), the break-even
marked; ``set_run_cost(run, scenario="")`` a
:class:`~engine.analysis.cost_curves.RunCost` as a stacked bar (a row per
scenario). Scenarios prefix series names ("<scenario> · buy") and take
another dash style; ``clear(scenario)`` removes them from both views.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from engine.analysis.cost_curves import BuyRentCurve, RunCost
from widgets.content.colors import MARKER_COLOR
from widgets.content.texts import engine_text
from widgets.plots.axes import SuffixAxis, format_number
from widgets.plots.bars import BarsPanel
from widgets.plots.base import PlotPanel
from widgets.plots.style import label_height, scenario_dash, series_color

BASES = (QT_TRANSLATE_NOOP("Plots", "buy"), QT_TRANSLATE_NOOP("Plots", "rent"))
BREAK_EVEN = QT_TRANSLATE_NOOP("Plots", "break-even")


def series_name(kind: str, scenario: str = "") -> str:
    return f"{scenario} · {kind}" if scenario else kind


class BuyRentView(PlotPanel):
    """Cumulative cost of owning and of renting, month by month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Months of full use"),
                         QT_TRANSLATE_NOOP("Plots", "Cumulative cost"),
                         axes={"left": SuffixAxis("left")}, zero_based=True, parent=parent)
        self._scenarios: dict[str, BuyRentCurve] = {}

    def set_curve(self, curve: BuyRentCurve, scenario: str = "") -> None:
        self._scenarios[scenario] = curve
        index = list(self._scenarios).index(scenario)
        dash = scenario_dash(index)
        money = f" {curve.currency}"
        for index, (kind, values) in enumerate((("buy", curve.buy), ("rent", curve.rent))):
            name = series_name(kind, scenario)
            self.set_series(name, curve.months, values, color=series_color(index), dash=dash,
                            notes=lambda i, n=name, v=values: f"{n} after {curve.months[i]:,.1f} "
                            f"months: {format_number(v[i])}{money}")
        even = curve.break_even_months
        at = [] if even is None else [even]
        cost = [] if curve.break_even_cost is None else [curve.break_even_cost]
        self.set_series(series_name(BREAK_EVEN, scenario), at, cost, color=MARKER_COLOR,
                        symbol="o", line=False, symbol_size=11, legend=False,
                        notes=[f"{series_name('break-even', scenario)}: {m:,.1f} months, "
                               f"{format_number(c)}{money} either way"
                               for m, c in zip(at, cost, strict=True)])
        self.set_reference(series_name(BREAK_EVEN, scenario), even,
                           f"{series_name('break-even', scenario)} {even:,.0f} months"
                           if even is not None else "", MARKER_COLOR,
                           height=label_height(0.92, index))
        self.set_axis_title("left", self.tr("Cumulative cost ({currency})").format(
            currency=curve.currency))
        if scenario and len(self._scenarios) > 1:     # the words are the design's own
            return
        self.set_caption(self.tr("Owning (capex, then energy) against renting {n} "
                                 "accelerators").format(n=f"{curve.accelerators:,}"))
        self.set_note(self.tr("Owning pays off after {months} months of full use.").format(
                          months=f"{even:,.1f}") if even is not None else
                      self.tr("Renting never costs more than the energy of owning: no "
                              "break-even."))

    def clear(self, scenario: str = "") -> None:
        if self._scenarios.pop(scenario, None) is None:
            return
        for kind in (*BASES, BREAK_EVEN):
            self.clear_series(series_name(kind, scenario))
        self.set_reference(series_name(BREAK_EVEN, scenario), None)


class RunCostView(BarsPanel):
    """A run's cost by what the accelerator-hour pays for, failures' share included."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Cost per run"), format_number,
                         axes={"bottom": SuffixAxis("bottom")},
                         parent=parent)

    def set_run(self, run: RunCost, scenario: str = "") -> None:
        label = f"{scenario}: {run.basis}" if scenario else run.basis
        self.set_row(scenario, list(run.parts), label)
        self.set_axis_title("bottom", self.tr("Cost per run ({currency})").format(
            currency=run.currency))
        if scenario and len(self.bars.rows()) > 1:     # the words are the design's own
            return
        with_failures = self.tr(", {cost} {currency} with failures").format(
            cost=format_number(run.with_failures), currency=run.currency) \
            if run.with_failures is not None else ""
        self.set_caption(self.tr("One training run, bought hardware") if run.basis == "buy"
                         else self.tr("One training run, rented hardware"))
        self.set_note(self.tr("{cost} {currency} per run{with_failures}; basis: {basis} "
                              "(cost.basis).").format(
            cost=format_number(run.cost_per_run), currency=run.currency,
            with_failures=with_failures,
            basis=engine_text("bought" if run.basis == "buy" else "rented")))

    def clear(self, scenario: str = "") -> None:
        self.remove_row(scenario)


class CostPanel(QWidget):
    """Both cost views, side by side (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buy_rent = BuyRentView()
        self.run_cost = RunCostView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.buy_rent)
        splitter.addWidget(self.run_cost)
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def set_buy_rent(self, curve: BuyRentCurve, scenario: str = "") -> None:
        self.buy_rent.set_curve(curve, scenario)

    def set_run_cost(self, run: RunCost, scenario: str = "") -> None:
        self.run_cost.set_run(run, scenario)

    def clear(self, scenario: str = "") -> None:
        self.buy_rent.clear(scenario)
        self.run_cost.clear(scenario)
