"""Published nccl-tests figures (shared/calibration) against the model: within 15%.

Two rows are outside the model's reach and are checked for what they are:
the 8x A100 sweep's 32 KiB and 1 MiB points take 2.8x longer than NCCL's own
latency model (and than the H100 sweep, run with one GPU per rank, at the
same sizes). That run used one process for all 8 GPUs (``-g 8``) and an
unstated, older NCCL; launch overheads of that harness are not hardware.
"""

from __future__ import annotations

import numpy as np
import pytest
import yaml

from engine.catalog import load_catalog
from engine.collectives import collective
from engine.fabric import fabric_from_hardware
from tests.conftest import CALIBRATION

TOLERANCE = 0.15
SWEEPS = {"dgx_h100_8gpu_allreduce_nccltests": "h100-sxm",
          "a100_8gpu_allreduce_nccltests_stas": "a100-80gb"}
HARNESS_LATENCY_ROWS = {("a100_8gpu_allreduce_nccltests_stas", 32768),
                        ("a100_8gpu_allreduce_nccltests_stas", 1048576)}


def _rows():
    data = yaml.safe_load(CALIBRATION.read_text())
    return {row["id"]: row for row in data["collectives"]}


def _sweep_points():
    for row_id, accelerator in SWEEPS.items():
        for m in _rows()[row_id]["measurements"]:
            yield pytest.param(row_id, accelerator, m, id=f"{accelerator}-{m['message_bytes']}B")


@pytest.mark.parametrize(("row_id", "accelerator", "measurement"), list(_sweep_points()))
def test_single_server_sweeps(row_id, accelerator, measurement):
    fabric = fabric_from_hardware(load_catalog(), accelerator, 8)
    size = measurement["message_bytes"]
    model_us = collective(fabric, "all_reduce", size).time_s[0] * 1e6
    ratio = measurement["time_us"] / model_us
    if (row_id, size) in HARNESS_LATENCY_ROWS:
        assert 2.0 < ratio < 3.5, "the harness-latency rows moved: re-read the docstring"
    else:
        assert abs(ratio - 1) <= TOLERANCE, f"measured {measurement['time_us']} us, " \
            f"model {model_us:.1f} us"


@pytest.mark.parametrize(("row_id", "accelerator", "nic_gbps"), [
    ("hdr200_per_nic_expected_maintainer_issue160", "a100-80gb", 200),
    ("ndr400_per_nic_expected_maintainer_issue290", "h100-sxm", 400),
])
def test_per_nic_busbw_across_servers(row_id, accelerator, nic_gbps):
    """NCCL maintainers: ring all-reduce over 3+ servers gives this busbw per NIC."""
    published = str(_rows()[row_id]["measurements"][0]["busbw_per_nic_GBps"])
    low, _, high = published.partition("-")
    expected = (float(low) + float(high or low)) / 2
    fabric = fabric_from_hardware(load_catalog(), accelerator, 32, 8, nic_gbps, 8)
    busbw = collective(fabric, "all_reduce", 2.0**33, algorithm="ring").busbw_GBps[0]
    assert busbw / 8 == pytest.approx(expected, rel=TOLERANCE)


def test_h100_single_node_figure_from_the_same_thread():
    measured = _rows()["ndr400_per_nic_expected_maintainer_issue290"]["measurements"][1]
    fabric = fabric_from_hardware(load_catalog(), "h100-sxm", 8)
    busbw = collective(fabric, "all_reduce", np.array([2.0**33])).busbw_GBps[0]
    assert busbw == pytest.approx(measured["busbw_GBps"], rel=TOLERANCE)
