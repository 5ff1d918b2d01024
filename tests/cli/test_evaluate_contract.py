"""``evaluate --json`` and ``compare --json`` keep every key and value scripts read.

The files under ``tests/data/evaluate_json`` were captured from the command
line before the engine's results became typed sections. Keys may be added
to the output, never renamed or dropped, and no figure may change unless a
change of the model says so (then the capture is made again, in the same
commit that says why).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.conftest import DATA, EXAMPLES
from workbench.cli import main

CAPTURED = DATA / "evaluate_json"


def _json_of(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def _assert_keeps(captured: Any, now: Any, where: str = "") -> None:
    """Every key of ``captured`` is in ``now`` with an equal value (new keys are allowed)."""
    if isinstance(captured, dict):
        assert isinstance(now, dict), f"{where or 'top'} is no longer a mapping"
        for key, value in captured.items():
            assert key in now, f"{where}.{key} was dropped"
            _assert_keeps(value, now[key], f"{where}.{key}")
    elif isinstance(captured, list):
        assert isinstance(now, list), f"{where} is no longer a list"
        assert len(now) == len(captured), f"{where} changed length"
        for index, (old, new) in enumerate(zip(captured, now, strict=True)):
            _assert_keeps(old, new, f"{where}[{index}]")
    else:
        assert now == captured, f"{where}: {captured!r} became {now!r}"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_evaluate_json_keeps_every_captured_key_and_value(path, capsys):
    captured = json.loads((CAPTURED / f"{path.stem}.json").read_text())
    _assert_keeps(captured, _json_of(capsys, "evaluate", str(path), "--json"))


def test_compare_json_keeps_every_captured_key_and_value(capsys):
    what_if = next(p for p in EXAMPLES if p.stem == "what-if-a800-h800-h20")
    captured = json.loads((CAPTURED / "compare-what-if.json").read_text())
    _assert_keeps(captured, _json_of(capsys, "compare", str(what_if), "--json"))


def test_a_changed_value_or_dropped_key_is_caught():
    captured = {"training": {"mfu": 0.5, "parallelism": {"tp": 8}}, "list": [1, 2]}
    _assert_keeps(captured, {"training": {"mfu": 0.5, "parallelism": {"tp": 8, "cp": 1}},
                             "list": [1, 2], "bands": {}})
    with pytest.raises(AssertionError, match="mfu"):
        _assert_keeps(captured, {"training": {"mfu": 0.51, "parallelism": {"tp": 8}},
                                 "list": [1, 2]})
    with pytest.raises(AssertionError, match="tp was dropped"):
        _assert_keeps(captured, {"training": {"mfu": 0.5, "parallelism": {}}, "list": [1, 2]})
