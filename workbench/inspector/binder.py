"""Connects the inspector to the document: shows the selection, turns each edit into a command.

With one item selected the inspector shows that item; with nothing
selected, the design's name and settings; with several, a summary. Each
committed field is one undo command. A refused edit puts the document's
value back in the field and says why under the heading.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from engine.design import Group, Link, Node
from engine.edit_errors import EditError, InvalidValueError
from engine.estimates import REGISTRY
from engine.structure import scope, units_in_scope
from widgets.content.selection import Selection
from widgets.inspector import Inspector
from widgets.language import follow_language
from workbench.canvas.parts import with_hardware
from workbench.document.commands import AskSettingsCommand, ReplaceCommand, SettingsCommand
from workbench.document.document import Document
from workbench.inspector.fields import (
    design_sections,
    group_sections,
    link_sections,
    node_sections,
    selection_sections,
)

Edit = Callable[[Document], QUndoCommand]
_DIMS = re.compile(r"^\s*\d{1,9}(\s*[x×*,]\s*\d{1,9})*\s*$")   # no 5,000-digit sizes


class InspectorBinder(QObject):
    """Keeps the inspector showing the current selection, and applies its edits."""

    def __init__(self, document: Document, inspector: Inspector,
                 selection: Callable[[], Selection]) -> None:
        """``selection`` says what is selected; call :meth:`refresh` when it changes."""
        super().__init__(inspector)
        self._doc = document
        self._selection = selection
        self._inspector = inspector
        self._target: tuple[str, str] | None = None
        self._labels: dict[str, str] = {}
        document.changed.connect(self.refresh)
        inspector.value_committed.connect(self._on_value_committed)
        follow_language(self, self.refresh)         # shows the selection now, and again

    def refresh(self) -> None:
        chosen = self._selection()
        found = [("node", i) for i in chosen.nodes] + [("link", i) for i in chosen.links] + \
                [("group", i) for i in chosen.groups]
        found = [(k, i) for k, i in found if self._doc.has(k, i)]
        self._target = found[0] if len(found) == 1 else None
        if self._target is not None:
            kind, item_id = self._target
            show = {"node": node_sections, "link": link_sections, "group": group_sections}[kind]
            heading, sections = show(self._doc, self._doc.item(kind, item_id))
        elif found:
            heading, sections = selection_sections(len(chosen.nodes), len(chosen.links),
                                                   len(chosen.groups))
        else:
            heading, sections = design_sections(self._doc)
        self._labels = {f.key: f.label for s in sections for f in s.fields}
        self._inspector.show_sections(heading, sections)

    def _on_value_committed(self, key: str, value: Any) -> None:
        try:
            self._doc.push(self._edit(key, value))
        except EditError as exc:
            self.refresh()
            self._inspector.show_error(str(exc))

    # -- field edits to commands ---------------------------------------------------------

    def _edit(self, key: str, value: Any) -> Edit:
        what = self._labels.get(key, key).lower()
        if self._target is None:
            return self._settings_edit(key, value)
        kind, item_id = self._target
        item = self._doc.item(kind, item_id)
        if isinstance(item, Node):
            new: Node | Link | Group = self._node_edit(item, key, value)
        elif isinstance(item, Link):
            new = self._link_edit(item, key, value)
        else:
            new = dataclasses.replace(item, **{key: value})
        title = item.label if isinstance(item, Node) else getattr(item, "name", "") or item.id
        text = self.tr("Change {what} of {item}").format(what=what, item=title)
        return lambda doc: ReplaceCommand(doc, doc.item(kind, item_id), new, text)

    def _node_edit(self, node: Node, key: str, value: Any) -> Node:
        if key.startswith("override."):
            overrides = dict(node.overrides)
            overrides.pop(key.removeprefix("override."), None)
            if value is not None:
                overrides[key.removeprefix("override.")] = float(value)
            return dataclasses.replace(node, overrides=tuple(sorted(overrides.items())))
        if key == "hardware":
            return with_hardware(self._doc.catalog, node, value)
        return dataclasses.replace(node, **{key: value})

    def _link_edit(self, link: Link, key: str, value: Any) -> Link:
        if key == "dims":
            if not _DIMS.match(str(value)):
                raise InvalidValueError(f"a torus shape is numbers joined by x, like 4x4x4; "
                                        f"got {value!r}")
            return dataclasses.replace(link, dims=tuple(int(d) for d in re.findall(r"\d+",
                                                                                  value)))
        if key == "pattern" and value == "torus" and not link.dims:
            design = self._doc.design
            n = units_in_scope(design, design.node(link.source), scope(design, link))
            return dataclasses.replace(link, pattern=value, dims=(n,))   # a ring, to refine
        return dataclasses.replace(link, **{key: value})

    def _settings_edit(self, key: str, value: Any) -> Edit:
        section, *path = key.split(".")
        if section == "design":
            return lambda doc: SettingsCommand(doc, "name", str(value), self.tr("Rename design"))
        if section == "asks":
            asked = next(s for s in REGISTRY.settings_sections() if s.key == path[0])
            return lambda doc: AskSettingsCommand(doc, asked.key, asked.label, bool(value))
        settings = next(s for s in REGISTRY.settings_sections() if s.key == section)
        new = _replaced(settings.of(self._doc.design), path, value)
        text = self.tr("Change {setting}").format(setting=self._labels.get(key, key).lower())
        return lambda doc: SettingsCommand(doc, section, new, text)


def _replaced(settings: Any, path: list[str], value: Any) -> Any:
    """``settings`` with the field at ``path`` (nested settings first) set to ``value``."""
    head, *rest = path
    if rest:
        value = _replaced(getattr(settings, head), rest, value)
    return dataclasses.replace(settings, **{head: value})

