"""Habits people bring from other tools (issue 17 item 4), each checked on the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from engine.sweep import ACCELERATOR_PRICE, ACCELERATORS
from tests.conftest import ROOT
from tests.gui.canvas_input import drop
from tests.gui.test_inspector import choose, type_into
from widgets.comparison_table import ComparisonTableView
from widgets.content.comparison import Cell, ComparisonTable, TableRow
from widgets.content.selection import Selection
from widgets.sweep_plots import REFERENCE, SweepPlots, SweepSeries
from workbench.canvas.catalog_model import PAYLOAD_ROLE


def test_ctrl_y_redoes_as_well_as_ctrl_shift_z(window, qtbot):
    doc = window.document
    window.editor.view.setFocus()
    for keys in ((Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier),
                 (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                  | Qt.KeyboardModifier.ShiftModifier)):
        window.actions.select_all.trigger()
        window.actions.delete.trigger()
        assert doc.design.nodes == ()
        doc.undo_stack.undo()
        assert doc.design.nodes != ()
        qtbot.keyClick(window.editor.view, *keys)
        assert doc.design.nodes == (), keys
        doc.undo_stack.undo()


def test_palette_search_matches_kind_vendor_and_fabric_words(window):
    palette = window.palette_panel
    palette.search.setText("switch")
    switches = palette.visible_entries()
    assert {"Quantum QM8700", "Quantum-2 QM9700", "Quantum-X800 Q3400-RA"} <= set(switches)
    assert "DGX H100" not in switches
    palette.search.setText("infiniband")
    assert {"Quantum-2 QM9700", "DGX H100"} <= set(palette.visible_entries())
    palette.search.setText("InfiniBand switch")
    assert "Quantum-2 QM9700" in palette.visible_entries()
    assert not {"DGX H100", "Spectrum-4 SN5600"} & set(palette.visible_entries())
    for word, entry in (("roce", "Spectrum-4 SN5600"), ("ethernet", "Spectrum-4 SN5600"),
                        ("nvlink", "DGX H100"), ("nvlink", "H100 SXM5 80GB"),
                        ("server", "DGX H100"), ("nvidia", "DGX H100")):
        palette.search.setText(word)
        assert entry in palette.visible_entries(), word


def _shown(view):
    return view.mapToScene(view.viewport().rect()).boundingRect()


@pytest.mark.parametrize("corner", ["bottom right", "top left"])
def test_a_template_dropped_at_the_views_edge_lands_fully_in_view(window, corner):
    view = window.editor.view
    edge = view.viewport().rect()
    point = edge.bottomRight() - QPoint(6, 6) if corner == "bottom right" else QPoint(6, 6)
    palette = window.palette_panel
    index = palette.index_of("Two-tier fat-tree")
    assert drop(view, palette.tree.model().mimeData([index]), view.mapToScene(point))
    group = window.document.design.groups[-1]
    assert group.name == "Two-tier fat-tree"
    placed = window.editor.binder.selection_rect(Selection([], [], [group.id]))
    assert not placed.isEmpty()
    assert _shown(view).contains(placed)


def test_a_template_larger_than_the_view_zooms_out_until_it_fits(window):
    view = window.editor.view
    view.zoom_by(4.0 / view.zoom())
    window.editor.add_part_at_centre(window.palette_panel.index_of("Two-tier fat-tree")
                                     .data(PAYLOAD_ROLE))
    group = window.document.design.groups[-1]
    assert view.zoom() < 4.0
    assert _shown(view).contains(
        window.editor.binder.selection_rect(Selection([], [], [group.id])))


def test_a_box_named_after_its_hardware_follows_a_hardware_change(window, qtbot):
    doc, inspector = window.document, window.inspector
    window.editor.binder.select(Selection(nodes=["dgx"]))
    choose(inspector.editor("hardware"), "h200")
    assert (doc.node("dgx").name, doc.node("dgx").hardware) == ("DGX H200", "h200")
    choose(inspector.editor("hardware"), "h100-sxm")
    assert doc.node("dgx").name == "DGX H100"
    assert window.editor.binder.node_item("dgx").title() == "DGX H100"
    doc.undo_stack.undo()
    assert doc.node("dgx").name == "DGX H200"
    type_into(qtbot, inspector.editor("name"), "Training pod A")
    choose(inspector.editor("hardware"), "h100-sxm")
    assert (doc.node("dgx").name, doc.node("dgx").hardware) == ("Training pod A", "h100-sxm")


def test_before_a_sweep_runs_its_progress_counts_the_points_it_will_run(open_what_if):
    panel = open_what_if().show_sweep().panel
    panel.setting.setCurrentIndex(panel.setting.findData(ACCELERATOR_PRICE))
    panel.set_range(80_000, 170_000, False)
    panel.steps.setValue(7)
    assert panel.progress.text() == "0 of 7 points"
    panel.setting.setCurrentIndex(panel.setting.findData(ACCELERATORS))
    panel.set_range(8, 10, False)
    panel.steps.setValue(7)            # whole numbers: 8, 9 and 10 only
    assert panel.progress.text() == "0 of 3 points"
    panel.setting.setCurrentIndex(panel.setting.findData(ACCELERATOR_PRICE))
    panel.set_range(0, 100_000, True)  # a geometric range cannot start at zero
    assert panel.progress.text() == "no points in this range"


def _curve_samples(panel):
    """Points along every drawn curve, in scene coordinates (40 per segment)."""
    out = []
    for name in panel.series_names():
        curve = panel.series(name).item.curve
        xs, ys = curve.xData, curve.yData
        for i in range(len(xs) - 1):
            for t in range(41):
                x = xs[i] + (xs[i + 1] - xs[i]) * t / 40
                y = ys[i] + (ys[i + 1] - ys[i]) * t / 40
                out.append(curve.mapToScene(QPointF(x, y)))
    return out


def test_the_sweeps_this_design_label_never_sits_on_a_curve(qtbot):
    plots = SweepPlots()
    qtbot.addWidget(plots)
    plots.resize(1400, 700)
    plots.start("Accelerators", [SweepSeries("mfu", "MFU", "%", "fraction"),
                                 SweepSeries("goodput", "Goodput", "%", "fraction"),
                                 SweepSeries("time_to_train_days", "Time to train", "days")],
                1024, integer_x=True, log_x=True)
    xs = [256, 512, 1024, 2048, 4096, 8192, 16384]     # the A800 what-if's sweep
    figures = {"mfu": [0.655, 0.65, 0.642, 0.615, 0.555, 0.5, 0.435],
               "goodput": [0.988, 0.988, 0.987, 0.985, 0.978, 0.966, 0.945],
               "time_to_train_days": [196, 99, 50.2, 26, 14, 8, 5]}
    plots.show()
    qtbot.waitExposed(plots)
    for i, x in enumerate(xs):
        plots.add_point(x, {key: (values[i], f"{values[i]}") for key, values in figures.items()})
    QApplication.processEvents()
    for key in figures:
        panel = plots._plots[key].panel
        label = panel.reference(REFERENCE).label
        box = label.mapRectToScene(label.boundingRect())
        assert label.isVisible()
        assert panel.plot.vb.sceneBoundingRect().contains(box), key
        assert not [p for p in _curve_samples(panel) if box.contains(p)], key


def test_the_heat_legend_never_covers_a_box(window, qtbot):
    view = window.editor.view
    window.pipeline.wait()
    qtbot.waitUntil(window.is_idle)
    window.actions.heat.setChecked(True)
    legend = window.panels.heat_legend
    qtbot.waitUntil(legend.isVisible)
    shown = view.viewport().geometry()
    assert not legend.geometry().intersects(shown)      # under the canvas, not on it
    assert view.rect().contains(legend.geometry())
    window.actions.heat.setChecked(False)
    assert not legend.isVisible()
    assert view.viewportMargins().bottom() == 0         # the strip goes with it


LONG_NAMES = ("300 cluster (1,024 x H800, NDR fat tree, 2:1 oversubscribed)",
              "A800 cluster", "What-if C, 128 x HGX H20 (1,024 H20), NDR fat tree, rented at 50%")


def test_comparison_headers_show_full_names_never_cut(qtbot):
    table = ComparisonTableView()
    qtbot.addWidget(table)
    table.resize(420, 300)
    table.show()
    row = TableRow("Time to train", "days", tuple(Cell(f"{d} days") for d in (17, 50, 96)))
    table.show_table(ComparisonTable(LONG_NAMES, (row,)))
    header = table.horizontalHeader()
    for column, name in enumerate(LONG_NAMES, start=1):
        item = table.horizontalHeaderItem(column)
        lines = item.text().split("\n")
        assert len(lines) <= 2
        assert " ".join(lines) == name or "…" in item.text()
        assert item.toolTip().startswith(name)
        metrics = QFontMetrics(item.font())
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        assert header.sectionSize(column) >= widest + 12, name     # nothing cut
    assert table.horizontalHeaderItem(2).text() == "A800 cluster"
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() > 0         # too narrow: it scrolls


def test_present_fills_the_windows_screen_and_every_slide_fits(open_what_if, qtbot):
    window = open_what_if()
    window.pipeline.wait()
    show = window.comparison.present()
    qtbot.waitExposed(show)
    screen = window.screen()
    assert show.screen() is screen
    assert show.isFullScreen()
    assert show.geometry() == screen.geometry()
    qtbot.waitUntil(lambda: show.bars.chart_titles() != [], timeout=20000)
    for size in ((1366, 768), (1920, 1080)):       # the rooms' screens, as windows here
        show.showNormal()
        show.resize(*size)
        QApplication.processEvents()
        assert show.table.fits(), size
        assert show.more.fits(), size          # the rows the first slide has no room for
        show.show_slide(show.slides.indexOf(show.bars))
        QApplication.processEvents()
        assert show.bars.fits(), size
        columns = {round(c.plot.geometry().x()) for c in show.bars._charts}
        assert len(columns) == 4
        assert all(c.plot.geometry().right() <= show.bars.width() for c in show.bars._charts)
        show.show_slide(0)
    show.close()


def test_legends_and_notes_list_no_part_that_is_0_percent(qtbot):
    from engine.evaluate import evaluate
    from engine.layout import load_design
    from engine.training import TRAINING
    from widgets.plots.breakdown_panel import PARTS, BreakdownPanel
    design = load_design(str(ROOT / "examples" / "a800-1024.yaml"))
    training = evaluate(design).require(TRAINING)    # optimizer 1 ms of 9.1 s; no bubble
    panel = BreakdownPanel()
    qtbot.addWidget(panel)
    panel.set_estimate(training)
    total = training.iteration_time_s
    shares = {label: getattr(training.breakdown_s, field) / total
              for label, field, _ in PARTS}
    listed = [label.text for _, label in panel.legend.items]
    assert listed == [label for label, share in shares.items() if share >= 0.005]
    assert 0 < shares["optimizer"] < 0.005
    assert "optimizer" not in listed
    assert "0%" not in panel.readout()
    assert "under 1%: CP comm, optimizer." in panel.readout()
