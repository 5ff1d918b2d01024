"""Results as plain JSON-ready data (dataclasses, tuples and dicts flattened).

A dataclass field declared with ``metadata={"json": False}`` (an engine
object kept for reuse, such as an island's fabric) is left out. A value
with a ``to_json()`` method (a section's result, an evaluation) is written
as that method says.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any


class JsonResult:
    """Base of a section's result dataclass: its JSON form is its fields as plain data."""

    def to_json(self) -> dict[str, Any]:
        return fields_data(self)


def to_data(value: Any) -> Any:
    """``value`` as dicts, lists, strings, numbers, booleans and ``None``."""
    if callable(getattr(value, "to_json", None)) and not isinstance(value, type):
        return value.to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return fields_data(value)
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "item") and callable(value.item):   # numpy scalars
        return to_data(value.item())
    return value


def one_level(value: Any) -> Any:
    """``value`` converted one level deep as :func:`to_data` converts it (a record's fields
    as a dict, a sequence as a list), its parts left as they are: a reader showing the
    first few entries of a list of 25,000 parts need not convert the rest."""
    custom = callable(getattr(value, "to_json", None)) and not isinstance(value, type) \
        and getattr(type(value), "to_json", None) is not JsonResult.to_json
    if custom:
        return value.to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)
                if f.metadata.get("json", True)}
    if isinstance(value, dict):
        return {str(k): v for k, v in value.items()}
    if isinstance(value, list | tuple):
        return list(value)
    return to_data(value)


def is_record(value: Any) -> bool:
    """Whether :func:`to_data` makes a mapping of ``value`` (asked of every entry of long
    lists, so kept to attribute lookups)."""
    if isinstance(value, dict) or hasattr(type(value), "__dataclass_fields__"):
        return True
    return callable(getattr(value, "to_json", None)) and not isinstance(value, type)


def fields_data(value: Any) -> dict[str, Any]:
    """A dataclass instance's fields as plain data, those marked ``json: False`` left out."""
    return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)
            if f.metadata.get("json", True)}
