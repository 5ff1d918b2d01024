"""The headline module is the only source of the figures: the tiles, ``compare``, the
comparison view, a sweep at the design's own value and the exported report all show
exactly :func:`engine.headline.headline` of the engine's evaluation."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog

from engine.compare import figures_asked
from engine.evaluate import evaluate
from engine.headline import asked, by_key, figure_spec, headline
from engine.sweep import sweep_point
from tests.conftest import ROOT
from workbench.cli import main

WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"


def test_every_view_shows_the_headline_modules_figures(open_what_if, qtbot, capsys,
                                                       tmp_path, monkeypatch):
    window = open_what_if()
    design, catalog = window.document.design, window.document.catalog
    evaluation = evaluate(design, catalog)
    figures = by_key(headline(evaluation))
    texts = {f.label: f.text for f in figures.values()}

    tiles = {f"{figures[k].label}, {figures[k].qualifier}".rstrip(", "): figures[k].text
             for k in (f.key for f in asked(evaluation) if figure_spec(f.key).tile)}
    qtbot.waitUntil(lambda: window.summary.tile_values() == tiles, timeout=20000)

    window.show_comparison()
    qtbot.waitUntil(lambda: window.comparison.latest() is not None, timeout=20000)
    shown = {row[0]: row[1] for row in window.comparison_view.table.cell_texts()}
    texts = {spec.label: texts[spec.label] for spec in figures_asked(
        window.comparison.latest())}                   # no design serves: no serving rows
    assert {label: shown[label] for label in texts} == texts

    assert main(["compare", str(WHAT_IF), "--json"]) == 0
    row = json.loads(capsys.readouterr().out)["rows"][0]
    assert {k: row["values"][k] for k in figures} == {k: f.value for k, f in figures.items()}

    point = sweep_point(design, "cost.discount", design.cost.discount, catalog)
    assert by_key(point.figures) == figures

    report = tmp_path / "report.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    window.scenario_actions.export_report.trigger()
    page = report.read_text(encoding="utf-8")
    assert all(f">{text}<" in page or f"★ {text}<" in page for text in texts.values())
    assert window.statusBar().currentMessage() == f"Report written to {report}"
