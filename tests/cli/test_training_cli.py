"""``estimate`` and ``search``: the JSON contract, the chosen configuration, one-line errors."""

from __future__ import annotations

import json

from engine.training.search import TIE
from tests.cli.test_cli import run
from tests.conftest import ROOT

SELENE = str(ROOT / "examples" / "dgx-a100-selene-1024.yaml")
GPT3_ON_1024 = ("--model", "gpt3-175b", "--accelerator", "a100-80gb", "--gpus", "1024",
                "--tokens", "300e9")
CONTRACT = {"iteration_time_s", "tokens_per_s", "model_tflops_per_gpu",
            "hardware_tflops_per_gpu", "mfu", "hfu", "memory_per_gpu_gib", "fits_in_memory",
            "time_to_train_days", "parallelism", "breakdown_s"}
PARALLELISM = {"tp", "pp", "dp", "cp", "ep", "micro_batch", "global_batch", "recompute",
               "virtual_stages", "zero"}
BREAKDOWN = {"compute", "bubble", "tp_comm", "pp_comm", "dp_comm", "cp_comm", "ep_comm",
             "optimizer", "exposed_comm"}


def test_estimate_json_has_every_contract_key_and_a_sensible_choice():
    result = run("estimate", *GPT3_ON_1024, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= CONTRACT
    assert set(data["parallelism"]) >= PARALLELISM
    assert set(data["breakdown_s"]) >= BREAKDOWN
    p = data["parallelism"]
    assert data["fits_in_memory"]
    assert data["gpus"] == 1024
    assert p["tp"] * p["cp"] <= 8, "model parallelism that talks every layer stays in a server"
    assert p["pp"] > 1
    assert p["micro_batch"] == 1
    assert 0.4 < data["mfu"] < 0.7
    assert data["time_to_train_days"] == 300e9 / data["tokens_per_s"] / 86400


def test_estimate_text_says_what_was_searched():
    result = run("estimate", *GPT3_ON_1024, "--tp", "8", "--pp", "16", "--recompute", "full")
    assert result.returncode == 0, result.stderr
    lines = {line.split("  ")[0]: line for line in result.stdout.splitlines()}
    assert "tp 8, pp 16" in lines["parallelism"]
    assert "recompute full" in lines["parallelism"]
    searched = lines["searched"].split("  ", 1)[1].strip().split(", ")
    assert "tp" not in searched
    assert "dp" in searched


def test_estimate_from_a_shape_and_a_moe_shape():
    shape = ("--layers", "24", "--hidden", "2048", "--heads", "16", "--seq", "2048",
             "--vocab", "32000", "--accelerator", "h100-sxm", "--gpus", "64", "--json")
    dense = json.loads(run("estimate", *shape).stdout)
    moe = json.loads(run("estimate", *shape, "--experts", "8", "--top-k", "2").stdout)
    assert moe["memory_breakdown_gib"]["weights"] > 0
    assert moe["model_tflops_per_gpu"] > 0
    assert moe["iteration_time_s"] > dense["iteration_time_s"]


def test_impossible_and_missing_inputs_are_one_line():
    cases = [
        (("--tp", "5"), "tp must divide the 96 attention heads"),
        (("--tp", "0"), "--tp: must be a whole number >= 1, got '0'"),
        (("--precision", "fp8"), "a100-80gb has no fp8 peak"),
    ]
    for flags, message in cases:
        result = run("estimate", *GPT3_ON_1024, *flags)
        assert result.returncode == 2, flags
        assert result.stderr.count("\n") == 1, result.stderr
        assert message in result.stderr
    result = run("estimate", "--layers", "4", "--accelerator", "a100-80gb", "--gpus", "8")
    assert result.returncode == 2
    assert "--hidden, --heads, --seq, --vocab: required without --model" in result.stderr


def test_a_configuration_too_big_is_flagged_not_hidden():
    result = run("estimate", "--model", "gpt3-175b", "--accelerator", "a100-80gb", "--gpus",
                 "8", "--tp", "8", "--pp", "1", "--global-batch", "8", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["fits_in_memory"] is False
    assert "warning: no configuration fits" in result.stderr


def test_search_ranks_and_explains_rejections():
    result = run("search", *GPT3_ON_1024, "--top", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["rank", "tp", "pp"]
    assert [line.split()[0] for line in lines[2:5]] == ["1", "2", "3"]
    assert any("rejected" in line and "the interleaved schedule needs a multiple" in line
               for line in lines)
    data = json.loads(run("search", *GPT3_ON_1024, "--top", "4", "--json").stdout)
    assert len(data["top"]) == 4
    assert data["fitting"] <= data["evaluated"]
    times = [e["iteration_time_s"] for e in data["top"]]
    assert times[0] <= min(times) * (1 + TIE), "the first is the best, or ties with it"


def test_search_and_estimate_on_a_file_keep_its_workload():
    data = json.loads(run("search", SELENE, "--top", "2", "--json").stdout)
    for e in data["top"]:
        assert (e["parallelism"]["tp"], e["parallelism"]["pp"], e["parallelism"]["dp"]) == \
            (8, 16, 8)
        assert (e["model"], e["precision"]) == ("gpt3-175b", "fp16")
    data = json.loads(run("estimate", SELENE, "--pp", "8", "--json").stdout)
    assert data["parallelism"]["pp"] == 8


def test_evaluate_has_a_training_section():
    data = json.loads(run("evaluate", SELENE, "--json").stdout)
    assert set(data["training"]) >= CONTRACT
    assert data["training"]["parallelism"]["tp"] == 8


def test_a_file_with_its_own_accelerator_and_model(tmp_path):
    from tests.engine.test_layout_roundtrip import CUSTOM

    path = tmp_path / "own.yaml"
    path.write_text(CUSTOM)
    result = run("search", str(path), "--top", "1", "--json")
    assert result.returncode == 0, result.stderr
    best = json.loads(result.stdout)["top"][0]
    assert (best["model"], best["accelerator"], best["gpus_available"]) == \
        ("my-model", "my-npu", 16)
