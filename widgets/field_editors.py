"""One small editor per kind of value, each committing a finished edit once.

Typing does not commit; Enter, leaving the field or picking from a list
does, and only when the value differs from the one shown. Values that may
be ``None`` (a setting left to the search, an override left to the catalog)
show ``none_text`` and commit ``None`` when emptied.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRegularExpression, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from widgets.content.fields import Field

INT_LIMIT = 2**31 - 1
_NUMBER = QRegularExpression(r"^$|^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")



class FieldEditor(QObject):
    """A widget editing one value; ``committed`` carries a finished, changed value."""

    committed = Signal(object)

    def __init__(self, field: Field, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.field = field
        self._value: Any = None
        widget.setToolTip(field.tooltip)

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        """Show ``value`` without committing it."""
        self._value = value
        with QSignalBlocker(self.widget):
            self._show(value)

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _commit(self, value: Any) -> None:
        if value != self._value:
            self._value = value
            self.committed.emit(value)


class TextEditor(FieldEditor):
    def __init__(self, field: Field) -> None:
        super().__init__(field, QLineEdit())
        self.widget.editingFinished.connect(lambda: self._commit(self.widget.text().strip()))

    def _show(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))
        self.widget.setCursorPosition(0)


class IntEditor(FieldEditor):
    """A spin box; when ``None`` is allowed it sits one below the minimum, showing none_text."""

    def __init__(self, field: Field) -> None:
        super().__init__(field, QSpinBox())
        box = self.widget
        low = int(field.minimum) if field.minimum is not None else 0
        self._none = low - 1 if field.optional else None
        box.setRange(self._none if self._none is not None else low,
                     int(min(field.maximum or INT_LIMIT, INT_LIMIT)))
        if field.optional:
            box.setSpecialValueText(field.none_text)
        if field.unit:
            box.setSuffix(f" {field.unit}")
        box.setKeyboardTracking(False)
        box.setAccelerated(True)
        box.valueChanged.connect(lambda v: self._commit(None if v == self._none else v))

    def _show(self, value: Any) -> None:
        self.widget.setValue(self._none if value is None else int(value))


class FloatEditor(FieldEditor):
    """A line edit taking plain or scientific notation (2e12 tokens), or nothing when ``None``
    is allowed. Ranges are the document's to check: it says what is wrong."""

    def __init__(self, field: Field) -> None:
        super().__init__(field, QLineEdit())
        self.widget.setValidator(QRegularExpressionValidator(_NUMBER, self.widget))
        if field.optional:
            self.widget.setPlaceholderText(field.none_text)
        self.widget.editingFinished.connect(self._on_finished)

    def _on_finished(self) -> None:
        text = self.widget.text().strip()
        if not text and self.field.optional:
            self._commit(None)
            return
        try:
            self._commit(float(text))
        except ValueError:
            self.set_value(self._value)

    def _show(self, value: Any) -> None:
        self.widget.setText("" if value is None else f"{value:.6g}")


class ChoiceEditor(FieldEditor):
    def __init__(self, field: Field) -> None:
        super().__init__(field, QComboBox())
        choices = list(field.choices)
        if field.optional:
            choices.insert(0, (field.none_text, None))
        for text, value in choices:
            self.widget.addItem(text, value)
        self.widget.activated.connect(lambda i: self._commit(self.widget.itemData(i)))

    def _show(self, value: Any) -> None:
        index = self.widget.findData(value)
        if index < 0:                       # a value the list lacks: show it as it is
            self.widget.addItem(str(value), value)
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(index)


class BoolEditor(FieldEditor):
    """A check box; tri-state (partially checked = ``None``) when ``None`` is allowed."""

    def __init__(self, field: Field) -> None:
        super().__init__(field, QCheckBox(field.none_text if field.optional else ""))
        self.widget.setTristate(field.optional)
        self.widget.checkStateChanged.connect(self._on_state)

    def _on_state(self, state: Qt.CheckState) -> None:
        value = {Qt.CheckState.Checked: True, Qt.CheckState.Unchecked: False}.get(state)
        self.widget.setText(self.field.none_text if value is None and self.field.optional else "")
        self._commit(value)

    def _show(self, value: Any) -> None:
        state = {True: Qt.CheckState.Checked, False: Qt.CheckState.Unchecked}.get(
            value, Qt.CheckState.PartiallyChecked)
        self.widget.setCheckState(state)
        self.widget.setText(self.field.none_text if value is None and self.field.optional else "")


class InfoEditor(FieldEditor):
    """Read-only text (derived figures, the ends of a link)."""

    def __init__(self, field: Field) -> None:
        super().__init__(field, QLabel())
        self.widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.widget.setWordWrap(True)

    def _show(self, value: Any) -> None:
        self.widget.setText("" if value is None else str(value))


EDITORS: dict[str, type[FieldEditor]] = {
    "text": TextEditor, "int": IntEditor, "float": FloatEditor, "choice": ChoiceEditor,
    "bool": BoolEditor, "info": InfoEditor}


def make_editor(field: Field) -> FieldEditor:
    editor = EDITORS[field.kind](field)
    editor.set_value(field.value)
    return editor
