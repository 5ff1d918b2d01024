"""The comparison report: designs compared, pictured and explained, in one HTML file.

Used by ``cluster-workbench report`` and File > Export Report. The numbers
are the comparison's (:mod:`engine.compare`, so :mod:`engine.headline`'s);
the table is the one the comparison view shows; each design's canvas and
the bar charts and the analysis panels (every design overlaid) are rendered
offscreen as the app draws them, in the light theme whatever the app shows
(the page is white), and embedded as PNG; the assumptions are every
setting with its source. The comparison and the overlays are the window's
analyses, run one after the other as stages (:func:`~workbench.analysis.stage.run_now`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from engine.atomic_file import write_text
from engine.catalog import Catalog
from engine.compare import BASE, Comparison, compare
from engine.design import Design
from engine.serving.section import SERVING_SETTINGS
from widgets.content.texts import translate
from widgets.headline_bars import HeadlineBars
from widgets.image_file import image_bytes
from workbench.analysis.overlays import overlays
from workbench.analysis.stage import Stage, run_now
from workbench.canvas.offscreen import grab_offscreen, light_palette
from workbench.canvas.picture import render_canvas
from workbench.comparison.rows import bar_charts, comparison_table
from workbench.i18n.language import current_language
from workbench.report.assumptions import assumptions
from workbench.report.html import DesignPart, Picture, Report, report_html
from workbench.report.panels import panel_pictures

CANVAS_SIZE = (1100, 620)
CHART_WIDTH, CHART_ROW_HEIGHT, CHART_COLUMNS = 1100, 190, 3


@dataclass(frozen=True)
class ReportRequest:
    """The designs a report compares, by label, in one currency (default: the first's)."""

    designs: Sequence[tuple[str, Design]]
    catalog: Catalog
    currency: str | None


#: What a report computes: the comparison, then every design's overlay in the panels.
STAGES = (Stage("comparison", lambda x: compare(x.request.designs, x.request.catalog,
                                                x.request.currency)),
          Stage("overlays", lambda x: overlays(x["comparison"], x.request.catalog),
                after="comparison"))


def engine_version() -> str:
    try:
        return version("cluster-workbench")
    except PackageNotFoundError:
        return "(not installed)"


def build_report(designs: Sequence[tuple[str, Design]], catalog: Catalog,
                 files: Sequence[str], currency: str | None = None) -> Report:
    """Compare ``(label, design)`` pairs and lay the report out (needs a QApplication)."""
    answers = run_now(STAGES, ReportRequest(designs, catalog, currency))
    result: Comparison = answers["comparison"]
    table = comparison_table(result, relative_to=BASE)
    labels = [label for label, _ in designs]
    title = (translate("Report", "What-if comparison: {designs}").format(
                 designs=", ".join(labels)) if len(labels) > 1
             else translate("Report", "Design report: {design}").format(design=labels[0]))
    pictures = (_charts(result), *panel_pictures(answers["overlays"], light_palette()))
    return Report(title, time.strftime("%Y-%m-%d %H:%M"), engine_version(), tuple(files),
                  table, pictures,
                  tuple(_design_part(label, design, catalog, result, i)
                        for i, (label, design) in enumerate(designs)),
                  tuple(assumptions([d for _, d in designs])), current_language())


def write_report(designs: Sequence[tuple[str, Design]], catalog: Catalog, path: Path,
                 files: Sequence[str], currency: str | None = None) -> Report:
    """Build the report and write it to ``path`` atomically; returns what was written."""
    report = build_report(designs, catalog, files, currency)
    write_text(path, report_html(report))
    return report


def _charts(result: Comparison) -> Picture:
    charts = bar_charts(result)
    view = HeadlineBars(columns=CHART_COLUMNS)
    view.setPalette(light_palette())
    view.show_charts([r.design for r in result.rows], charts)
    rows = -(-len(charts) // CHART_COLUMNS)
    height = CHART_ROW_HEIGHT * rows * (1 + 0.2 * max(len(result.rows) - 3, 0))
    image = grab_offscreen(view, (CHART_WIDTH, int(height)))
    return Picture(translate("Report", "Headline figures by design"), image_bytes(image),
                   translate("Report", "Each chart is one headline figure; ★ marks the best, "
                             "bars are in each design's colour. Figures every design shares "
                             "are left out."))


def _design_part(label: str, design: Design, catalog: Catalog, result: Comparison,
                 index: int) -> DesignPart:
    row = result.rows[index]
    hardware = f"{row.accelerators:,} × {row.accelerator} {_asks(design)}"
    picture = image_bytes(render_canvas(design, catalog, CANVAS_SIZE, light_palette()))
    return DesignPart(label, design.name, design.description, design.source, hardware,
                      picture)


def _asks(design: Design) -> str:
    """What the design's workloads ask of it: ``training llama3-70b, serving llama2-13b``."""
    asks = [translate("Report", "training {model}").format(model=design.workload.model)] \
        if design.trains else []
    if SERVING_SETTINGS.present(design):
        asks.append(translate("Report", "serving {model}").format(
            model=SERVING_SETTINGS.of(design).model))
    return ", ".join(asks)
