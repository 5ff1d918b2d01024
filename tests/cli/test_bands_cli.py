"""Bands, fidelity labels, coverage notes and "does not fit" in the commands' text and JSON."""

from __future__ import annotations

import json
import re

from tests.cli.test_cli import run
from tests.conftest import DATA, ROOT

A800 = str(ROOT / "examples" / "a800-1024.yaml")
MIXED = str(DATA / "mixed-a800-ascend.yaml")
UNFIT = str(DATA / "does-not-fit.yaml")
RANGED_DAYS = re.compile(r"[\d.,]+ days \([\d.,]+-[\d.,]+\)")


def _json(*args):
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_estimate_prints_bands_and_their_label():
    args = ("estimate", "--model", "gpt3-175b", "--accelerator", "ascend-910b", "--gpus", "1024")
    text = run(*args).stdout
    assert RANGED_DAYS.search(text.splitlines()[1]), text
    assert "band               extrapolated: no published training run of Huawei" in text
    data = _json(*args)
    for key in ("iteration_time_s", "mfu", "model_tflops_per_gpu", "hardware_tflops_per_gpu",
                "tokens_per_s", "time_to_train_days"):
        low, high = data["bands"][key]
        assert low <= data[key] <= high
        assert data["fidelity"][key]["label"] == "extrapolated"


def test_evaluate_json_has_bands_beside_each_sections_figures():
    data = _json("evaluate", A800)
    assert data["training"]["bands"]["time_to_train_days"][0] < \
        data["training"]["time_to_train_days"]
    assert data["cost"]["bands"].keys() == {"cost_per_run", "cost_per_million_tokens"}
    assert "all_reduce_busbw_GBps" in data["network"]["bands"]
    assert data["reliability"]["fidelity"]["job_mtbf_hours"]["label"]
    assert "catalog accelerator prices" in data["cost"]["assumed"]["capex"]


def test_evaluate_text_prints_the_headline_with_bands_and_notes():
    text = run("evaluate", A800).stdout
    line = next(x for x in text.splitlines() if x.strip().startswith("Time to train"))
    assert RANGED_DAYS.search(line), line
    assert re.search(r"\[\d+\]$", line), line
    assert "calibrated on 13 published measurements: residuals" in text


def test_compare_prints_bands_and_json_carries_them():
    text = run("compare", A800, MIXED).stdout
    assert RANGED_DAYS.search(text)
    rows = _json("compare", A800, MIXED)["rows"]
    for row in rows:
        low, high = row["bands"]["time_to_train_days"]
        assert low <= row["values"]["time_to_train_days"] <= high
        assert row["fidelity"]["time_to_train_days"]["label"].startswith("calibrated on")
    assert "ascend-910b take no part" in rows[1]["covers"]["time_to_train_days"]


def test_a_mixed_design_says_what_each_partial_figure_covers():
    text = run("evaluate", MIXED).stdout
    headline = text[:text.index("  inventory")]
    notes = dict(re.findall(r"\[(\d+)\] (.*)", headline))
    for label in ("All-reduce busbw", "Time to train", "Time with failures", "MFU"):
        line = next(x for x in headline.splitlines() if x.strip().startswith(label))
        refs = re.search(r"\[([\d, ]+)\]$", line).group(1).split(", ")
        assert any(notes[r].startswith("covers ") and "ascend-910b" in notes[r]
                   for r in refs), line
    compared = run("compare", A800, MIXED).stdout
    assert "a job is estimated on one accelerator kind (the largest island)" in compared


def test_a_workload_that_does_not_fit_says_what_it_needs():
    text = run("evaluate", UNFIT).stdout
    line = next(x for x in text.splitlines() if x.strip().startswith("Time to train"))
    assert re.search(r"does not fit: needs [\d.]+ GiB of 73\.6 per GPU", line), line
    estimate = run("estimate", "--model", "llama3-405b", "--accelerator", "a800-80gb",
                   "--gpus", "8")
    assert "time to train      does not fit: needs" in estimate.stdout
    compared = run("compare", A800, UNFIT).stdout
    assert "does not fit: needs" in compared
    data = _json("evaluate", UNFIT)
    assert data["training"]["fits_in_memory"] is False
    assert data["training"]["time_to_train_days"] > 0
