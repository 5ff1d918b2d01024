"""The document: checks before every edit, exact signals, order kept."""

from __future__ import annotations

import dataclasses

import pytest

from engine.design import Link, Node
from workbench.document.commands import InsertCommand
from workbench.document.edit_errors import (
    DuplicateIdError,
    IncompatibleLinkError,
    InvalidValueError,
    StillReferencedError,
    UnknownHardwareError,
)


def test_insert_then_remove_announces_index_and_item(doc):
    added, removed = [], []
    doc.node_added.connect(lambda i, n: added.append((i, n.id)))
    doc.node_removed.connect(lambda i, n: removed.append((i, n.id)))
    doc.insert(1, Node("x", "accelerator", "gpu-b"))
    assert [n.id for n in doc.design.nodes] == ["s1", "x", "s2", "sw"]
    assert doc.remove("node", "x") == (1, Node("x", "accelerator", "gpu-b"))
    assert added == [(1, "x")]
    assert removed == [(1, "x")]


def test_a_link_the_switch_cannot_take_is_refused(doc):
    with pytest.raises(IncompatibleLinkError, match="cannot connect to 'Leaf'"):
        doc.check_insert(Link("l3", "s1", "sw", "eth", 1))


def test_duplicate_ids_and_bad_counts_are_refused(doc):
    with pytest.raises(DuplicateIdError):
        doc.check_insert(Node("s1", "server", "gpu-a", accelerators=8))
    with pytest.raises(InvalidValueError, match="replicas"):
        doc.check_replace(dataclasses.replace(doc.node("s1"), replicas=0))
    with pytest.raises(UnknownHardwareError, match="unknown accelerator"):
        doc.check_insert(Node("x", "accelerator", "no-such-gpu"))


def test_replacing_and_removing_keep_links_valid(doc):
    doc.check_replace(dataclasses.replace(doc.node("s1"), hardware="gpu-b"))
    with pytest.raises(IncompatibleLinkError):
        doc.check_replace(dataclasses.replace(doc.link("l1"), type="eth"))
    with pytest.raises(StillReferencedError, match="still has links"):
        doc.check_remove("node", "sw")


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
