"""Undo fuzz: any sequence of edits, undone, gives back the file exactly; redone, the edits.

Edits are the GUI's own undo commands pushed through ``Document.push``
onto a document with a canvas attached, so the views follow every step
as they do in the window. A refused edit must leave the document as it
was. After undoing everything the file design equals the one loaded,
the canvas shows one item per node, link and group again, and redoing
replays every state in order.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.design import Group, Link
from engine.edit_errors import EditError
from engine.layout import load_design
from tests.conftest import ROOT
from widgets.canvas.theme import CanvasTheme
from workbench.canvas.editor import CanvasEditor
from workbench.document import commands
from workbench.document.document import Document

FILES = ("what-if-a800-h800-h20.yaml", "dgx-h100-superpod.yaml", "tpu-v4-pod.yaml")


def _pick(data: st.DataObject, items: tuple, label: str):
    return data.draw(st.sampled_from(items), label=label) if items else None


def _move(doc: Document, data: st.DataObject):
    node = _pick(data, doc.design.nodes, "node")
    if node is None:
        return None
    to = data.draw(st.tuples(st.floats(-2000, 2000), st.floats(-2000, 2000)), label="to")
    return lambda d: commands.MoveNodesCommand(d, {node.id: (node.position, to)})


def _replicas(doc: Document, data: st.DataObject):
    node = _pick(data, doc.design.nodes, "node")
    if node is None:
        return None
    new = dataclasses.replace(node, replicas=data.draw(st.integers(1, 300), label="replicas"))
    return lambda d: commands.ReplaceCommand(d, d.node(node.id), new)


def _delete(doc: Document, data: st.DataObject):
    design = doc.design
    nodes = data.draw(st.lists(st.sampled_from([n.id for n in design.nodes] or [""]),
                               max_size=2, unique=True), label="delete nodes")
    links = data.draw(st.lists(st.sampled_from([lk.id for lk in design.links] or [""]),
                               max_size=2, unique=True), label="delete links")
    groups = data.draw(st.lists(st.sampled_from([g.id for g in design.groups] or [""]),
                                max_size=1, unique=True), label="delete groups")
    nodes, links, groups = ([i for i in ids if i] for ids in (nodes, links, groups))
    if not (nodes or links or groups):
        return None
    return lambda d: commands.delete_items(d, nodes, links, groups)


def _link(doc: Document, data: st.DataObject):
    nodes = doc.design.nodes
    if len(nodes) < 2:
        return None
    ends = data.draw(st.lists(st.sampled_from([n.id for n in nodes]), min_size=2, max_size=2,
                              unique=True), label="ends")
    types = doc.compatible_link_types(*ends)
    if not types:
        return None
    link = Link(doc.fresh_id("link", "fuzz"), ends[0], ends[1], types[0].id,
                data.draw(st.integers(1, 8), label="count"))
    return lambda d: commands.InsertCommand(d, link)


def _group(doc: Document, data: st.DataObject):
    free = [n.id for n in doc.design.nodes if n.group is None]
    if not free:
        return None
    members = data.draw(st.lists(st.sampled_from(free), min_size=1, max_size=3, unique=True),
                        label="members")
    group = Group(doc.fresh_id("group", "fuzz"), "Fuzz",
                  data.draw(st.integers(1, 4), label="group replicas"))
    return lambda d: commands.group_items(d, group, members)


def _ungroup(doc: Document, data: st.DataObject):
    group = _pick(data, doc.design.groups, "group")
    return None if group is None else (lambda d: commands.ungroup(d, group.id))


def _collapse(doc: Document, data: st.DataObject):
    group = _pick(data, doc.design.groups, "group")
    if group is None:
        return None
    return lambda d: commands.set_collapsed(d, group.id, not group.collapsed)


def _tokens(doc: Document, data: st.DataObject):
    workload = dataclasses.replace(doc.design.workload, tokens=data.draw(
        st.sampled_from([1e9, 3e11, 2e12, 1.5e13]), label="tokens"))
    return lambda d: commands.SettingsCommand(d, "workload", workload)


def _duplicate(doc: Document, data: st.DataObject):
    index = data.draw(st.integers(0, len(doc.scenarios) - 1), label="scenario")
    return lambda d: commands.duplicate_scenario(d, index)


def _switch(doc: Document, data: st.DataObject):
    index = data.draw(st.integers(0, len(doc.scenarios) - 1), label="scenario")
    return lambda d: commands.SwitchScenarioCommand(d, index)


def _rename(doc: Document, data: st.DataObject):
    index = data.draw(st.integers(0, len(doc.scenarios) - 1), label="scenario")
    name = data.draw(st.sampled_from(["Plan B", "Cheaper", " ", "A800 cluster"]), label="name")
    return lambda d: commands.RenameScenarioCommand(d, index, name)


def _delete_scenario(doc: Document, data: st.DataObject):
    index = data.draw(st.integers(0, len(doc.scenarios) - 1), label="scenario")
    return lambda d: commands.delete_scenario(d, index)


EDITS = (_move, _replicas, _delete, _link, _group, _ungroup, _collapse, _tokens,
         _duplicate, _switch, _rename, _delete_scenario)


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def designs(catalog):
    return {name: load_design(str(ROOT / "examples" / name), catalog) for name in FILES}


def _state(doc: Document):
    return doc.file_design, doc.active_scenario


def _canvas_matches(editor: CanvasEditor, doc: Document) -> bool:
    design = doc.design
    return editor.binder.item_count() == len(design.nodes) + len(design.links) + len(design.groups)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), file=st.sampled_from(FILES), steps=st.integers(1, 12))
def test_undo_all_restores_the_file_and_redo_all_replays_it(qapp, catalog, designs, data,
                                                             file, steps):
    doc = Document(catalog, designs[file])
    editor = CanvasEditor(doc, CanvasTheme.from_palette(qapp.palette()))
    try:
        states = [_state(doc)]
        for _ in range(steps):
            edit = data.draw(st.sampled_from(EDITS), label="edit")
            make = edit(doc, data)
            if make is None:
                continue
            before = _state(doc)
            try:
                doc.push(make)
            except EditError:
                assert _state(doc) == before          # a refused edit changes nothing
                event(f"refused {edit.__name__}")
                continue
            event(f"done {edit.__name__}")
            states.append(_state(doc))
        assert doc.undo_stack.count() == len(states) - 1
        for expected in reversed(states[:-1]):
            doc.undo_stack.undo()
            assert _state(doc) == expected
            assert _canvas_matches(editor, doc)
        assert doc.file_design == designs[file]
        assert not doc.is_modified()
        for expected in states[1:]:
            doc.undo_stack.redo()
            assert _state(doc) == expected
        assert _canvas_matches(editor, doc)
    finally:
        editor.view.deleteLater()
        doc.deleteLater()
