"""Named settings: assumptions with a default, a unit and a source.

Workload, cost and reliability settings are frozen dataclasses whose fields
are declared with :func:`setting`. The layout reader and writer, the
``catalog --settings`` listing and the GUI inspector all introspect them
through :func:`settings_of`, so adding an assumption is one field here and
nothing anywhere else.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SettingInfo:
    """What a setting means and where its default comes from."""

    label: str
    unit: str = ""
    doc: str = ""
    source: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None


def setting(default: Any, label: str, *, unit: str = "", doc: str = "", source: str = "",
            minimum: float | None = None, maximum: float | None = None,
            choices: tuple[str, ...] | None = None) -> Any:
    """Declare a dataclass field as a named setting."""
    info = SettingInfo(label, unit, doc, source, minimum, maximum, choices)
    return dataclasses.field(default=default, metadata={"setting": info})


@dataclass(frozen=True)
class SettingField:
    """One setting of a settings dataclass, as introspection sees it."""

    name: str
    kind: type              # int, float, str, bool, or a nested settings dataclass
    optional: bool          # None is allowed (for parallelism: "search it")
    default: Any
    info: SettingInfo


def settings_of(cls: type) -> list[SettingField]:
    """The fields of a settings dataclass, in declaration order."""
    return list(_settings_of(cls))


@functools.cache
def _settings_of(cls: type) -> tuple[SettingField, ...]:
    """Read once per class: type hints are slow to resolve, and a sweep sets a setting
    per point."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in dataclasses.fields(cls):
        kind, optional = _unwrap(hints[f.name])
        default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
        info = f.metadata.get("setting") or SettingInfo(f.name.replace("_", " ").capitalize())
        out.append(SettingField(f.name, kind, optional, default, info))
    return tuple(out)


def _unwrap(hint: Any) -> tuple[type, bool]:
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        kinds = [a for a in args if a is not type(None)]
        return kinds[0], len(kinds) < len(args)
    return hint, False


def is_settings_class(kind: type) -> bool:
    return dataclasses.is_dataclass(kind)


@dataclass(frozen=True)
class Leaf:
    """A plain setting inside nested settings: its attribute path and the labels of the
    settings groups it sits in (``("Parallelism",)`` for ``parallelism.tp``)."""

    path: tuple[str, ...]
    groups: tuple[str, ...]
    field: SettingField

    def value(self, values: Any) -> Any:
        """This setting's value in ``values`` (an instance of the outermost class)."""
        return functools.reduce(getattr, self.path, values)


def leaves(cls: type) -> Iterator[Leaf]:
    """Every plain setting of ``cls``, nested settings classes opened, in declaration order."""
    for s in settings_of(cls):
        if is_settings_class(s.kind):
            for inner in leaves(s.kind):
                yield Leaf((s.name, *inner.path), (s.info.label, *inner.groups), inner.field)
        else:
            yield Leaf((s.name,), (), s)
