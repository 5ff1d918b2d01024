"""``serve``: the JSON contract, readable text, one-line errors, no Qt."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.cli.test_cli import run
from tests.conftest import ROOT

CASE = ("--model", "llama2-70b", "--accelerator", "h100-sxm", "--gpus", "8",
        "--input-tokens", "1024", "--output-tokens", "256")
KEYS = ["output_tokens_per_s", "input_tokens_per_s", "requests_per_s", "ttft_ms", "tpot_ms",
        "per_gpu_output_tokens_per_s", "batch_per_replica", "parallelism",
        "memory_per_gpu_gib", "kv_cache_gib", "max_batch_by_memory", "fits_in_memory",
        "bottleneck", "cost_per_million_output_tokens", "cost_per_request", "currency"]


def test_serve_json_has_exactly_the_contract_keys_and_prices_the_tokens():
    result = run("serve", *CASE, "--price-per-gpu-hour", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == KEYS
    p = data["parallelism"]
    assert p["tp"] * p["pp"] * p["ep"] * p["replicas"] <= 8
    assert data["currency"] == "USD"
    gpus = p["tp"] * p["pp"] * p["ep"] * p["replicas"]
    assert data["cost_per_million_output_tokens"] == \
        2 * gpus / (data["output_tokens_per_s"] * 3600) * 1e6
    assert data["bottleneck"] in ("compute", "memory bandwidth", "communication",
                                  "memory capacity")


def test_serve_text_reads_like_estimate():
    result = run("serve", *CASE, "--scenario", "server", "--tp", "8", "--rent", "--discount",
                 "0.5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    labels = [line.split("  ")[0] for line in lines]
    assert labels[:7] == ["serving", "throughput", "latency", "parallelism", "memory per GPU",
                          "iteration", "cost"]
    assert "tp 8" in result.stdout
    assert "p99" in result.stdout


def test_serve_a_design_file_uses_its_accelerators_and_links():
    path = str(ROOT / "examples" / "h800-1024.yaml")
    text = run("serve", path, "--model", "llama2-70b", "--input-tokens", "512",
               "--output-tokens", "128", "--buy")
    assert text.returncode == 0, text.stderr
    assert "of 1,024 x h800" in text.stdout
    assert "not priced" not in text.stdout, "a drawn design prices its network too"
    data = json.loads(run("serve", path, "--model", "llama2-70b", "--input-tokens", "512",
                          "--output-tokens", "128", "--json").stdout)
    p = data["parallelism"]
    assert p["tp"] * p["pp"] * p["ep"] * p["replicas"] <= 1024
    assert data["output_tokens_per_s"] > 0


def test_bad_values_are_one_line_errors():
    for extra, message in (
            (("--precision", "fp8", "--accelerator", "a100-80gb"), "a100-80gb has no fp8 peak"),
            (("--scenario", "interactive"), "interactive needs --concurrency"),
            (("--concurrency", "8"), "only the interactive scenario"),
            (("--top-k", "2"), "llama2-70b has no experts")):
        args = list(CASE)
        if "--accelerator" in extra:
            args[args.index("--accelerator") + 1] = extra[extra.index("--accelerator") + 1]
            extra = extra[:extra.index("--accelerator")]
        result = run("serve", *args, *extra)
        assert result.returncode == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    too_big = run("serve", "--model", "llama3-405b", "--accelerator", "a100-40gb", "--gpus",
                  "2", "--input-tokens", "10", "--output-tokens", "10")
    assert too_big.returncode == 2
    assert "do not fit" in too_big.stderr


def test_serve_imports_no_qt():
    code = ("import sys; from workbench.cli import main; "
            f"main(['serve', *{list(CASE)!r}, '--json']); "
            "assert not any(m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6', 'widgets')"
            " for m in sys.modules), 'Qt imported'")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
