"""Reading typed values out of parsed YAML while collecting every problem.

Loaders walk plain data (dicts, lists, scalars) with a :class:`Fields` reader
per mapping. A wrong value is recorded as a located :class:`Problem` and
reading goes on, so one pass reports every problem in a file, not just the
first. Keys nobody asked for are reported as unknown when the reader
finishes (they are usually typos).
"""

from __future__ import annotations

import contextlib
import datetime
import math
from collections.abc import Iterator, Sequence
from typing import Any

from engine.errors import Problem
from engine.limits import MAX_COUNT, MAX_NUMBER, size_of
from engine.yamlio import Locator, PathKey, render_path

Path = tuple[PathKey, ...]
_MISSING = object()


class Reporter:
    """Collects located problems for one file."""

    def __init__(self, locator: Locator | None = None) -> None:
        self._locator = locator
        self.problems: list[Problem] = []

    def add(self, path: Path, message: str) -> None:
        line = self._locator.line(path) if self._locator else None
        self.problems.append(Problem(render_path(path), message, line))


class Fields:
    """Typed access to one mapping; each getter records a problem and returns a default."""

    def __init__(self, data: Any, path: Path, report: Reporter) -> None:
        self.path = path
        self.report = report
        self._used: set[str] = set()
        if isinstance(data, dict):
            self.data: dict[Any, Any] = data
        else:
            self.data = {}
            # A whole file that is no mapping is not ours: say what it is, never quote it.
            got = _kind(data) if path else _sort_of(data)
            report.add(path, f"must be a mapping of keys to values, got {got}")

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def raw(self, key: str, default: Any = None) -> Any:
        self._used.add(key)
        return self.data.get(key, default)

    def _take(self, key: str, required: bool) -> Any:
        self._used.add(key)
        value = self.data.get(key, _MISSING)
        if value is _MISSING or value is None:
            if required:
                self.report.add(self.path + (key,), "is required")
            return _MISSING
        return value

    def text(self, key: str, default: str | None = None, *, required: bool = False,
             choices: Sequence[str] | None = None) -> Any:
        value = self._take(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, datetime.date):
            value = value.isoformat()
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.report.add(self.path + (key,), f"must be text, got {_kind(value)}")
            return default
        value = str(value)
        if choices is not None and value not in choices:
            self.report.add(self.path + (key,),
                            f"must be one of {', '.join(choices)}, got {value!r}")
            return default
        return value

    def integer(self, key: str, default: int | None = None, *, required: bool = False,
                minimum: int | None = None, maximum: int = MAX_COUNT) -> Any:
        value = self._take(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self.report.add(self.path + (key,), f"must be a whole number, got {shown(value)}")
            return default
        return self._in_range(key, value, default, minimum, maximum, "a whole number")

    def number(self, key: str, default: float | None = None, *, required: bool = False,
               minimum: float | None = None, maximum: float = MAX_NUMBER,
               positive: bool = False) -> Any:
        value = self._take(key, required)
        if value is _MISSING:
            return default
        if isinstance(value, str):   # PyYAML reads 2e12 (no dot) as text
            with contextlib.suppress(ValueError):
                value = float(value)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.report.add(self.path + (key,), f"must be a number, got {shown(value)}")
            return default
        if isinstance(value, int) and abs(value) > MAX_NUMBER:   # float() would overflow
            self.report.add(self.path + (key,), f"must be a number within +-{MAX_NUMBER:g}, "
                            f"got {size_of(value)}")
            return default
        value = float(value)
        if not math.isfinite(value):
            self.report.add(self.path + (key,), f"must be a finite number, got {value}")
            return default
        if positive and value <= 0:
            self.report.add(self.path + (key,), f"must be a number > 0, got {_fmt(value)}")
            return default
        return self._in_range(key, value, default, minimum, maximum, "a number")

    def flag(self, key: str, default: bool | None = None, *, required: bool = False) -> Any:
        value = self._take(key, required)
        if value is _MISSING:
            return default
        if not isinstance(value, bool):
            self.report.add(self.path + (key,), f"must be true or false, got {shown(value)}")
            return default
        return value

    def mapping(self, key: str, *, required: bool = False) -> Fields | None:
        value = self._take(key, required)
        if value is _MISSING:
            return None
        return Fields(value, self.path + (key,), self.report)

    def items(self, key: str, *, required: bool = False) -> Iterator[tuple[Path, Any]]:
        """Each element of a list value with its path."""
        value = self._take(key, required)
        if value is _MISSING:
            return
        if not isinstance(value, list):
            self.report.add(self.path + (key,), f"must be a list, got {_kind(value)}")
            return
        for index, item in enumerate(value):
            yield self.path + (key, index), item

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of strings (empty when absent)."""
        out = []
        for path, item in self.items(key):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.report.add(path, f"must be text, got {_kind(item)}")
            else:
                out.append(str(item))
        return tuple(out)

    def finish(self) -> None:
        """Report keys that no getter asked for."""
        for key in self.data:
            if key not in self._used:
                self.report.add(self.path + (str(key),), "unknown key")

    def _in_range(self, key: str, value: Any, default: Any, minimum: Any, maximum: Any,
                  what: str) -> Any:
        if minimum is not None and value < minimum:
            self.report.add(self.path + (key,), f"must be {what} >= {_fmt(minimum)}, "
                            f"got {_fmt(value)}")
            return default
        if maximum is not None and value > maximum:
            self.report.add(self.path + (key,), f"must be {what} <= {_fmt(maximum)}, "
                            f"got {_fmt(value)}")
            return default
        return value


def _fmt(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else size_of(value)


def _kind(value: Any) -> str:
    """A value as a message quotes it, containers by their sort."""
    return _sort_of(value) if isinstance(value, dict | list) or value is None else shown(value)


def _sort_of(value: Any) -> str:
    """What sort of value this is, without quoting it."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return "text" if isinstance(value, str) else "a single value"


def shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if isinstance(value, dict | list):
        return _kind(value)
    if isinstance(value, int):
        return size_of(value)
    return str(value)
