"""The catalog as a pure registry: entries by id, name or alias.

Lookups are case-insensitive and treat spaces, underscores and dashes alike,
so ``H100 SXM``, ``h100_sxm`` and ``h100-sxm`` name the same card. A name
that matches nothing raises :class:`~engine.errors.LookupFailed` with the
closest known ids.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TypeVar

from engine.catalog.specs import AcceleratorSpec, LinkSpec, ModelSpec, SwitchSpec
from engine.errors import LookupFailed

Entry = AcceleratorSpec | LinkSpec | SwitchSpec | ModelSpec
T = TypeVar("T", AcceleratorSpec, LinkSpec, SwitchSpec, ModelSpec)
_SEPARATORS = re.compile(r"[\s_]+")


def name_key(name: str) -> str:
    """The form names are compared in."""
    return _SEPARATORS.sub("-", name.strip().lower())


class _Table(dict[str, T]):
    """Entries of one kind by id, with an index of every name they answer to."""

    def __init__(self, entries: Iterable[T], noun: str) -> None:
        super().__init__((e.id, e) for e in entries)
        self.noun = noun
        self._index: dict[str, str] = {}
        for entry in self.values():
            for name in (entry.name, *entry.aliases):
                self._index.setdefault(name_key(name), entry.id)
        for entry in self.values():      # ids win over other entries' aliases
            self._index[name_key(entry.id)] = entry.id

    def find(self, name: str) -> T | None:
        if name in self:                 # an id as written: the common case, no normalising
            return self[name]
        entry_id = self._index.get(name_key(name))
        return self[entry_id] if entry_id is not None else None

    def get_named(self, name: str) -> T:
        found = self.find(name)
        if found is None:
            close = difflib.get_close_matches(name_key(name), list(self._index), n=3)
            hint = f" (did you mean {', '.join(sorted({self._index[c] for c in close}))}?)" \
                if close else f" (known: {', '.join(list(self)[:12])}...)"
            raise LookupFailed(f"unknown {self.noun} {name!r}{hint}")
        return found


class Catalog:
    """Accelerators, links, switches and models the engine knows."""

    def __init__(self, entries: Iterable[Entry] = ()) -> None:
        entries = list(entries)
        self.accelerators = _Table([e for e in entries if isinstance(e, AcceleratorSpec)],
                                   "accelerator")
        self.links = _Table([e for e in entries if isinstance(e, LinkSpec)], "link type")
        self.switches = _Table([e for e in entries if isinstance(e, SwitchSpec)], "switch")
        self.models = _Table([e for e in entries if isinstance(e, ModelSpec)], "model")

    def entries(self) -> list[Entry]:
        return [*self.accelerators.values(), *self.links.values(), *self.switches.values(),
                *self.models.values()]

    def merged(self, extra: Iterable[Entry]) -> Catalog:
        """A new catalog where ``extra`` entries add to or replace (same id) these."""
        by_key: dict[tuple[type, str], Entry] = {(type(e), e.id): e for e in self.entries()}
        for entry in extra:
            by_key[(type(entry), entry.id)] = entry
        return Catalog(by_key.values())

    def accelerator(self, name: str) -> AcceleratorSpec:
        return self.accelerators.get_named(name)

    def link(self, name: str) -> LinkSpec:
        return self.links.get_named(name)

    def switch(self, name: str) -> SwitchSpec:
        return self.switches.get_named(name)

    def model(self, name: str) -> ModelSpec:
        return self.models.get_named(name)

    def find_link(self, name: str) -> LinkSpec | None:
        return self.links.find(name)

    def find_model(self, name: str) -> ModelSpec | None:
        return self.models.find(name)
