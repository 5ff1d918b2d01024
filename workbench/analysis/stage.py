"""The steps of an analysis, declared once, and what each is given (no Qt).

A :class:`Stage` is a name, a function and the stage whose answers feed it
(none: it is fed by requests). Its function gets :class:`Inputs`: the
request at the root of the chain and every upstream stage's answer by name,
so a stage fed by the curves can still read the evaluation they came from.
A stage with a :class:`Memo` remembers its answers by ``key(request)`` and
the stage's options: designs are immutable values, so an equal design (an
undo, a scenario shown again) gets the remembered answer instead of being
computed twice. :func:`run_now` runs stages one after the other on the
calling thread (reports, scripts); :class:`~workbench.analysis.pipeline.AnalysisPipeline`
runs the same declarations in the background for the window.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

MEMO_SIZE = 32


@dataclass(frozen=True)
class Inputs:
    """What a stage is given: the request, and the answers of the stages upstream of it."""

    request: Any
    values: Mapping[str, Any] = field(default_factory=dict)

    def __getitem__(self, stage: str) -> Any:
        return self.values[stage]


class Memo:
    """The last :data:`MEMO_SIZE` answers by key, with the seconds each took (thread-safe)."""

    def __init__(self, size: int = MEMO_SIZE) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[Any, float]] = OrderedDict()
        #: How many answers were computed rather than remembered (through :meth:`value`).
        self.misses = 0

    def get(self, key: Hashable) -> tuple[Any, float] | None:
        """The remembered answer and the seconds it took, or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: Hashable, value: Any, seconds: float = 0.0) -> None:
        with self._lock:
            self._entries[key] = (value, seconds)
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def value(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The remembered answer, or ``compute()``'s, remembered."""
        entry = self.get(key)
        if entry is not None:
            return entry[0]
        value = compute()
        with self._lock:
            self.misses += 1
        self.put(key, value)
        return value


def _reraise(exc: Exception, inputs: Inputs) -> Any:
    raise exc


@dataclass(frozen=True)
class Stage:
    """One step: ``run(inputs, **options)`` answers it (module docstring); ``options``
    start as given here and change with the pipeline's ``configure``.

    ``fallback(exc, inputs)`` is the answer when ``run`` raises (a bug: the UI
    then says what failed instead of waiting forever); the default re-raises.
    """

    name: str
    run: Callable[..., Any]
    after: str | None = None
    fallback: Callable[[Exception, Inputs], Any] = _reraise
    memo: Memo | None = None
    key: Callable[[Any], Hashable] | None = None
    options: Mapping[str, Any] = field(default_factory=dict)

    def memo_key(self, request: Any, options: Mapping[str, Any]) -> Hashable | None:
        """Where the answer to ``request`` under ``options`` is remembered (None: nowhere):
        ``key(request)``, with the options if there are any."""
        if self.memo is None or self.key is None:
            return None
        key = self.key(request)
        return (key, tuple(sorted(options.items()))) if options else key


def run_now(stages: Sequence[Stage], request: Any) -> dict[str, Any]:
    """Every stage's answer to ``request``, computed in order on this thread, nothing
    remembered (a stage comes after the one that feeds it)."""
    values: dict[str, Any] = {}
    for stage in stages:
        inputs = Inputs(request, dict(values))
        try:
            values[stage.name] = stage.run(inputs)
        except Exception as exc:  # noqa: BLE001 - the stage's fallback decides
            values[stage.name] = stage.fallback(exc, inputs)
    return values
