"""The calibration data the tests read is the project's shared, published set."""

from __future__ import annotations

import pytest

from tests.conftest import CALIBRATION, ROOT

SHARED = ROOT.parent / "shared" / "calibration" / "published_runs.yaml"


@pytest.mark.skipif(not SHARED.exists(), reason="no ../shared beside this clone")
def test_the_copy_equals_the_shared_calibration_file():
    assert CALIBRATION.read_bytes() == SHARED.read_bytes()
