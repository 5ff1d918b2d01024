"""The calibration data the tests read is the project's shared, published set."""

from __future__ import annotations

import pytest

from tests.conftest import CALIBRATION, ROOT

SHARED = ROOT.parent / "shared" / "calibration"


@pytest.mark.parametrize("name", [CALIBRATION.name, "serving_runs.yaml"])
def test_the_copy_equals_the_shared_calibration_file(name):
    shared = SHARED / name
    if not shared.exists():
        pytest.skip("no ../shared beside this clone")
    assert (CALIBRATION.parent / name).read_bytes() == shared.read_bytes()
