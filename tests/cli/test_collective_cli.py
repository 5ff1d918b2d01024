"""``cluster-workbench collective``: nccl-tests columns, sweeps, files, errors."""

from __future__ import annotations

import json
import re

from tests.cli.test_cli import run
from tests.conftest import ROOT

SUPERPOD = str(ROOT / "examples" / "dgx-h100-superpod.yaml")


def test_json_has_the_contract_keys():
    result = run("collective", "--op", "all_reduce", "--bytes", "1GiB", "--accelerator",
                 "h100-sxm", "--gpus", "8", "--json")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert set(row) == {"op", "bytes", "ranks", "algorithm", "time_s", "algbw_GBps",
                        "busbw_GBps", "bottleneck", "bands", "fidelity"}
    low, high = row["bands"]["busbw_GBps"]
    assert low <= row["busbw_GBps"] <= high
    assert row["fidelity"]["busbw_GBps"]["label"] == "calibrated on 6 published measurements"
    assert row["bytes"] == 2**30
    assert row["ranks"] == 8
    assert row["busbw_GBps"] == row["algbw_GBps"] * 1.75


def test_sweep_prints_every_power_of_two():
    result = run("collective", "--op", "all_gather", "--sweep", "8B:8GiB", "--accelerator",
                 "a100-80gb", "--gpus", "64")
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if not line.startswith("band: ")]
    assert len(lines) == 3 + 31          # title, header, rule, then 8 B .. 8 GiB
    assert lines[3].split()[:2] == ["8", "B"]
    assert lines[-1].split()[:2] == ["8", "GiB"]


def test_from_a_file_with_ranks_and_stride():
    result = run("collective", "--op", "all_reduce", "--bytes", "256MB", SUPERPOD,
                 "--ranks", "128", "--stride", "8", "--json")
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert row["ranks"] == 128
    assert row["busbw_GBps"] < 50          # one NDR NIC per rank


def test_more_ranks_than_the_design_has_is_one_line():
    result = run("collective", "--op", "all_reduce", "--bytes", "1GiB", SUPERPOD,
                 "--ranks", "4096")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "needs 4096 accelerators; this design has 1024" in result.stderr


def test_bad_size_is_one_line():
    result = run("collective", "--op", "all_reduce", "--bytes", "lots", "--accelerator",
                 "h100-sxm", "--gpus", "8")
    assert result.returncode == 2
    assert "not a size" in result.stderr
    assert result.stderr.count("\n") == 1


def test_evaluate_reports_the_network():
    result = run("evaluate", SUPERPOD, "--json")
    network = json.loads(result.stdout)["network"]
    island = network["islands"][0]
    assert island["topology"]["rail_optimised"] is True
    assert island["machine"]["all_reduce"]["busbw_GBps"] > 0
    assert island["scale_up_domain"]["all_reduce"]["algorithm"].startswith("nvls")
    assert "fabric" not in island["topology"]


def test_text_prints_the_band_and_its_label():
    result = run("collective", "--op", "all_reduce", "--bytes", "1GiB", "--accelerator",
                 "mi300x", "--gpus", "8")
    assert result.returncode == 0, result.stderr
    busbw = result.stdout.splitlines()[2].split("  ")
    assert any(re.fullmatch(r"\s*[\d.,]+ \([\d.,]+-[\d.,]+\)", cell) for cell in busbw), busbw
    assert "band: extrapolated: no published measurement of AMD mi300x" in result.stdout
