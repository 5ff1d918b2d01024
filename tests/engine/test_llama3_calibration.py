"""Llama 3 405B on 8,192 and 16,384 H100 (arXiv:2407.21783 Table 4) predicted by ``estimate``.

The published configuration is given (tp, cp, pp, dp, sequence and batch);
the rest is searched with today's software defaults. Meta's figure is model
FLOP/s per GPU (its "BF16 MFU"), compared with ``model_tflops_per_gpu``.
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest
import yaml

from tests.conftest import DATA
from workbench.cli import main

RUNS = yaml.safe_load((DATA / "calibration" / "llama3_runs.yaml").read_text())["runs"]
TOLERANCE = 0.15


def predict(run: dict) -> dict:
    args = ["estimate", "--model", "llama3-405b", "--accelerator", "h100-sxm",
            "--gpus", run["gpus"], "--gpus-per-node", 8, "--nic-gbps", 400,
            "--nics-per-node", 8, "--tp", run["tp"], "--cp", run["cp"], "--pp", run["pp"],
            "--dp", run["dp"], "--seq", run["seq_len"], "--global-batch", run["global_batch"],
            "--json"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([str(a) for a in args]) == 0
    return json.loads(out.getvalue())


# With Hopper's kernel-calibrated GEMM efficiency the 8K run on 8,192 GPUs comes out 15.4%
# low: the engine has it recompute every layer (the fullest stage needs 75 GiB of 73.6
# without) and expose all tensor-parallel communication (overlap_tp_comm is off by default),
# neither of which the paper states; with Megatron-Core's TP overlap it is within 1%
# (docs/engine.md, "Llama 3 405B on H100").
KNOWN_MISSES = {"llama3_405b_8k_gpus": "15.4% low: full recompute and exposed TP "
                "communication, neither stated by the paper (docs/engine.md, Llama 3)"}


@pytest.mark.parametrize("run", [pytest.param(r, marks=pytest.mark.xfail(
    strict=True, reason=KNOWN_MISSES[r["id"]])) if r["id"] in KNOWN_MISSES else r
    for r in RUNS], ids=lambda r: r["id"])
def test_llama3_throughput_within_tolerance(run):
    ours = predict(run)
    assert ours["fits_in_memory"]
    error = ours["model_tflops_per_gpu"] / run["tflops_per_gpu"] - 1
    assert abs(error) <= TOLERANCE, f"{ours['model_tflops_per_gpu']:.0f} TFLOP/s per GPU " \
        f"against {run['tflops_per_gpu']} published ({error:+.1%})"
