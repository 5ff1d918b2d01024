"""Every example with numbers pushed to extremes: a result or one clear error, never a
traceback, never unbounded work (issue 20).

Each case takes an example, sets one to three of its numbers to 0, -1, 10^7, 10^21, a
310-digit number, NaN or an infinity, and runs ``evaluate`` on it, scenarios and output
included. The numbers are the file's own (counts, replicas, positions, settings), every
numeric setting of every settings section the file has, and the shape of the model it
trains or serves (copied into the file's catalog section). Only the engine's errors may
come out. ``make test`` runs a few dozen cases; ``make fuzz`` (the fuzz profile) runs the
profile's many, each under 5 s of CPU and 1 GB of memory allocated (tracemalloc, which
slows the run, so only there).
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import tempfile
import time
import tracemalloc
from argparse import Namespace
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.errors import EngineError
from engine.estimates import REGISTRY
from engine.settings import leaves
from tests.conftest import EXAMPLES, ROOT
from workbench.cli import evaluate_cmd

FUZZ = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EXTREMES = [0, -1, 10**7, 10**21, 10**309, math.nan, math.inf, -math.inf]
MEMORY_LIMIT = 2**30
SECONDS_LIMIT = 5.0   # of this process's CPU, so other work on the machine does not count
DATA = {path.name: yaml.safe_load(path.read_text()) for path in EXAMPLES}
MODELS = {m["id"]: m for m in
          yaml.safe_load((ROOT / "engine/catalog/models.yaml").read_text())["models"]}
SETTINGS = [(s.key, s.optional, leaf.path) for s in REGISTRY.settings_sections()
            for leaf in leaves(s.cls) if leaf.field.kind in (int, float)]

Path_ = tuple[Any, ...]


def numbers(data: Any, path: Path_ = ()) -> list[Path_]:
    """Key paths of every number in ``data``."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in numbers(v, (*path, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in numbers(v, (*path, i))]
    return [path] if isinstance(data, int | float) and not isinstance(data, bool) else []


def with_model(data: dict) -> dict:
    """``data`` with the models it trains and serves copied into its catalog section."""
    used = {data[k]["model"] for k in ("workload", "serving")
            if isinstance(data.get(k), dict) and data[k].get("model") in MODELS}
    if used:
        catalog = data.setdefault("catalog", {})
        catalog.setdefault("models", []).extend(dict(MODELS[m]) for m in sorted(used))
    return data


def put(data: dict, path: Path_, value: Any) -> None:
    """Set ``value`` at ``path``, making the mappings on the way."""
    for key in path[:-1]:
        data = data.setdefault(key, {}) if isinstance(data, dict) else data[key]
    data[path[-1]] = value


@st.composite
def extreme_examples(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(DATA)))
    data = yaml.safe_load(yaml.safe_dump(DATA[name]))      # a fresh copy
    if draw(st.booleans()):
        data = with_model(data)
    asked = {(key, *path) for key, optional, path in SETTINGS if key in data or not optional}
    targets = sorted(set(numbers(data)) | asked, key=str)
    for _ in range(draw(st.integers(1, 3))):
        put(data, draw(st.sampled_from(targets)), draw(st.sampled_from(EXTREMES)))
    return name, yaml.safe_dump(data, sort_keys=False)


def evaluate_file(text: str) -> None:
    """``cluster-workbench evaluate --scenarios`` of ``text``, its output thrown away."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "extreme.yaml"
        path.write_text(text)
        with contextlib.redirect_stdout(io.StringIO()):
            evaluate_cmd.run(Namespace(file=str(path), json=False, scenarios=True))


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """The first evaluation imports and reads the catalog and the bands' data: not a run's
    own time."""
    evaluate_file(EXAMPLES[0].read_text())


@settings(max_examples=settings.default.max_examples if FUZZ else 30, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(extreme_examples())
def test_extreme_numbers_give_a_result_or_an_engine_error(case):
    name, text = case
    if FUZZ:
        tracemalloc.start()
    try:
        started = time.process_time()
        with contextlib.suppress(EngineError):
            evaluate_file(text)
        if FUZZ:
            seconds, (_, peak) = time.process_time() - started, tracemalloc.get_traced_memory()
            assert seconds < SECONDS_LIMIT, f"{name}: {seconds:.1f} s of CPU"
            assert peak < MEMORY_LIMIT, f"{name}: {peak / 2**20:.0f} MiB"
    finally:
        if FUZZ:
            tracemalloc.stop()
