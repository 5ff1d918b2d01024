"""export, import and calibrate from the command line: files written, one-line errors."""

from __future__ import annotations

import json

import yaml

from engine.layout import load_design
from tests.cli.test_cli import run
from tests.conftest import DATA, EXAMPLES
from tests.engine.test_interop_nccl import published_a100_log

TRN1 = next(p for p in EXAMPLES if p.stem == "trn1-ultracluster")
NDV4 = DATA / "interop" / "nccl_topology" / "azure-ndv4-topo.xml"


def test_export_then_import_an_infragraph_gives_an_equivalent_design(tmp_path):
    graph = tmp_path / "trn1.infragraph.yaml"
    result = run("export", str(TRN1), "--to", "infragraph", "-o", str(graph))
    assert result.returncode == 0, result.stderr
    assert {"devices", "instances", "links", "edges"} <= set(yaml.safe_load(graph.read_text()))
    layout = tmp_path / "trn1.yaml"
    result = run("import", str(graph), "-o", str(layout))
    assert result.returncode == 0, result.stderr
    back = load_design(str(layout))
    assert sorted(n.replicas for n in back.nodes) == [8, 16, 64]
    evaluated = run("evaluate", str(layout), "--json")
    assert json.loads(evaluated.stdout)["inventory"]["accelerators"] == 1024


def test_export_astra_sim_writes_network_and_system_files(tmp_path):
    result = run("export", str(TRN1), "--to", "astra-sim", "-o", str(tmp_path / "astra"))
    assert result.returncode == 0, result.stderr
    network = yaml.safe_load((tmp_path / "astra" / "network.yml").read_text())
    system = json.loads((tmp_path / "astra" / "system.json").read_text())
    assert len(network["npus_count"]) == len(system["all-reduce-implementation"])


def test_import_an_nccl_topology_names_the_gpu_or_asks_for_it(tmp_path):
    out = tmp_path / "vm.yaml"
    asked = run("import", str(NDV4), "-o", str(out))
    assert asked.returncode == 2
    assert asked.stderr.count("\n") == 1
    assert "--accelerator" in asked.stderr
    assert not out.exists()
    result = run("import", str(NDV4), "--accelerator", "a100-40gb", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert load_design(str(out)).node("server").accelerators == 8


def test_import_of_a_bad_file_is_one_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text('<system version="1"><cpu><pci busid="0:0"')
    out = tmp_path / "out.yaml"
    result = run("import", str(bad), "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{bad}:1: not well-formed XML")
    assert not out.exists()


def test_calibrate_prints_errors_by_size_and_writes_the_calibration(tmp_path):
    design = tmp_path / "dgx.yaml"
    design.write_text("format: cluster-workbench/1\nname: one DGX A100\nnodes:\n"
                      "  - {id: dgx, kind: server, accelerator: a100-80gb, accelerators: 8}\n")
    log = tmp_path / "all_reduce.log"
    log.write_text(published_a100_log())
    result = run("calibrate", str(design), str(log), "--name", "lab A100")
    assert result.returncode == 0, result.stderr
    assert "median error:" in result.stdout
    assert "16 GiB" in result.stdout
    before, after = (float(x.split("%")[0]) for x in
                     result.stdout.split("median error: ")[1].split(" before, "))
    assert after < before
    (calibration,) = load_design(str(design)).calibrations
    assert calibration.name == "lab A100"
    assert calibration.source == str(log)


def test_calibrate_with_a_truncated_log_is_one_line(tmp_path):
    log = tmp_path / "cut.log"
    log.write_text(published_a100_log()[:900])
    result = run("calibrate", str(TRN1), str(log))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(str(log))
