"""Shared fixtures: offscreen Qt, a user catalog folder of our own, a tiny catalog."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = Path(__file__).parent / "data"


def _shared() -> Path:
    """The project's ``shared`` folder beside the checkout (a worktree sits a level deeper)."""
    for parent in ROOT.parents:
        if (parent / "shared" / "calibration").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


CALIBRATION = _shared() / "calibration" / "published_runs.yaml"


@pytest.fixture(autouse=True)
def _no_user_catalog(tmp_path_factory: pytest.TempPathFactory,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's own catalog folder."""
    monkeypatch.setenv("CLUSTER_WORKBENCH_CATALOG", str(tmp_path_factory.mktemp("usercat")))


@pytest.fixture
def small_catalog():
    """Two accelerators, three link kinds, one switch, one model."""
    from engine.catalog.loader import build_catalog
    return build_catalog([DATA / "small_catalog.yaml"])
