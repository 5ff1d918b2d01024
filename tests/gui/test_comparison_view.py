"""The comparison view: the engine's numbers with the best marked, computed in the background
while it is shown, an older comparison never over a newer one, and the presentation."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from engine.compare import BEST, compare, figures_asked
from engine.evaluate import evaluate
from engine.layout import load_design
from tests.conftest import ROOT
from workbench.analysis.live_evaluation import LiveEvaluator
from workbench.analysis.live_stages import labelled, live_stages
from workbench.analysis.pipeline import AnalysisPipeline
from workbench.document.commands import RenameScenarioCommand, SettingsCommand
from workbench.document.document import Document

WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"


@pytest.fixture
def what_if(open_what_if, qtbot):
    window = open_what_if()
    window.show_comparison()
    qtbot.waitUntil(lambda: window.comparison.latest() is not None, timeout=20000)
    return window


def figure_rows(window) -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in window.comparison_view.table.cell_texts()}


def test_the_table_is_the_engines_comparison_with_the_best_marked(what_if):
    doc = what_if.document
    expected = compare(labelled(doc.scenarios), doc.catalog)
    rows = figure_rows(what_if)
    assert "Output tokens/s" not in rows, "no design serves: no serving rows"
    for spec in figures_asked(expected):
        assert rows[spec.label] == [r.figure(spec.key).text for r in expected.rows]
    marked = what_if.comparison_view.table.best_cells()
    assert marked == {(spec.label, design) for spec in figures_asked(expected)
                      for design in expected.best[spec.key]}
    assert ("Time to train", "H800 cluster") in marked
    assert ("Accelerators", "A800 cluster") not in marked      # neither better: never marked
    assert what_if.comparison_view.verdict.text().startswith("Fastest: H800 cluster")


def test_each_value_shows_its_band_and_a_row_says_when_no_winner_is_clear(what_if):
    doc = what_if.document
    expected = compare(labelled(doc.scenarios), doc.catalog)
    table = what_if.comparison_view.table
    labels = [row[0] for row in table.cell_texts()]
    for spec in figures_asked(expected):
        r = labels.index(spec.label)
        for c, row in enumerate(expected.rows, start=1):
            band = row.figure(spec.key).range_text
            assert (table.small_lines(r, c)[:1] == [band]) == bool(band), spec.label
        unclear = "no clear winner" in table.small_lines(r, 0)
        assert unclear == (spec.key in expected.unclear), spec.label
    assert expected.unclear, "the what-if example has rows whose best is not clear"
    assert "no clear winner" in what_if.comparison_view.caption.text()


def test_differences_follow_the_chosen_reference(what_if):
    table = what_if.comparison_view.table
    row = next(r for r in table.shown().rows if r.label == "Time to train")
    assert row.cells[0].change == ""                           # the base is the reference
    assert row.cells[2].change.startswith("+")
    assert row.cells[2].tone == "worse"
    view = what_if.comparison_view
    view.relative_to.setCurrentIndex(view.relative_to.findData(BEST))
    row = next(r for r in table.shown().rows if r.label == "Time to train")
    assert row.cells[1].change == ""                           # the best is the reference
    assert row.cells[0].change.startswith("+")
    assert "best of each row" in view.caption.text()


def test_an_edit_updates_the_comparison_without_evaluating_anything_again(what_if, qtbot):
    """The edited scenario's evaluation is the live one; the others are remembered."""
    evaluations = what_if.pipeline.lane("evaluation").stage.memo
    misses = evaluations.misses
    cost = what_if.document.design.cost
    what_if.document.push(lambda d: SettingsCommand(
        d, "cost", dataclasses.replace(cost, cny_per_usd=14.2)))
    qtbot.waitUntil(lambda: figure_rows(what_if)["Capex (buy)"][0] != "220 M CNY",
                    timeout=20000)
    assert evaluations.misses == misses


def test_a_hidden_comparison_computes_nothing_until_shown(open_what_if, qtbot):
    window = open_what_if()
    QApplication.processEvents()
    window.pipeline.wait()
    QApplication.processEvents()
    assert window.comparison.latest() is None
    window.scenario_actions.compare.trigger()
    qtbot.waitUntil(lambda: window.comparison.latest() is not None, timeout=20000)


def test_an_older_comparison_never_replaces_a_newer_one(qtbot, catalog):
    """The comparison of the scenarios as they were is held back until after the renamed
    ones have been shown: it must be dropped."""
    old_started, release_old, old_done = threading.Event(), threading.Event(), threading.Event()

    def slow_for_the_old_names(design, catalog):
        if design.name == "H20 cluster":
            old_started.set()
            release_old.wait(30)
            old_done.set()
        return evaluate(design, catalog)

    pipeline = AnalysisPipeline(live_stages(slow_for_the_old_names))
    doc = Document(catalog, load_design(str(WHAT_IF), catalog))
    live = LiveEvaluator(doc, pipeline)
    shown = []
    pipeline.lane("comparison").answered.connect(shown.append)
    live.evaluate_now()
    qtbot.waitUntil(old_started.is_set)                        # held back ...
    doc.push(lambda d: RenameScenarioCommand(d, 2, "H20, renamed"))    # ... when this runs
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    release_old.set()
    qtbot.waitUntil(old_done.is_set)
    pipeline.wait()
    QApplication.processEvents()
    assert [[r.design for r in done.value.rows] for done in shown] == \
        [["A800 cluster", "H800 cluster", "H20, renamed"]]
    assert pipeline.latest("comparison") is shown[-1]


def test_a_column_double_click_shows_that_scenario(what_if):
    header = what_if.comparison_view.table.horizontalHeader()
    x = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    QTest.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton,
                      pos=QPoint(x, header.height() // 2))
    assert what_if.document.active_scenario == 2
    assert what_if.scenario_tabs.current() == 2


def test_presentation_is_full_screen_with_the_same_table_and_esc_leaves(what_if, qtbot):
    what_if.scenario_actions.present.trigger()
    show = what_if.comparison.presentation
    assert show is not None
    assert show.isFullScreen()
    assert show.cell_texts() == what_if.comparison_view.table.cell_texts()   # over 1-2 slides
    show.showNormal()
    show.resize(1920, 1080)                                    # a projector's screen
    docked = what_if.comparison_view.table.font().pointSizeF()
    qtbot.waitUntil(lambda: show.table.font().pointSizeF() > docked * 1.3)
    assert show.table.fits()                                   # every row, no scrolling
    assert show.more.fits()
    assert show.cell_texts() == what_if.comparison_view.table.cell_texts()
    for _ in range(show.slides.count() - 1):
        QTest.keyClick(show, Qt.Key.Key_Right)
    assert show.slides.currentWidget() is show.bars
    assert show.bars.chart_titles()[0] == "Peak compute"
    QTest.keyClick(show, Qt.Key.Key_Escape)
    assert what_if.comparison.presentation is None
