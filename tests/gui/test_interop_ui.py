"""File > Import, File > Export and File > Import Measurements in the window."""

from __future__ import annotations

import json

import yaml
from PySide6.QtWidgets import QFileDialog, QInputDialog

from engine.design import Design, Node
from engine.interop.calibration import calibrate
from engine.interop.nccl_tests import parse_nccl_tests
from engine.layout import catalog_for, save_design
from tests.conftest import DATA
from tests.engine.test_interop_nccl import published_a100_log
from tests.gui.test_analysis_panels import settle
from widgets.plots.bandwidth_panel import measured_name, model_name

NDV4 = DATA / "interop" / "nccl_topology" / "azure-ndv4-topo.xml"
DGX_A100 = Design(name="one DGX A100", nodes=(Node("dgx", "server", "a100-80gb",
                                                    accelerators=8),))


def test_import_opens_the_design_unsaved_and_titled_after_its_file(window, monkeypatch,
                                                                  tmp_path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(NDV4), ""))
    asked = []                   # the Azure file lists no GPU model: the user names it
    monkeypatch.setattr(QInputDialog, "getItem", lambda _w, _t, text, items, *a: asked.append(
        text) or (next(i for i in items if i.startswith("a100-40gb:")), True))
    window.actions.import_design.trigger()
    assert "does not say which GPU" in asked[0]
    design = window.document.design
    assert [(n.kind, n.hardware, n.accelerators) for n in design.nodes] == [
        ("server", "a100-40gb", 8), ("switch", design.node("switch").hardware, 0)]
    assert window.document.path is None
    assert window.isWindowModified()
    assert window.windowTitle() == "azure-ndv4-topo[*] - Cluster Workbench"
    proposed = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _w, _t, start, _f: proposed.append(start) or ("", ""))
    window.actions.save_as.trigger()
    assert proposed == [str(NDV4.with_suffix(".yaml"))]


def test_declining_to_name_the_accelerator_imports_nothing(window, monkeypatch):
    before = window.document.design
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a: ("", False))
    assert not window.interop.import_path(NDV4)
    assert window.document.design is before


def test_a_bad_import_is_one_line_in_a_dialog_and_the_design_stays(window, tmp_path):
    before = window.document.design
    bad = tmp_path / "topo.xml"
    bad.write_text("<system version='1'><cpu><pci busid='0000:01:00.0'><gpu sm='80'")
    assert not window.interop.import_path(bad)
    dialog = window.files.last_error
    assert dialog.isVisible()
    (line,) = dialog.lines()
    assert line.startswith(str(bad))
    assert window.document.design is before
    assert not window.isWindowModified()
    dialog.accept()


def test_export_writes_what_the_command_line_writes(window, monkeypatch, tmp_path):
    graph = tmp_path / "pod.infragraph.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(graph), ""))
    window.actions.export_infragraph.trigger()
    data = json.loads(graph.read_text())
    assert [i["name"] for i in data["instances"]] == [n.id for n in window.document.design.nodes]
    astra = tmp_path / "astra"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(astra))
    window.actions.export_astra.trigger()
    network = yaml.safe_load((astra / "network.yml").read_text())
    assert {"topology", "npus_count", "bandwidth", "latency"} <= set(network)
    assert "wrote" in window.statusBar().currentMessage()


def test_an_export_that_cannot_be_written_is_one_line(window, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert not window.interop.export_to("infragraph", blocked / "graph.yaml")
    (line,) = window.files.last_error.lines()
    assert line.startswith(str(blocked / "graph.yaml"))
    assert "cannot write" in line
    window.files.last_error.accept()


def test_measurements_are_drawn_over_the_curve_with_their_residual(make_window, qtbot,
                                                                   monkeypatch, tmp_path):
    window = make_window(DGX_A100)
    log = tmp_path / "a100.log"
    log.write_text(published_a100_log())
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(log)], ""))
    window.actions.import_measurements.trigger()
    settle(qtbot, window)
    panel = window.panels["bandwidth"]
    (sweep,) = panel.measured()
    points = panel.series(measured_name(sweep))
    assert list(points.x) == [p.bytes for p in parse_nccl_tests(log.read_text(), "a").points]
    assert points.y[-1] == 234.89
    assert model_name(sweep) not in panel.series_names()    # same ranks: the curve itself
    assert "a100.log (all-reduce, 8 ranks): model off by" in panel.readout()
    window.actions.clear_measurements.trigger()
    assert measured_name(sweep) not in panel.series_names()


def test_a_calibrated_design_shows_its_own_measurements_and_fits_them_better(
        make_window, qtbot, catalog, tmp_path):
    log = tmp_path / "a100.log"
    log.write_text(published_a100_log())
    sweep = parse_nccl_tests(log.read_text(), "a100.log")      # as calibrate records it
    calibrated, _ = calibrate(DGX_A100, catalog_for(DGX_A100, catalog), [sweep], "lab")
    errors = []
    for design in (DGX_A100, calibrated):
        path = tmp_path / "dgx.yaml"
        save_design(design, path)
        window = make_window()
        window.open_path(path)
        settle(qtbot, window)
        if not design.calibrations:         # nothing names the log: the user loads it
            assert window.panels["bandwidth"].measured() == ()
            window.measurements.add(log)
        (measured,) = window.panels["bandwidth"].measured()
        errors.append(measured.median_error())
    assert errors[1] < errors[0]


def test_a_sweep_larger_than_the_design_is_a_status_message(make_window, qtbot, tmp_path):
    window = make_window(Design(nodes=(Node("dgx", "server", "a100-80gb", accelerators=4),)))
    log = tmp_path / "a100.log"
    log.write_text(published_a100_log())
    assert window.measurements.add(log)
    settle(qtbot, window)
    assert window.panels["bandwidth"].measured() == ()
    assert "measured on 8 ranks; the design's largest island has 4" in \
        window.statusBar().currentMessage()


def test_the_file_menu_offers_import_and_export(window):
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert {"&Import…", "&Export", "Import &Measurements…"} <= set(texts)
    export = next(a.menu() for a in file_menu.actions() if a.text() == "&Export")
    assert [a.text() for a in export.actions()] == ["&InfraGraph…", "&ASTRA-sim Inputs…"]
