"""The section registry: a section registered for a while is everywhere sections are listed.

A toy section with one setting and one headline figure, registered in this
test only, appears in ``evaluate()``, ``headline()``, ``compare()``, the
layout file and ``evaluate --json``; once unregistered, nothing of it is
left. No engine file names it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from engine.catalog import load_catalog
from engine.compare import compare
from engine.errors import LayoutError
from engine.estimates import REGISTRY
from engine.evaluate import evaluate
from engine.headline import by_key, figure_keys, headline
from engine.inventory import INVENTORY
from engine.layout import dumps_design, loads_design
from engine.results import JsonResult
from engine.sections import HIGHER, FigureSpec, Section, SectionSettings
from engine.settings import setting
from engine.sweep import parameters
from engine.training import TRAINING
from tests.conftest import ROOT
from workbench.cli import main

SELENE = ROOT / "examples" / "dgx-a100-selene-1024.yaml"
ACCELERATORS = 1024


@dataclass(frozen=True)
class ToySettings:
    per_accelerator: float = setting(2.0, "Widgets per accelerator", unit="widgets",
                                     minimum=0.0)


@dataclass(frozen=True)
class ToyResult(JsonResult):
    widgets: float


TOY_SETTINGS = SectionSettings("toy", "Toy", ToySettings)


def _widgets(design, catalog, done) -> ToyResult:
    return ToyResult(done.require(INVENTORY).accelerators
                     * TOY_SETTINGS.of(design).per_accelerator)


TOY = Section("toy", "Toy", ToyResult, _widgets, needs=(INVENTORY,), settings=TOY_SETTINGS,
              figures=(FigureSpec("widgets", "Widgets", "widgets", HIGHER,
                                  lambda s: s.widgets, order=35, tile=True),))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def with_toy_settings(per_accelerator: float) -> str:
    return SELENE.read_text() + f"\ntoy:\n  per_accelerator: {per_accelerator}\n"


def test_a_registered_section_is_evaluated_headlined_compared_and_saved(catalog):
    with REGISTRY.registered(TOY):
        design = loads_design(with_toy_settings(3.0), catalog=catalog)
        assert TOY_SETTINGS.of(design) == ToySettings(3.0)
        assert loads_design(dumps_design(design), catalog=catalog) == design
        assert "toy:\n  per_accelerator: 3.0\n" in dumps_design(design)

        result = evaluate(design, catalog)
        assert result.result(TOY) == ToyResult(3.0 * ACCELERATORS)
        assert result.to_json()["toy"] == {"widgets": 3.0 * ACCELERATORS}

        figures = headline(result)
        assert [f.key for f in figures][2:4] == ["power_kw", "widgets"]   # by its order
        assert by_key(figures)["widgets"].value == 3.0 * ACCELERATORS

        base = loads_design(SELENE.read_text(), catalog=catalog)   # default settings: 2
        assert base.section_settings == ()                # defaults are no entry, so
        assert loads_design(dumps_design(base), catalog=catalog) == base   # they round-trip
        table = compare([("toy", design), ("base", base)], catalog)
        assert [r.values["widgets"] for r in table.rows] == [3072.0, 2048.0]
        assert table.best["widgets"] == ("toy",)

        assert "toy.per_accelerator" in {p.key for p in parameters(base, catalog)}


def test_a_registered_section_is_in_evaluate_json(tmp_path, capsys):
    path = tmp_path / "toy.yaml"
    path.write_text(with_toy_settings(0.5))
    with REGISTRY.registered(TOY):
        assert main(["evaluate", str(path), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["toy"] == {"widgets": 0.5 * ACCELERATORS}
        assert data["training"]["parallelism"]["tp"] >= 1          # the others still there
        assert main(["compare", str(path), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["rows"][0]["values"]["widgets"] == 512.0


def test_an_unregistered_section_leaves_nothing_behind(catalog):
    with REGISTRY.registered(TOY):
        pass
    assert TOY not in REGISTRY.sections()
    assert TOY_SETTINGS not in REGISTRY.settings_sections()
    assert "widgets" not in figure_keys()
    design = loads_design(SELENE.read_text(), catalog=catalog)
    assert "toy" not in evaluate(design, catalog).sections
    assert "toy" not in dumps_design(design)
    with pytest.raises(LayoutError, match="toy"):
        loads_design(with_toy_settings(3.0), catalog=catalog)


def test_the_registry_refuses_what_would_break_it():
    with pytest.raises(ValueError, match="registered already"):
        REGISTRY.register(TRAINING)
    lonely = Section("lonely", "Lonely", ToyResult, _widgets, needs=(TOY,))
    with pytest.raises(ValueError, match="needs toy"):
        REGISTRY.register(lonely)
    with REGISTRY.registered(TOY), REGISTRY.registered(lonely), \
            pytest.raises(ValueError, match="lonely need"):
        REGISTRY.unregister(TOY)
    twin = Section("twin", "Twin", ToyResult, _widgets, figures=TOY.figures)
    with REGISTRY.registered(TOY), pytest.raises(ValueError, match="widgets exist already"):
        REGISTRY.register(twin)
    assert [s.name for s in REGISTRY.sections()] == ["inventory", "network", "training", "cost",
                                            "reliability", "seller", "plan", "serving"]


def test_a_section_whose_result_has_the_wrong_type_is_a_bug(catalog):
    wrong = Section("wrong", "Wrong", ToyResult, lambda design, catalog, done: 42)
    design = loads_design(SELENE.read_text(), catalog=catalog)
    with REGISTRY.registered(wrong), pytest.raises(TypeError, match="computed a int"):
        evaluate(design, catalog)
