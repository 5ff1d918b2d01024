"""The comparison dock and the presentation, fed by a background comparison of the scenarios.

The comparison is the pipeline's comparison stage
(:mod:`workbench.analysis.live_stages`): enabled only while someone looks
at it (the dock is visible, the presentation is open, or the panels overlay
the other scenarios), it follows each live evaluation, newest result first,
and catches up when looked at. Choosing another reference for the
differences, or another scenario on the canvas, redraws the last result
without computing again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from engine.compare import Comparison
from widgets.comparison_view import ComparisonView
from widgets.language import follow_language
from widgets.presentation import PresentationWindow
from workbench.analysis.pipeline import AnalysisPipeline, Done
from workbench.comparison.rows import bar_charts, comparison_table
from workbench.document.document import Document

if TYPE_CHECKING:          # the panel asks a live evaluator to flush; it makes none
    from workbench.analysis.live_evaluation import LiveEvaluator


class ComparisonPanel(QObject):
    """Shows every scenario side by side, in the dock and full screen."""

    #: Show scenario ``index`` on the canvas (a column header was double-clicked).
    scenario_requested = Signal(int)

    def __init__(self, document: Document, live: LiveEvaluator, pipeline: AnalysisPipeline,
                 view: ComparisonView, title: Callable[[], str],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self.view = view
        self._title = title
        self._visible = False
        self._overlaid = False
        self.presentation: PresentationWindow | None = None
        self._live, self._pipeline = live, pipeline
        self._lane = pipeline.lane("comparison")
        self._lane.answered.connect(self._on_evaluated)
        self._lane.requested.connect(lambda: self.view.set_status(self.tr("Comparing…")))
        self._follow()
        follow_language(self, self._show)
        view.relative_to_changed.connect(lambda _: self._show())
        view.column_activated.connect(self.scenario_requested)
        view.present_requested.connect(self.present)
        document.active_scenario_changed.connect(lambda _: self._show())

    def latest(self) -> Comparison | None:
        done = self._lane.latest
        return done.value if done is not None and isinstance(done.value, Comparison) else None

    def set_visible(self, visible: bool) -> None:
        """The dock was shown or hidden."""
        self._visible = visible
        self._follow()

    def set_overlaid(self, overlaid: bool) -> None:
        """The panels overlay the other scenarios: compare even while nobody looks here."""
        self._overlaid = overlaid
        self._follow()

    def present(self) -> PresentationWindow:
        """The comparison full screen on the workbench's screen, until Esc."""
        if self.presentation is None:
            # a child of the view, so it is deleted with the window
            self.presentation = PresentationWindow(self._title(), self.view)
            self.presentation.closed.connect(self._on_presentation_closed)
        show = self.presentation
        self._follow()
        self._show()
        screen = self.view.window().screen()       # the screen the workbench is on
        show.setScreen(screen)
        show.setGeometry(screen.geometry())        # some window managers start from it
        show.showFullScreen()
        show.activateWindow()
        return show

    def _follow(self) -> None:
        following = self._visible or self._overlaid or self.presentation is not None
        if following:
            self._live.flush()              # compare the scenarios as they are now
        self._pipeline.set_enabled("comparison", following)

    def _on_presentation_closed(self) -> None:
        if self.presentation is not None:
            self.presentation.deleteLater()
            self.presentation = None
        self._follow()

    def _on_evaluated(self, done: Done) -> None:
        if isinstance(done.value, Comparison):
            count, ms = len(done.value.rows), done.seconds * 1e3
            self.view.set_status(
                self.tr("1 scenario compared in {ms:.0f} ms").format(ms=ms) if count == 1
                else self.tr("{n} scenarios compared in {ms:.0f} ms").format(n=count, ms=ms))
        else:
            self.view.set_status(done.value)
        self._show()

    def _show(self) -> None:
        result = self.latest()
        if result is None:
            return
        table = comparison_table(result, self._doc.active_scenario, self.view.reference())
        charts = bar_charts(result)
        self.view.show_comparison(table, charts)
        if self.presentation is not None:
            self.presentation.set_title(self._title())
            self.presentation.show_comparison(table, charts)
