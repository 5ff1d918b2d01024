"""Serving as a section: design files with a serving workload, its headline figures, and
designs without one evaluating as they did before serving existed."""

from __future__ import annotations

import dataclasses
import json
from contextlib import contextmanager

import pytest

from engine.catalog import load_catalog
from engine.compare import compare, figures_asked
from engine.cost import COST
from engine.design import Design, Node
from engine.errors import LayoutError
from engine.estimates import REGISTRY
from engine.evaluate import evaluate
from engine.headline import asked, by_key, figure_keys, headline
from engine.layout import dumps_design, load_design, loads_design
from engine.plan import PLAN
from engine.reliability import RELIABILITY
from engine.scenarios import scenarios_of
from engine.seller import SELLER
from engine.serving import JSON_KEYS, ServingWorkload, users_served
from engine.serving.section import SERVING, SERVING_SETTINGS
from engine.training import TRAINING
from tests.conftest import EXAMPLES, ROOT
from workbench.cli import main

CATALOG = load_catalog()
LLAMA = ROOT / "examples" / "llama2-70b-8xh100-serving.yaml"
CHATBOT = ROOT / "examples" / "chatbot-gpt35-class-a100.yaml"
INF2 = ROOT / "examples" / "inferentia2-vs-gpus.yaml"
SERVING_FIGURES = ("output_tokens_per_s", "ttft_ms", "tpot_ms",
                   "cost_per_million_output_tokens", "users_served")
ONE_SERVER = """format: cluster-workbench/1
name: one server
nodes:
  - {id: dgx, kind: server, accelerator: h100-sxm, accelerators: 8}
"""
TRAINING_ONLY = [p for p in EXAMPLES if "serving:" not in p.read_text()]


@contextmanager
def without_serving():
    """The engine as it was before the serving section existed."""
    REGISTRY.unregister(SERVING)
    try:
        yield
    finally:
        REGISTRY.register(SERVING)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_a_serving_design_round_trips_and_keeps_what_it_asks_for():
    only = loads_design(ONE_SERVER + "serving: {}\n", catalog=CATALOG)
    assert not only.trains, "a serving workload and no training workload: serving only"
    assert SERVING_SETTINGS.present(only)
    assert SERVING_SETTINGS.of(only) == ServingWorkload(), "all defaults, still asked for"
    both = loads_design(ONE_SERVER + "workload: {}\nserving: {model: Llama-2-70B}\n",
                        catalog=CATALOG)
    assert both.trains
    assert SERVING_SETTINGS.of(both).model == "llama2-70b", "named as the catalog names it"
    plain = loads_design(ONE_SERVER, catalog=CATALOG)
    assert plain.trains
    assert not SERVING_SETTINGS.present(plain)
    for design in (only, both, plain, load_design(str(INF2), CATALOG)):
        assert loads_design(dumps_design(design), catalog=CATALOG) == design
    assert "serving:" not in dumps_design(plain)
    assert "workload:" not in dumps_design(only)


def test_an_unknown_serving_model_is_a_located_problem():
    with pytest.raises(LayoutError, match=r"serving\.model") as info:
        loads_design(ONE_SERVER + "serving: {model: gpt-9}\n", "x.yaml", CATALOG)
    assert "x.yaml:5" in str(info.value)


def test_evaluate_json_has_the_serving_keys_of_the_contract(capsys):
    data = json.loads(_cli(capsys, "evaluate", str(LLAMA), "--json"))
    serving = data["serving"]
    assert list(serving)[:len(JSON_KEYS)] == list(JSON_KEYS)
    assert set(serving["parallelism"]) == {"tp", "pp", "ep", "replicas"}
    assert serving["users_served"] > 0
    assert "training" not in data
    assert "errors" not in data, "a design that only serves has nothing wrong"


def test_serve_with_the_file_uses_its_serving_workload(capsys):
    evaluated = json.loads(_cli(capsys, "evaluate", str(CHATBOT), "--json"))["serving"]
    served = json.loads(_cli(capsys, "serve", str(CHATBOT), "--json"))
    assert served == {key: evaluated[key] for key in JSON_KEYS}
    assert served["parallelism"]["tp"] == 8                  # the file's fixed layout
    longer = json.loads(_cli(capsys, "serve", str(CHATBOT), "--output-tokens", "1000",
                             "--json"))
    assert longer["cost_per_request"] > served["cost_per_request"], "a flag overrides"


