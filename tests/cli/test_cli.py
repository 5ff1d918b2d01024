"""The command line: headless, one-line errors, JSON for every example."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, ROOT

CLI = [sys.executable, "-m", "workbench.cli"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_catalog_lists_every_accelerator_with_its_source_and_imports_no_qt():
    code = ("import sys, runpy; sys.argv=['cluster-workbench','catalog','accelerators'];"
            "from workbench.cli import main; rc = main();"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6','pyqtgraph','shiboken6','widgets'));"
            "print('QT:', bad); sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "QT: []" in result.stdout
    for accel_id in ("a100-80gb", "h800", "ascend-910b", "tpu-v5p", "trainium2"):
        line = next(line for line in result.stdout.splitlines() if line.startswith(accel_id))
        assert line.rstrip().split("  ")[-1].strip(), f"{accel_id} has no source"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_evaluate_json_on_every_example(path):
    result = run("evaluate", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    inventory = data["inventory"]
    assert inventory["accelerators"] > 0
    assert inventory["peak_pflops"] > 0
    assert sum(inventory["accelerators_by_type"].values()) == inventory["accelerators"]


def test_bad_flag_is_one_line_without_traceback():
    result = run("evaluate")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert "file" in result.stderr


def test_bad_file_is_one_line_naming_path_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: cluster-workbench/1\nnodes:\n  - {id: a, kind: server, "
                   "accelerator: h900}\n")
    result = run("evaluate", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"{bad}:3: nodes[0].accelerator: unknown accelerator")
    assert result.stderr.count("\n") == 1


def test_evaluate_text_shows_the_inventory():
    result = run("evaluate", str(EXAMPLES[0]))
    assert result.returncode == 0, result.stderr
    assert "accelerators" in result.stdout
    assert "peak_pflops" in result.stdout
