"""The inspector: titled sections of fields, edited in place.

It knows nothing of designs. The workbench describes what to show as
:class:`~widgets.content.fields.Section` lists of
:class:`~widgets.content.fields.Field` and gets back
``value_committed(key, value)`` for each finished edit. Showing the same
fields again only updates their values, so an edit that round-trips through
the document does not rebuild the form under the user's cursor.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from widgets.content.fields import Field, Section
from widgets.field_editors import FieldEditor, make_editor


class Inspector(QScrollArea):
    """Properties of whatever the workbench shows: a node, a link, the design's settings."""

    #: A field's value was edited: its key and the new value.
    value_committed = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._editors: dict[str, FieldEditor] = {}
        self._shape: tuple[Any, ...] = ()
        self._heading = QLabel()
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self._heading.setFont(font)
        self._heading.setWordWrap(True)
        self._error = QLabel()
        self._error.setWordWrap(True)
        self._error.setStyleSheet("color: #dc2626;")
        self._error.hide()
        self._body = QWidget()
        self._page = QWidget()
        self._layout = QVBoxLayout(self._page)
        self._layout.addWidget(self._heading)
        self._layout.addWidget(self._error)
        self._layout.addWidget(self._body)
        self._layout.addStretch(1)
        self.setWidget(self._page)

    def heading(self) -> str:
        return self._heading.text()

    def editor(self, key: str) -> QWidget:
        """The widget editing ``key`` (tests drive it like a user would)."""
        return self._editors[key].widget

    def keys(self) -> list[str]:
        return list(self._editors)

    def error(self) -> str:
        return self._error.text() if not self._error.isHidden() else ""

    def show_error(self, text: str) -> None:
        self._error.setText(text)
        self._error.setVisible(bool(text))

    def show_sections(self, heading: str, sections: list[Section]) -> None:
        self._heading.setText(heading)
        self.show_error("")
        shape = tuple((s.title, s.note, tuple(f.shape() for f in s.fields)) for s in sections)
        if shape == self._shape:
            for section in sections:
                for field in section.fields:
                    self._editors[field.key].set_value(field.value)
            return
        self._shape = shape
        self._rebuild(sections)

    def _rebuild(self, sections: list[Section]) -> None:
        self._editors.clear()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for section in sections:
            title = QLabel(section.title.upper())
            font = QFont(title.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 0.85)
            title.setFont(font)
            title.setContentsMargins(0, 10, 0, 2)
            column.addWidget(title)
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            for field in section.fields:
                editor = make_editor(field)
                editor.committed.connect(functools.partial(self.value_committed.emit, field.key))
                self._editors[field.key] = editor
                form.addRow(field.label, _with_unit(editor.widget, field))
            column.addLayout(form)
            if section.note:
                note = QLabel(section.note)
                note.setWordWrap(True)
                note.setEnabled(False)
                column.addWidget(note)
        self._layout.replaceWidget(self._body, body)
        self._body.hide()               # deleted later; never painted again meanwhile
        self._body.deleteLater()
        self._body = body
        body.show()


def _with_unit(widget: QWidget, field: Field) -> QWidget:
    """Line edits get their unit written after them (spin boxes carry it as a suffix)."""
    if not field.unit or field.kind not in ("float", "text"):
        return widget
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 1)
    unit = QLabel(field.unit)
    unit.setEnabled(False)
    layout.addWidget(unit)
    return row
