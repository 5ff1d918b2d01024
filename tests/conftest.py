"""Shared fixtures: offscreen Qt, a user catalog folder of our own, a tiny catalog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# `make test` keeps property tests quick; `make fuzz` (HYPOTHESIS_PROFILE=fuzz) runs long.
settings.register_profile("default", max_examples=100, deadline=2000)
settings.register_profile("fuzz", max_examples=5000, deadline=5000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = Path(__file__).parent / "data"
# A copy of ../shared/calibration/published_runs.yaml, so a clean clone tests on its own;
# tests/test_shared_data.py checks the copy still equals the shared original when present.
CALIBRATION = DATA / "calibration" / "published_runs.yaml"


@pytest.fixture(autouse=True)
def _no_user_catalog(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's own catalog folder."""
    monkeypatch.setenv("CLUSTER_WORKBENCH_CATALOG", str(tmp_path_factory.mktemp("usercat")))


@pytest.fixture(autouse=True)
def _no_user_settings(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests, and the apps they start, never touch the developer's Qt settings or
    recovery files (QSettings and QStandardPaths follow the XDG folders)."""
    home = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))


@pytest.fixture
def small_catalog():
    """Two accelerators, three link kinds, one switch, one model."""
    from engine.catalog.loader import build_catalog
    return build_catalog([DATA / "small_catalog.yaml"])
