"""Scenarios in the document: duplicate, rename, delete and switch are undo steps, item
edits land on the scenario they were made on, and a file's scenarios round-trip."""

from __future__ import annotations

import dataclasses

import pytest

from engine.design import Design
from engine.edit_errors import InvalidValueError
from engine.layout import load_design, save_design
from engine.scenarios import scenarios_of, unique_labels, unique_name, with_scenarios
from tests.conftest import ROOT
from workbench.document.commands import (
    RenameScenarioCommand,
    ReplaceCommand,
    SwitchScenarioCommand,
    delete_scenario,
    duplicate_scenario,
)
from workbench.document.document import Document

WHAT_IF = ROOT / "examples" / "what-if-a800-h800-h20.yaml"


def names(doc: Document) -> list[str]:
    return [d.name for d in doc.scenarios]


def replicas(doc: Document, node_id: str, scenario: int) -> int:
    return doc.scenarios[scenario].node(node_id).replicas


def test_duplicate_makes_an_active_copy_and_undo_takes_it_back(doc):
    doc.push(lambda d: duplicate_scenario(d, 0, "bigger"))
    assert names(doc) == ["two servers", "bigger"]
    assert doc.active_scenario == 1
    assert doc.design == dataclasses.replace(doc.scenarios[0], name="bigger")
    doc.undo_stack.undo()
    assert names(doc) == ["two servers"]
    assert doc.active_scenario == 0
    assert not doc.is_modified()
    doc.undo_stack.redo()
    assert (names(doc), doc.active_scenario) == (["two servers", "bigger"], 1)


def test_an_edit_belongs_to_the_scenario_it_was_made_on(doc):
    doc.push(lambda d: duplicate_scenario(d, 0, "bigger"))
    node = doc.node("s1")
    doc.push(lambda d: ReplaceCommand(d, node, dataclasses.replace(node, replicas=8)))
    doc.push(lambda d: SwitchScenarioCommand(d, 0))
    assert doc.design.node("s1").replicas == 2
    assert (replicas(doc, "s1", 0), replicas(doc, "s1", 1)) == (2, 8)
    doc.undo_stack.undo()                       # back to "bigger" ...
    assert doc.active_scenario == 1
    doc.undo_stack.undo()                       # ... and the edit is undone there
    assert (replicas(doc, "s1", 0), replicas(doc, "s1", 1)) == (2, 2)
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert (doc.active_scenario, replicas(doc, "s1", 1)) == (0, 8)


def test_deleting_the_active_scenario_shows_its_neighbour(doc):
    doc.push(lambda d: duplicate_scenario(d, 0, "b"))
    doc.push(lambda d: duplicate_scenario(d, 1, "c"))
    doc.push(lambda d: SwitchScenarioCommand(d, 1))
    before = doc.file_design
    doc.push(lambda d: delete_scenario(d, 1))
    assert names(doc) == ["two servers", "c"]
    assert doc.design.name == "c"
    doc.undo_stack.undo()
    assert doc.file_design == before
    assert doc.active_scenario == 1
    doc.push(lambda d: delete_scenario(d, 0))           # the base: "b" becomes the base
    assert names(doc) == ["b", "c"]
    assert doc.file_design.name == "b"


def test_the_last_scenario_cannot_be_deleted(doc):
    with pytest.raises(InvalidValueError):
        doc.push(lambda d: delete_scenario(d, 0))
    assert doc.undo_stack.count() == 0


def test_rename_refuses_an_empty_name_and_numbers_a_taken_one(doc):
    doc.push(lambda d: duplicate_scenario(d, 0))
    assert names(doc) == ["two servers", "two servers (2)"]
    with pytest.raises(InvalidValueError):
        doc.push(lambda d: RenameScenarioCommand(d, 1, "  "))
    doc.push(lambda d: duplicate_scenario(d, 0))
    doc.push(lambda d: RenameScenarioCommand(d, 1, "Plan B"))
    doc.push(lambda d: RenameScenarioCommand(d, 2, "Plan B"))
    assert names(doc) == ["two servers", "Plan B", "Plan B (2)"]
    doc.push(lambda d: delete_scenario(d, 2))
    doc.push(lambda d: RenameScenarioCommand(d, 0, "base"))
    assert names(doc) == ["base", "Plan B"]
    doc.undo_stack.undo()
    assert names(doc)[0] == "two servers"


def test_signals_say_what_changed(doc, qtbot):
    with qtbot.waitSignals([doc.scenarios_changed, doc.active_scenario_changed,
                            doc.design_replaced, doc.changed]):
        doc.push(lambda d: duplicate_scenario(d, 0))
    with qtbot.waitSignal(doc.settings_changed, check_params_cb=lambda s: s == "name"):
        doc.push(lambda d: RenameScenarioCommand(d, 1, "renamed"))


def test_a_files_scenarios_round_trip_through_the_document(qapp, catalog, tmp_path):
    design = load_design(str(WHAT_IF), catalog)
    doc = Document(catalog, design)
    assert names(doc) == ["A800 cluster", "H800 cluster", "H20 cluster"]
    doc.push(lambda d: SwitchScenarioCommand(d, 2))
    assert doc.design.nodes[-1].hardware == "h20"
    doc.push(lambda d: duplicate_scenario(d, 2, "H20, 2:1 leaves"))
    saved = tmp_path / "what-if.yaml"
    save_design(doc.file_design, saved)
    again = load_design(str(saved), catalog)
    assert again == doc.file_design
    assert [d.name for d in scenarios_of(again)] == names(doc)
    assert scenarios_of(again)[3] == dataclasses.replace(doc.scenarios[2], name="H20, 2:1 leaves")


def test_split_and_join_are_inverse_and_keep_the_files_catalog():
    section = {"models": []}
    design = Design(name="base", catalog=section,
                    scenarios=(Design(name="b"), Design(name="c")))
    parts = scenarios_of(design)
    assert [p.catalog for p in parts] == [section] * 3
    assert all(p.scenarios == () for p in parts)
    assert with_scenarios(parts) == design


def test_unique_names_and_labels():
    assert unique_name("H800", ["H800"]) == "H800 (2)"
    assert unique_name("H800 (2)", ["H800", "H800 (2)"]) == "H800 (3)"
    assert unique_name("new", ["H800"]) == "new"
    assert unique_labels(["a", "b", "a", "a"]) == ["a", "b", "a (2)", "a (3)"]


@pytest.fixture
def catalog():
    from engine.catalog import load_catalog
    return load_catalog()
