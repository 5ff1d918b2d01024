"""Undo commands: each edit undoes to the exact design it started from."""

from __future__ import annotations

import dataclasses

from engine.design import CostSettings, Design, Group, Link, Node
from engine.structure import total_accelerators
from workbench.document.commands import (
    MoveNodesCommand,
    ReplaceCommand,
    SettingsCommand,
    add_fragment,
    delete_items,
    group_items,
    set_collapsed,
    ungroup,
)


def test_deleting_a_node_takes_its_links_and_undo_restores_the_order(doc):
    before = doc.design
    doc.push(lambda d: delete_items(d, node_ids=["s1"]))
    assert [n.id for n in doc.design.nodes] == ["s2", "sw"]
    assert [lk.id for lk in doc.design.links] == ["l2"]
    doc.undo_stack.undo()
    assert doc.design == before
    assert not doc.is_modified()
    doc.undo_stack.redo()
    assert [lk.id for lk in doc.design.links] == ["l2"]


def test_deleting_a_group_deletes_what_it_holds(doc):
    doc.push(lambda d: group_items(d, Group("pod", "Pod", 1), ["s1", "s2"]))
    doc.push(lambda d: delete_items(d, group_ids=["pod"]))
    assert [n.id for n in doc.design.nodes] == ["sw"]
    assert doc.design.groups == ()
    assert doc.design.links == ()
    doc.undo_stack.undo()
    assert {n.group for n in doc.design.nodes} == {"pod", None}


def test_keyboard_nudges_merge_into_one_step_but_drags_do_not(doc):
    for x in (10.0, 20.0, 30.0):
        doc.push(lambda d, x=x: MoveNodesCommand(d, {"s1": ((x - 10, 200.0), (x, 200.0))},
                                                 nudge=True))
    assert doc.undo_stack.count() == 1
    doc.push(lambda d: MoveNodesCommand(d, {"s1": ((30.0, 200.0), (50.0, 200.0))}))
    doc.push(lambda d: MoveNodesCommand(d, {"s1": ((50.0, 200.0), (70.0, 200.0))}))
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.node("s1").position == (0.0, 200.0)


def test_a_fragment_is_added_and_removed_in_one_step(doc):
    fragment = Design(groups=(Group("g", "Rack", 2),),
                      nodes=(Node("a", "server", "gpu-a", accelerators=8, group="g"),
                             Node("b", "switch", "sw", accelerators=0, group="g")),
                      links=(Link("ab", "a", "b", "net", 8),))
    before = doc.design
    doc.push(lambda d: add_fragment(d, fragment, "Drop rack"))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Drop rack"
    assert [n.id for n in doc.design.nodes][-2:] == ["a", "b"]
    doc.undo_stack.undo()
    assert doc.design == before


def test_ungroup_keeps_the_number_of_accelerators(doc):
    doc.push(lambda d: group_items(d, Group("pod", "Pod", 1), ["s1"]))
    doc.push(lambda d: ReplaceCommand(d, d.group("pod"),
                                      dataclasses.replace(d.group("pod"), replicas=4)))
    gpus = total_accelerators(doc.design)
    doc.push(lambda d: ungroup(d, "pod"))
    assert doc.design.groups == ()
    assert doc.node("s1").replicas == 8
    assert total_accelerators(doc.design) == gpus


def test_collapse_and_settings_are_undoable(doc):
    doc.push(lambda d: group_items(d, Group("pod", "Pod", 1), ["s1", "s2"]))
    doc.push(lambda d: set_collapsed(d, "pod", True))
    assert doc.group("pod").collapsed
    cheaper = CostSettings(discount=0.5)
    doc.push(lambda d: SettingsCommand(d, "cost", cheaper))
    assert doc.design.cost.discount == 0.5
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.design.cost == CostSettings()
    assert not doc.group("pod").collapsed
