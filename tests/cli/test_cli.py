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


def test_catalog_imports_no_qt_nor_the_estimates_numerical_libraries():
    # the start stays fast by construction: catalog loads the catalog, not the estimates
    code = ("import sys, runpy; sys.argv=['cluster-workbench','catalog','accelerators'];"
            "from workbench.cli import main; rc = main();"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6','pyqtgraph','shiboken6','widgets','numpy','networkx','pyarrow'));"
            "print('HEAVY:', bad); sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "HEAVY: []" in result.stdout
    assert "a100-80gb" in result.stdout


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
