"""Sweep files: read into a plan, every problem named by its key path and line."""

from __future__ import annotations

import pytest

from engine.catalog import load_catalog
from engine.design_space.sweep_file import SweepFileError, is_sweep_file, read_sweep_file
from engine.errors import LayoutError
from tests.conftest import ROOT

GOOD = f"""\
format: cluster-workbench-sweep/1
design: {ROOT / "examples" / "a800-1024.yaml"}
axes:
  accelerator: [a800-80gb, h800, h20]
  gpus: 1024..16384x2
  cost.discount: 0.2..1.0/9
  model: [llama2-70b, llama3-8b]
sample: {{points: 100, seed: 7}}
figures: [time_to_train_days, cost_per_run]
"""


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def write(tmp_path, text, name="study.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_sweep_file_reads_into_its_plan(tmp_path, catalog):
    path = write(tmp_path, GOOD)
    assert is_sweep_file(path)
    assert not is_sweep_file(str(ROOT / "examples" / "a800-1024.yaml"))
    plan = read_sweep_file(path, catalog)
    assert [a.key for a in plan.axes] == ["accelerator", "gpus", "cost.discount", "model"]
    assert plan.grid_size == 3 * 5 * 9 * 2
    assert (plan.size, plan.seed) == (100, 7)
    assert plan.recorded == ("time_to_train_days", "cost_per_run")
    assert plan.design.name.startswith("What-if A")


def test_the_design_is_found_next_to_the_sweep_file(tmp_path, catalog):
    (tmp_path / "base.yaml").write_text((ROOT / "examples" / "h20-1024.yaml").read_text())
    plan = read_sweep_file(write(tmp_path, "format: cluster-workbench-sweep/1\n"
                                           "design: base.yaml\naxes: {gpus: 512}\n"), catalog)
    assert plan.size == 1
    assert plan.axes[0].values == (512,)


def test_every_problem_is_named_with_its_line(tmp_path, catalog):
    text = GOOD.replace("0.2..1.0/9", "0.2..1.5/9").replace("h20]", "h2000]") \
        .replace("points: 100", "points: many").replace("seed: 7", "seed: 7, size: 3")
    with pytest.raises(SweepFileError) as caught:
        read_sweep_file(write(tmp_path, text), catalog)
    lines = caught.value.lines()
    assert any(line.endswith("study.yaml:8: sample.points: must be a whole number, got "
                             "'many'") for line in lines), lines
    assert any(line.endswith("study.yaml:8: sample.size: unknown key") for line in lines)
    text = GOOD.replace("0.2..1.0/9", "0.5,1.5").replace("h20]", "h2000]")
    with pytest.raises(SweepFileError) as caught:
        read_sweep_file(write(tmp_path, text), catalog)
    lines = caught.value.lines()
    assert any(":4: axes.accelerator: unknown accelerator 'h2000'" in line for line in lines)
    assert any(line.endswith(":6: axes.cost.discount: must be a number >= 0.01 and <= 1, got 1.5")
               for line in lines), lines


@pytest.mark.parametrize(("change", "expected"), [
    (("sample: {points: 100, seed: 7}", "sample: {points: 1000}"),
     ":8: sample.points: a sample of 1,000 points: must be 1 to the grid's 270"),
    (("cost_per_run]", "cost_per_runs]"), ":9: figures: no headline figure cost_per_runs"),
    (("format: cluster-workbench-sweep/1", "format: cluster-workbench-sweep/9"),
     ":1: format: written by a newer Cluster Workbench (format 9)"),
    (("axes:", "axis:"), ":1: axes: is required"),
])
def test_plan_and_format_problems_are_located(tmp_path, catalog, change, expected):
    with pytest.raises(SweepFileError) as caught:
        read_sweep_file(write(tmp_path, GOOD.replace(*change)), catalog)
    assert any(expected in line for line in caught.value.lines()), caught.value.lines()


def test_a_bad_base_design_is_reported_against_its_own_file(tmp_path, catalog):
    write(tmp_path, "format: cluster-workbench/1\nnodes: 3\n", "base.yaml")
    with pytest.raises(LayoutError) as caught:
        read_sweep_file(write(tmp_path, "format: cluster-workbench-sweep/1\n"
                                        "design: base.yaml\naxes: {gpus: 8}\n"), catalog)
    assert all("base.yaml" in line for line in caught.value.lines())


def test_the_shipped_example_sweep_file_reads(catalog):
    path = ROOT / "examples" / "sweeps" / "rent-h100-h200-a100.yaml"
    plan = read_sweep_file(str(path), catalog)
    assert plan.size == 3 * 5 * 4
    assert plan.design.cost.basis == "buy"           # rent is the axis' single value
    assert plan.axes[-1].prices_only
