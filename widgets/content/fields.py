"""The inspector's content: titled sections of fields, each a value and how to edit it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    """One editable (or read-only) value of the inspector."""

    key: str
    label: str
    kind: str                    # "text", "int", "float", "choice", "bool" or "info"
    value: Any = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[tuple[str, Any], ...] = ()     # (shown text, value)
    optional: bool = False       # None is allowed, shown as none_text
    none_text: str = "auto"
    unit: str = ""
    tooltip: str = ""

    def shape(self) -> tuple[Any, ...]:
        """What decides the editor (everything but the value)."""
        return (self.key, self.kind, self.choices, self.optional, self.minimum, self.maximum,
                self.none_text)


@dataclass(frozen=True)
class Section:
    """A titled group of fields."""

    title: str
    fields: tuple[Field, ...]
    note: str = ""          # shown when there are no fields, or under them
