"""The document: every edit checked once by the design's rules, exact signals, order kept."""

from __future__ import annotations

import dataclasses

import pytest

from engine.design import Link, Node
from engine.edit_errors import (
    DuplicateIdError,
    IncompatibleLinkError,
    InvalidValueError,
    StillReferencedError,
    UnknownHardwareError,
)
from workbench.document.commands import (
    InsertCommand,
    MoveNodesCommand,
    RemoveCommand,
    ReplaceCommand,
    SettingsCommand,
)


def test_insert_then_remove_announces_index_and_item(doc):
    added, removed = [], []
    doc.node_added.connect(lambda i, n: added.append((i, n.id)))
    doc.node_removed.connect(lambda i, n: removed.append((i, n.id)))
    doc.push(lambda d: InsertCommand(d, Node("x", "accelerator", "gpu-b"), 1))
    assert [n.id for n in doc.design.nodes] == ["s1", "x", "s2", "sw"]
    doc.push(lambda d: RemoveCommand(d, "node", "x"))
    assert added == [(1, "x")]
    assert removed == [(1, "x")]


def test_a_link_the_switch_cannot_take_is_refused(doc):
    with pytest.raises(IncompatibleLinkError, match="cannot connect to 'Leaf'"):
        doc.push(lambda d: InsertCommand(d, Link("l3", "s1", "sw", "eth", 1)))


def test_duplicate_ids_and_bad_counts_are_refused(doc):
    with pytest.raises(DuplicateIdError):
        doc.push(lambda d: InsertCommand(d, Node("s1", "server", "gpu-a", accelerators=8)))
    with pytest.raises(InvalidValueError, match=r"^Server 1 replicas: must be a whole number"):
        doc.push(lambda d: ReplaceCommand(d, d.node("s1"),
                                          dataclasses.replace(d.node("s1"), replicas=0)))
    with pytest.raises(UnknownHardwareError, match="unknown accelerator"):
        doc.push(lambda d: InsertCommand(d, Node("x", "accelerator", "no-such-gpu")))
    assert doc.undo_stack.count() == 0


def test_a_setting_out_of_range_is_refused_by_its_label(doc):
    workload = dataclasses.replace(doc.design.workload, global_batch=0)
    with pytest.raises(InvalidValueError, match=r"^Global batch: must be a whole number >= 1"):
        doc.push(lambda d: SettingsCommand(d, "workload", workload))


def test_replacing_and_removing_keep_links_valid(doc):
    doc.push(lambda d: ReplaceCommand(d, d.node("s1"),
                                      dataclasses.replace(d.node("s1"), hardware="gpu-b")))
    with pytest.raises(IncompatibleLinkError):
        doc.push(lambda d: ReplaceCommand(d, d.link("l1"),
                                          dataclasses.replace(d.link("l1"), type="eth")))
    with pytest.raises(StillReferencedError, match="still has links"):
        doc.push(lambda d: RemoveCommand(d, "node", "sw"))
    assert doc.undo_stack.count() == 1


def test_a_twenty_node_move_is_one_change_and_one_undo_step(doc, qtbot):
    for i in range(20):
        doc.push(lambda d, i=i: InsertCommand(d, Node(f"x{i}", "accelerator", "gpu-b")))
    before = doc.design
    changed, moved = [], []
    doc.changed.connect(lambda: changed.append(1))
    doc.node_changed.connect(lambda old, new: moved.append(new.id))
    steps = doc.undo_stack.count()
    doc.push(lambda d: MoveNodesCommand(d, {f"x{i}": ((0.0, 0.0), (10.0 * i, 50.0))
                                            for i in range(20)}))
    assert changed == [1]
    assert moved == [f"x{i}" for i in range(20)]
    assert doc.undo_stack.count() == steps + 1
    assert doc.node("x7").position == (70.0, 50.0)
    doc.undo_stack.undo()
    assert doc.design == before
    assert changed == [1, 1]


def test_a_refused_edit_never_reaches_the_stack_or_the_design(doc):
    before = doc.design
    changed = []
    doc.changed.connect(lambda: changed.append(1))
    with pytest.raises(IncompatibleLinkError):
        doc.push(lambda d: InsertCommand(d, Link("bad", "s1", "sw", "eth", 1)))
    assert doc.design is before
    assert doc.undo_stack.count() == 0
    assert changed == []


def test_modified_follows_the_undo_stack(doc, qtbot):
    assert not doc.is_modified()
    with qtbot.waitSignal(doc.modified_changed) as signal:
        doc.push(lambda d: InsertCommand(d, Node("x", "accelerator", "gpu-b")))
    assert signal.args == [True]
    doc.undo_stack.undo()
    assert not doc.is_modified()


def test_fresh_ids_skip_taken_ones(doc):
    assert doc.fresh_id("node", "s1") == "s1-2"
    assert doc.fresh_id("node", "s1", taken={"s1-2"}) == "s1-3"
    assert doc.fresh_id("group", "pod") == "pod"
