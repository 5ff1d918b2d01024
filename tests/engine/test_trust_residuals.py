"""The stored residuals (engine/trust/residuals.yaml) are the engine's predictions today.

Every published measurement is predicted again, as the calibration tests
predict it; a stored prediction more than 0.1% off fails the test, so a
change of the model cannot leave the bands resting on stale errors.
``python -m tests.engine.test_trust_residuals > engine/trust/residuals.yaml``
writes the file anew.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
import yaml

from engine.catalog import load_catalog
from engine.collectives import collective
from engine.evaluate import evaluate
from engine.fabric import fabric_from_hardware
from engine.layout import catalog_for, load_design
from engine.training import TRAINING
from engine.trust import load_residuals
from engine.trust.bands import collective_scope
from engine.trust.residuals import RESIDUALS, regime_of
from tests.conftest import EXAMPLES
from tests.engine import test_collective_calibration as nccl
from tests.engine import test_llama3_calibration as llama3
from tests.engine import test_serving_calibration as serving
from tests.engine import test_training_calibration as megatron

CATALOG = load_catalog()
# DeepSeek-V3 pre-training: 2.664M H800 GPU-hours for 14.8T tokens (arXiv:2412.19437 Table 1).
DEEPSEEK_TOKENS_PER_GPU_S = 14.8e12 / (2.664e6 * 3600)


def _row(id_: str, accelerator: str, precision: str, scope: str, gpus: int,
         published: float, predicted: float, source: str) -> dict[str, Any]:
    return {"id": id_, "accelerator": accelerator,
            "regime": regime_of(CATALOG.accelerator(accelerator)), "precision": precision,
            "scope": scope, "gpus": gpus, "published": round(float(published), 6),
            "predicted": round(float(predicted), 6), "source": source}


def training_rows() -> list[dict[str, Any]]:
    rows = [_row(run["id"], "a100-80gb", "fp16", "", run["hardware"]["count"],
                 run["measured"]["tflops_per_gpu"],
                 megatron.predict(run)["hardware_tflops_per_gpu"],
                 "Narayanan et al. 2021 (arXiv:2104.04473) Tables 1-2, TFLOP/s per GPU")
            for run in megatron._runs()]
    rows += [_row(run["id"], "h100-sxm", "bf16", "", run["gpus"], run["tflops_per_gpu"],
                  llama3.predict(run)["model_tflops_per_gpu"],
                  "Llama 3 (arXiv:2407.21783) Table 4, model TFLOP/s per GPU")
             for run in llama3.RUNS]
    design = load_design(str(next(p for p in EXAMPLES if p.stem == "h800-2048-deepseek")))
    training = evaluate(design, catalog_for(design, CATALOG)).require(TRAINING)
    rows.append(_row("deepseek_v3_pretraining", "h800", "fp8", "", training.gpus,
                     DEEPSEEK_TOKENS_PER_GPU_S, training.tokens_per_s / training.gpus,
                     "DeepSeek-V3 (arXiv:2412.19437) Table 1: 2.664M H800 GPU-hours for 14.8T "
                     "tokens, tokens/s per GPU"))
    return rows


def collective_rows() -> list[dict[str, Any]]:
    rows = []
    for row_id, accelerator in nccl.SWEEPS.items():
        fabric = fabric_from_hardware(CATALOG, accelerator, 8)
        for m in nccl._rows()[row_id]["measurements"]:
            size = m["message_bytes"]
            model_us = collective(fabric, "all_reduce", size).time_s[0] * 1e6
            scope = collective_scope(size, crosses_network=False)
            rows.append(_row(f"{row_id}_{size}B", accelerator, "-", scope, 8,
                             size / m["time_us"] / 1e3, size / model_us / 1e3,
                             f"{nccl._rows()[row_id]['source']}; algbw GB/s"))
    for row_id, accelerator, nic_gbps in (
            ("hdr200_per_nic_expected_maintainer_issue160", "a100-80gb", 200),
            ("ndr400_per_nic_expected_maintainer_issue290", "h100-sxm", 400)):
        low, _, high = str(nccl._rows()[row_id]["measurements"][0]["busbw_per_nic_GBps"]) \
            .partition("-")
        fabric = fabric_from_hardware(CATALOG, accelerator, 32, 8, nic_gbps, 8)
        busbw = collective(fabric, "all_reduce", 2.0**33, algorithm="ring").busbw_GBps[0] / 8
        rows.append(_row(row_id, accelerator, "-", "network", 32,
                         (float(low) + float(high or low)) / 2, busbw,
                         f"{nccl._rows()[row_id]['source']}; busbw GB/s per NIC"))
    return rows


def serving_rows() -> list[dict[str, Any]]:
    """Each published serving run as ``serve`` predicts it with its stated setup (the
    assumptions of tests/engine/test_serving_calibration.py)."""
    rows = []
    for run in serving._runs():
        p = serving.predict(run)
        rows.append(_row(run["id"], serving.ACCELERATORS[run["hardware"]["kind"]],
                         run["software"]["precision"]["weights"], p.scenario,
                         run["hardware"]["count"], p.measured, p.predicted,
                         f"{run['source']}; output tokens/s"))
    return rows


def current() -> dict[str, list[dict[str, Any]]]:
    return {"training": training_rows(), "collective": collective_rows(),
            "serving": serving_rows()}


def test_stored_predictions_are_the_engines_today():
    stored = {r.id: r for r in load_residuals()}
    for kind, rows in current().items():
        for row in rows:
            old = stored.get(row["id"])
            assert old is not None, f"{row['id']} missing: regenerate {RESIDUALS.name}"
            assert old.kind == kind
            assert old.predicted == pytest.approx(row["predicted"], rel=1e-3), \
                f"{row['id']}: stored {old.predicted}, engine now {row['predicted']}"
            assert old.published == pytest.approx(row["published"], rel=1e-9)


if __name__ == "__main__":
    sys.stdout.write("# The engine's predictions of every published measurement it is checked "
                     "against, with\n# the published figure (rates: TFLOP/s, tokens/s, "
                     "GB/s). Written by\n# python -m tests.engine.test_trust_residuals; "
                     "tests/engine/test_trust_residuals.py\n# fails when a prediction here is "
                     "stale.\n")
    yaml.safe_dump(current(), sys.stdout, sort_keys=False, width=100)
