"""Results as plain JSON-ready data (dataclasses, tuples and dicts flattened).

A dataclass field declared with ``metadata={"json": False}`` (an engine
object kept for reuse, such as an island's fabric) is left out.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any


def to_data(value: Any) -> Any:
    """``value`` as dicts, lists, strings, numbers, booleans and ``None``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.metadata.get("json", True)}
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "item") and callable(value.item):   # numpy scalars
        return to_data(value.item())
    return value