def test_headline_figures_of_a_serving_example_are_the_sections_numbers():
    result = evaluate(load_design(str(CHATBOT), CATALOG), CATALOG)
    report = result.require(SERVING)
    e = report.estimate
    figures = by_key(headline(result))
    assert figures["output_tokens_per_s"].value == e.output_tokens_per_s
    assert figures["ttft_ms"].value == e.ttft_ms
    assert figures["tpot_ms"].value == e.tpot_ms <= 50.0, "the file's 50 ms TPOT target"
    assert figures["cost_per_million_output_tokens"].value == e.cost_per_million_output_tokens
    assert figures["users_served"].value == users_served(e, 20.0) == \
        e.batch_per_replica * 3616
    assert figures["cost_per_million_output_tokens"].unit == "USD"
    assert figures["users_served"].text == f"{e.batch_per_replica * 3616:,}"
    cost = result.require(COST)
    assert e.cost_per_request == pytest.approx(
        cost.cost_per_gpu_hour * e.gpus / (e.requests_per_s * 3600))
    assert 0.005 < e.cost_per_request < 0.02, "about the press's 0.01 USD an interaction"


def test_a_design_that_only_serves_says_plainly_it_trains_nothing():
    result = evaluate(load_design(str(LLAMA), CATALOG), CATALOG)
    assert result.errors == {}
    assert result.error(TRAINING) == result.error(RELIABILITY) == "no training workload"
    figures = by_key(headline(result))
    for key in ("time_to_train_days", "mfu", "cost_per_run", "goodput"):
        assert figures[key].value is None
        assert figures[key].missing.endswith(": no training workload")
        assert not figures[key].failed
    assert result.require(COST).unavailable["run"] == "no training workload"
    listed = [f.key for f in asked(result)]
    assert "cost_per_run" not in listed
    assert "time_to_train_days" not in listed
    assert listed[-5:] == list(SERVING_FIGURES)


def test_serving_cost_is_missing_with_the_cost_sections_reason():
    design = dataclasses.replace(
        Design(nodes=(Node("inf2", "server", "inferentia2", accelerators=4),)), trains=False)
    design = SERVING_SETTINGS.with_value(design, ServingWorkload(model="llama2-13b"))
    result = evaluate(design, CATALOG)
    figures = by_key(headline(result))
    assert figures["output_tokens_per_s"].value > 0
    cost = figures["cost_per_million_output_tokens"]
    assert cost.value is None
    assert cost.missing == f"cost: {result.error(COST)}"
    assert cost.failed


@pytest.mark.parametrize("path", TRAINING_ONLY[:3] + TRAINING_ONLY[-1:],
                         ids=lambda p: p.stem)
def test_a_design_without_serving_evaluates_as_before(path, capsys):
    design = load_design(str(path), CATALOG)
    result = evaluate(design, CATALOG)
    assert result.skipped == {"serving": "no serving workload"}
    figures = by_key(headline(result))
    for key in SERVING_FIGURES:
        assert figures[key].value is None
        assert figures[key].missing == "serving: no serving workload"
        assert not figures[key].failed
    text = _cli(capsys, "evaluate", str(path), "--scenarios")
    with without_serving():
        before = _cli(capsys, "evaluate", str(path), "--scenarios")
        assert evaluate(design, CATALOG).to_json() == result.to_json()
    assert text == before


def test_tables_show_the_figures_some_design_asks_for():
    """Serving rows only where a design serves; training's only where a design trains; the
    seller's and the plan's only where a design sets their settings."""
    served = compare([(d.name, d) for d in scenarios_of(load_design(str(INF2), CATALOG))],
                     CATALOG)
    keys = [spec.key for spec in figures_asked(served)]
    assert keys[-5:] == list(SERVING_FIGURES)
    assert "mfu" not in keys
    assert "goodput" not in keys
    assert "cost_per_run" not in keys, "a run's cost needs a training estimate"
    assert "cost_per_million_tokens" not in keys
    assert served.best["output_tokens_per_s"] == ("8 x A100 80GB",)
    assert served.best["cost_per_million_output_tokens"] == ("4 x Inferentia2",)
    trained = compare([("h800", load_design(str(TRAINING_ONLY[0]), CATALOG))], CATALOG)
    asked_for = {spec.key for section in (SELLER, PLAN) for spec in section.figures}
    assert [spec.key for spec in figures_asked(trained)] == \
        [key for key in figure_keys() if key not in {*SERVING_FIGURES, *asked_for}]


def test_workloads_are_added_and_left_out_as_a_file_would_read_them(tmp_path):
    trains = load_design(str(EXAMPLES[0]), CATALOG)
    serves = SERVING_SETTINGS.added(trains)
    assert SERVING_SETTINGS.of(serves) == ServingWorkload()
    only = TRAINING.settings.removed(serves)
    assert not only.trains
    assert loads_design(dumps_design(only), "x.yaml", CATALOG) == only
    assert SERVING_SETTINGS.removed(serves) == trains
    assert TRAINING.settings.added(only).trains
