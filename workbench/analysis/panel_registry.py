"""The analysis panels, each declared once: its title, its widget, what feeds it, where it
sits and what the report shows of it.

The window's docks and their layout, the live feeding of each panel, the
other scenarios' overlays and the report's pictures all loop over
:data:`PANELS`. A panel is a widget (in :mod:`widgets.plots` or beside it)
fed by one or more :class:`Feed` s: the pipeline lane whose answer carries
its numbers and the part of that answer it draws. A new panel is its widget
module and one entry here (or ``PANELS.registered(spec)`` for a while, in a
test).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from engine.training import TRAINING
from widgets.content.texts import engine_text
from widgets.plots.bandwidth_panel import BandwidthPanel
from widgets.plots.base import PlotPanel
from widgets.plots.breakdown_panel import BreakdownPanel
from widgets.plots.cost_panel import BuyRentView, CostPanel, RunCostView
from widgets.plots.cost_time_panel import CostOverTimePanel
from widgets.plots.memory_panel import MemoryPanel
from widgets.plots.reliability_panel import ReliabilityPanel
from widgets.plots.scaling_panel import ScalingPanel
from widgets.plots.seller_panel import SellerPanel
from widgets.plots.serving_panel import ServingPanel
from widgets.search_table import SearchTable
from workbench.analysis.facts import Facts

#: The pipeline's lanes whose answers the panels draw, in the order they arrive.
LANES = ("evaluation", "curves", "exploration")
#: The scenario name of the open design's own series (the others are drawn under theirs).
DESIGN = ""


@dataclass(frozen=True)
class Feed:
    """One thing a panel draws: ``part`` of the ``lane``'s answer, handed to
    ``show(target, value, scenario)`` where ``target`` is the panel (or the view of it
    ``at`` picks). The target clears a scenario with ``clear(scenario)`` and says why a
    part is missing with ``set_message(text)``. ``overlaid``: the other scenarios' values
    are drawn too; ``pick`` replaces the plain lookup of ``part``."""

    lane: str
    part: str
    show: Callable[[Any, Any, str], None]
    at: Callable[[Any], Any] = lambda panel: panel
    overlaid: bool = True
    pick: Callable[[Facts], Any | None] | None = None

    def value(self, facts: Facts) -> Any | None:
        return self.pick(facts) if self.pick else facts.value(self.lane, self.part)


@dataclass(frozen=True)
class Picture:
    """One plot of a panel as the report shows it (and as File > Export saves it); title and
    caption are source texts of context "Panels"."""

    title: str
    caption: str
    plot: Callable[[Any], PlotPanel] = lambda panel: panel


@dataclass(frozen=True)
class PanelSpec:
    """An analysis panel: its dock's object name (``<name>-dock``) and title, how to make
    its widget, what feeds it, its default tab group along the bottom (0 is leftmost), its
    share of a row when every panel is in view, and its pictures in the report."""

    name: str
    title: str
    make: Callable[[], QWidget]
    feeds: tuple[Feed, ...]
    group: int
    width: int = 1
    pictures: tuple[Picture, ...] = ()


class PanelRegistry:
    """The panels the window docks and the report draws, in dock order."""

    def __init__(self, built_in: tuple[PanelSpec, ...] = ()) -> None:
        self._panels: list[PanelSpec] = list(built_in)

    def __iter__(self) -> Iterator[PanelSpec]:
        return iter(tuple(self._panels))

    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self._panels)

    @contextmanager
    def registered(self, spec: PanelSpec) -> Iterator[PanelSpec]:
        """``spec`` docked after the others for the ``with`` block (tests, experiments)."""
        if spec.name in self.names():
            raise ValueError(f"a panel named {spec.name!r} is registered already")
        self._panels.append(spec)
        try:
            yield spec
        finally:
            self._panels.remove(spec)


def _show_search(table: SearchTable, found: tuple[Any, Any], scenario: str) -> None:
    table.set_result(*found)


def _search_and_current(facts: Facts) -> tuple[Any, Any] | None:
    """The search result with the configuration the evaluation chose, for the table."""
    search = facts.value("exploration", "search")
    if search is None:
        return None
    training = facts.value("evaluation", TRAINING.name)
    return search, training.parallelism if training else None


PANELS = PanelRegistry((
    PanelSpec("bandwidth", QT_TRANSLATE_NOOP("Panels", "Collective Bandwidth"), BandwidthPanel,
              (Feed("curves", "bandwidth", BandwidthPanel.set_curves),), group=0,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "Collective bus bandwidth against message size"),
                  QT_TRANSLATE_NOOP("Panels", "nccl-tests busbw over every accelerator of each "
                                              "design; diamonds where the limit changes")),)),
    PanelSpec("scaling", QT_TRANSLATE_NOOP("Panels", "Scaling"), ScalingPanel,
              (Feed("exploration", "scaling", ScalingPanel.set_curve),), group=0,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "Scaling: each design's block replicated"),
                  QT_TRANSLATE_NOOP("Panels", "time to train (left) and MFU (right); stars at "
                                              "the designs as drawn")),)),
    PanelSpec("search", QT_TRANSLATE_NOOP("Panels", "Parallel Configurations"), SearchTable,
              (Feed("exploration", "search", _show_search, overlaid=False,
                    pick=_search_and_current),), group=0, width=2),
    PanelSpec("breakdown", QT_TRANSLATE_NOOP("Panels", "Iteration Time"), BreakdownPanel,
              (Feed("evaluation", TRAINING.name, BreakdownPanel.set_estimate),), group=1,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "Where an iteration's time goes"),
                  QT_TRANSLATE_NOOP("Panels", "each design's best configuration: compute, "
                                              "bubble, communication nothing hides, "
                                              "optimizer")),)),
    PanelSpec("memory", QT_TRANSLATE_NOOP("Panels", "Memory per GPU"), MemoryPanel,
              (Feed("evaluation", TRAINING.name, MemoryPanel.set_estimate),), group=1,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "Memory per GPU"),
                  QT_TRANSLATE_NOOP("Panels", "fullest pipeline stage of each design; red "
                                              "ticks at each card's capacity")),)),
    PanelSpec("serving", QT_TRANSLATE_NOOP("Panels", "Serving"), ServingPanel,
              (Feed("exploration", "serving", ServingPanel.set_curve),), group=1,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "Serving: throughput per GPU against speed per "
                                              "user"),
                  QT_TRANSLATE_NOOP("Panels", "the serving search's ranked configurations, the "
                                              "frontier no other beats on both, stars at the "
                                              "designs' own")),)),
    PanelSpec("cost", QT_TRANSLATE_NOOP("Panels", "Cost"), CostPanel,
              (Feed("curves", "buy_rent", BuyRentView.set_curve, at=lambda p: p.buy_rent),
               Feed("curves", "run_cost", RunCostView.set_run, at=lambda p: p.run_cost)),
              group=2, width=2,
              pictures=(Picture(QT_TRANSLATE_NOOP("Panels", "Owning against renting"),
                                QT_TRANSLATE_NOOP("Panels", "cumulative cost month by month "
                                                            "of full use"),
                                lambda p: p.buy_rent),
                        Picture(QT_TRANSLATE_NOOP("Panels", "What one run costs"),
                                QT_TRANSLATE_NOOP("Panels", "each design's run by what it "
                                                            "pays for"),
                                lambda p: p.run_cost))),
    PanelSpec("reliability", QT_TRANSLATE_NOOP("Panels", "Reliability"), ReliabilityPanel,
              (Feed("curves", "checkpoints", ReliabilityPanel.set_curve),), group=2,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "Goodput against the checkpoint interval"),
                  QT_TRANSLATE_NOOP("Panels", "Daly's model at each design's failure rate; "
                                              "stars at the intervals used")),)),
    PanelSpec("cost-over-time", QT_TRANSLATE_NOOP("Panels", "Cost over Time"),
              CostOverTimePanel,
              (Feed("curves", "cost_over_time", CostOverTimePanel.set_curve),), group=2,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "Cost over time under each plan"),
                  QT_TRANSLATE_NOOP("Panels", "cumulative cost of buying, renting and the "
                                              "plan's phases by month, at the dated prices; "
                                              "the month owning beats renting marked")),)),
    PanelSpec("seller", QT_TRANSLATE_NOOP("Panels", "Seller"), SellerPanel,
              (Feed("curves", "seller", SellerPanel.set_curve),), group=2,
              pictures=(Picture(
                  QT_TRANSLATE_NOOP("Panels", "The seller: margin against the discount"),
                  QT_TRANSLATE_NOOP("Panels", "margin per accelerator-hour of the fleet by "
                                              "share of hours sold; rings at the break-even "
                                              "discounts, stars at each design's own")),)),
))


class PanelSet:
    """One widget of each panel registered when it is made, by name (the window's, or a
    report's drawn offscreen)."""

    def __init__(self) -> None:
        self.specs = tuple(PANELS)
        self.widgets: dict[str, QWidget] = {spec.name: spec.make() for spec in self.specs}

    def __getitem__(self, name: str) -> Any:
        return self.widgets[name]

    def show(self, facts: Facts, scenario: str, lane: str | None = None,
             overlay: bool = False) -> None:
        """Each feed of ``lane`` (every lane when None) drawn from ``facts`` under
        ``scenario``; a missing part is cleared, and the shown design's reason shown."""
        for spec, feed in self._feeds():
            if (lane and feed.lane != lane) or (overlay and not feed.overlaid):
                continue
            target = feed.at(self.widgets[spec.name])
            value = feed.value(facts)
            if value is not None:
                feed.show(target, value, scenario)
            elif overlay:
                target.clear(scenario)
            else:
                if feed.overlaid:            # none of its old series under other scenarios'
                    target.clear(scenario)
                target.set_message(engine_text(facts.reason(feed.lane, feed.part)))

    def clear(self, scenario: str) -> None:
        """A scenario's bars and curves out of every panel it can be overlaid in."""
        for spec, feed in self._feeds():
            if feed.overlaid:
                feed.at(self.widgets[spec.name]).clear(scenario)

    def plots(self) -> Iterator[tuple[Picture, PlotPanel]]:
        """Each panel's pictures with the plot each draws, in dock order."""
        for spec in self.specs:
            for picture in spec.pictures:
                yield picture, picture.plot(self.widgets[spec.name])

    def _feeds(self) -> Iterator[tuple[PanelSpec, Feed]]:
        return ((spec, feed) for spec in self.specs for feed in spec.feeds)
