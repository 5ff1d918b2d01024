"""The comparison dock and the presentation, fed by a background comparison of the scenarios.

The comparison is computed only while someone looks at it (the dock is
visible, the presentation is open, or the panels overlay the other
scenarios), after each live evaluation, newest result first
(:class:`~workbench.comparison.evaluator.ComparisonEvaluator`). Choosing another
reference for the differences, or another scenario on the canvas, redraws
the last result without computing again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from engine.compare import Comparison
from widgets.comparison_view import ComparisonView
from widgets.presentation import PresentationWindow
from workbench.analysis.live_evaluation import LiveEvaluator
from workbench.comparison.evaluator import ComparisonEvaluator, ComparisonResult
from workbench.comparison.rows import bar_charts, comparison_table
from workbench.document.document import Document


class ComparisonPanel(QObject):
    """Shows every scenario side by side, in the dock and full screen."""

    #: Show scenario ``index`` on the canvas (a column header was double-clicked).
    scenario_requested = Signal(int)

    def __init__(self, document: Document, live: LiveEvaluator, view: ComparisonView,
                 title: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self.view = view
        self._title = title
        self._visible = False
        self._overlaid = False
        self.presentation: PresentationWindow | None = None
        self.evaluator = ComparisonEvaluator(document, live, self)
        self.evaluator.evaluated.connect(self._on_evaluated)
        self.evaluator.pending_changed.connect(self._on_pending_changed)
        view.relative_to_changed.connect(lambda _: self._show())
        view.column_activated.connect(self.scenario_requested)
        view.present_requested.connect(self.present)
        document.active_scenario_changed.connect(lambda _: self._show())

    def latest(self) -> Comparison | None:
        result = self.evaluator.latest
        return result.comparison if result is not None \
            and isinstance(result.comparison, Comparison) else None

    def set_visible(self, visible: bool) -> None:
        """The dock was shown or hidden."""
        self._visible = visible
        self._follow()

    def set_overlaid(self, overlaid: bool) -> None:
        """The panels overlay the other scenarios: compare even while nobody looks here."""
        self._overlaid = overlaid
        self._follow()

    def present(self) -> PresentationWindow:
        """The comparison full screen, until Esc."""
        if self.presentation is None:
            # a child of the view, so it is deleted with the window
            self.presentation = PresentationWindow(self._title(), self.view)
            self.presentation.closed.connect(self._on_presentation_closed)
        show = self.presentation
        self._follow()
        self._show()
        show.showFullScreen()
        show.activateWindow()
        return show

    def _follow(self) -> None:
        self.evaluator.set_following(self._visible or self._overlaid
                                     or self.presentation is not None)

    def _on_presentation_closed(self) -> None:
        if self.presentation is not None:
            self.presentation.deleteLater()
            self.presentation = None
        self._follow()

    def _on_evaluated(self, result: ComparisonResult) -> None:
        if isinstance(result.comparison, Comparison):
            count = len(result.comparison.rows)
            self.view.set_status(f"{count} scenario{'s' * (count != 1)} compared in "
                                 f"{result.seconds * 1e3:.0f} ms")
        else:
            self.view.set_status(result.comparison)
        self._show()

    def _on_pending_changed(self, pending: bool) -> None:
        if pending:
            self.view.set_status("Comparing…")

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
