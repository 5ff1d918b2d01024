"""``sweep`` and ``summarise`` on the command line: files written, summaries, one-line errors."""

from __future__ import annotations

import csv
import json
import signal
import subprocess
import sys
import time

import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT

H800 = str(ROOT / "examples" / "h800-1024.yaml")
AXES = ("--vary", "accelerator=h100-sxm,h800", "--vary", "gpus=256,512",
        "--vary", "cost.discount=0.5..1.0/2", "--vary", "cost.basis=rent",
        "--vary", "model=llama3-8b")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    """A small sweep in this process, written as Parquet, and its summary."""
    out = tmp_path_factory.mktemp("sweep") / "h800.parquet"
    code = ("import sys; from workbench.cli import main; rc = main(sys.argv[1:]);"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6','pyqtgraph','shiboken6','widgets','distributed'));"
            "print('IMPORTED:', bad); sys.exit(rc)")
    done = subprocess.run([sys.executable, "-c", code, "sweep", H800, *AXES, "-o", str(out),
                           "--workers", "0", "--summary"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return out, done.stdout


def test_sweep_writes_one_row_per_point_and_imports_no_qt(results):
    out, stdout = results
    assert "IMPORTED: []" in stdout
    table = pq.read_table(out)
    assert table["point"].to_pylist() == list(range(8))
    assert table["accelerator"].to_pylist() == ["h100-sxm"] * 4 + ["h800"] * 4
    assert table["cost.discount"].to_pylist() == [0.5, 1.0] * 4
    rows = table.to_pylist()
    assert rows[0]["cost_per_run"] == pytest.approx(0.5 * rows[1]["cost_per_run"])
    assert rows[0]["parallelism.dp"] >= 1
    assert rows[0]["problems"] == ""
    assert rows[4]["cost_per_run"] is None                 # the catalog rents no H800
    assert rows[4]["problems"].startswith("cost: no on-demand cloud price for h800")
    assert not list(out.parent.glob(".*.tmp"))             # the temporary file is gone


def test_sweep_summary_lists_the_front_and_the_best_per_value(results):
    _, stdout = results
    assert ": 8 points, 4 with a time to train and a cost per run" in stdout
    front = stdout.split("Pareto front")[1].split("Best per")[0]
    assert "accelerator h100-sxm, gpus 512, cost.discount 0.5" in front
    assert "Best per accelerator:" in stdout
    assert "Best per cost.basis" not in stdout
    assert "  h800 (4 points)\n    no point has both figures" in stdout


def test_summarise_gives_json_and_draws_the_front(results, tmp_path):
    out, _ = results
    done = run("summarise", str(out), "--json", "-o", str(tmp_path / "front.svg"))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.split("\n" + str(tmp_path))[0])
    assert (data["points"], data["complete"]) == (8, 4)
    assert [p["gpus"] for p in data["front"]] == [512, 256]
    cheapest = data["best"]["accelerator"][0]["cheapest"]
    assert (cheapest["accelerator"], cheapest["gpus"], cheapest["cost.discount"]) == \
        ("h100-sxm", 256, 0.5)
    assert "<svg" in (tmp_path / "front.svg").read_text()
    as_csv = tmp_path / "h800.csv"
    pa_csv.write_csv(pq.read_table(out), as_csv)      # no metadata: axes by elimination
    from_csv = run("summarise", str(as_csv), "--json")
    assert json.loads(from_csv.stdout) == data


def test_a_sweep_file_with_flags_and_csv_output(tmp_path):
    study = tmp_path / "study.yaml"
    study.write_text(f"format: cluster-workbench-sweep/1\ndesign: {H800}\n"
                     "axes: {cost.discount: [0.5, 1.0], gpus: 256}\n"
                     "figures: [time_to_train_days]\n")
    out = tmp_path / "out.csv"
    done = run("sweep", str(study), "--vary", "gpus=512", "--vary", "model=llama3-8b",
               "-o", str(out), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    with out.open() as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["gpus"], r["cost.discount"]) for r in rows] == [("512", "0.5"), ("512", "1.0")]
    assert "cost_per_run" not in rows[0]
    assert float(rows[0]["time_to_train_days"]) > 0
    summary = run("summarise", str(out))
    assert (summary.returncode, summary.stderr.strip()) == (
        2, f"cluster-workbench: {out}: no cost_per_run column: the sweep did not record it")


@pytest.mark.parametrize(("args", "message"), [
    (("--vary", "cost.discount"), "cluster-workbench: --vary cost.discount: write KEY=VALUES"),
    (("--vary", "cost.discount=0..2/3"), "cluster-workbench: --vary cost.discount: must be "
                                         "a number >= 0.01 and <= 1, got 0"),
    (("--vary", "speed=1,2"), "cluster-workbench: --vary speed: no such setting to vary"),
    (("--vary", "accelerator=h2000"), "cluster-workbench: --vary accelerator: unknown "
                                      "accelerator 'h2000'"),
    (("--vary", "gpus=256", "--figures", "speed"), "cluster-workbench: no headline figure "
                                                   "speed"),
    (("--vary", "gpus=256", "--sample", "0"), "cluster-workbench: argument --sample: must "
                                              "be 1 or more, got 0"),
    (("--workers", "2", "--dask-workers", "2"), "cluster-workbench: argument --dask-workers: "
                                                "not allowed with argument --workers"),
])
def test_sweep_mistakes_are_one_line(tmp_path, args, message):
    done = run("sweep", H800, *args, "-o", str(tmp_path / "out.parquet"), "--workers", "0"
               ) if "--workers" not in args else run("sweep", H800, *args, "-o",
                                                     str(tmp_path / "out.parquet"))
    assert done.returncode == 2
    assert done.stderr.splitlines() == [done.stderr.strip()]
    assert done.stderr.startswith(message), done.stderr
    assert not list(tmp_path.iterdir())


def test_output_and_results_files_are_checked(tmp_path):
    done = run("sweep", H800, "-o", str(tmp_path / "out.xlsx"), "--workers", "0")
    assert (done.returncode, done.stderr.strip()) == (
        2, f"cluster-workbench: {tmp_path / 'out.xlsx'}: results are written as .parquet "
           "or .csv, not .xlsx")
    done = run("summarise", str(tmp_path / "none.parquet"))
    assert done.returncode == 2
    assert "none.parquet: cannot read results" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_ctrl_c_stops_the_sweep_and_keeps_the_rows_written(tmp_path):
    out = tmp_path / "big.csv"
    child = subprocess.Popen(
        [sys.executable, "-m", "workbench.cli", "sweep", H800, "--vary", "gpus=256..4096x2",
         "--vary", "accelerator=h100-sxm,h800,h20,h200", "--vary", "model=llama3-8b,llama2-13b",
         "-o", str(out), "--workers", "1", "--chunk", "1", "--quiet"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(
            len(p.read_text().splitlines()) > 3 for p in tmp_path.glob(".big.csv.*.tmp")):
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=120)
    assert child.returncode == 130, stderr
    with out.open() as handle:
        points = [int(row["point"]) for row in csv.DictReader(handle)]
    assert 3 <= len(points) < 40
    assert points == list(range(len(points)))
    assert stderr.strip() == f"interrupted: {out} holds {len(points)} of 40 points"
    assert not list(tmp_path.glob(".*.tmp"))
