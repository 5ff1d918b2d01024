"""One axis of a design space: what it changes in the base design, and its values.

An axis is ``KEY=VALUES`` on the command line (``KEY: VALUES`` in a sweep file).
KEY is

- any setting by its key path: ``cost.discount``, ``workload.global_batch``,
  ``workload.parallelism.tp``, ``reliability.restart_min`` ... (numbers, choices such
  as ``cost.basis``, yes/no options);
- ``gpus`` (or ``accelerators``): the design's block replicated to about that many
  accelerators, as :func:`engine.sweep.with_accelerators` does;
  ``accelerator_price``: one accelerator's price in the design's currency;
- a catalog part: ``accelerator`` (every accelerator box, their overrides dropped:
  they described the old part), ``switch`` (every switch), ``link`` (every link),
  ``model`` (the workload's).

VALUES is a list ``a,b,c`` or a range: ``START..STOP/N`` (N evenly spaced values),
``START..STOPxF`` (each F times the one before: ``1024..16384x2``) or
``START..STOP+S`` (a step of S). Every value is checked against the base design when
the axis is read, so a typo fails the command, not a million points.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engine.catalog import Catalog
from engine.design import Design, Node
from engine.errors import EngineError
from engine.estimates import REGISTRY
from engine.layout import catalog_for
from engine.rules import settings_problems
from engine.settings import leaves
from engine.sweep import ACCELERATOR_PRICE, ACCELERATORS, apply, sweep_values

Value = int | float | str | bool
INT, FLOAT, TEXT, BOOL = "int", "float", "text", "bool"
GPUS = "gpus"
PARTS = ("accelerator", "switch", "link", "model")
MAX_VALUES = 100_000
_KINDS = {int: INT, float: FLOAT, str: TEXT, bool: BOOL}
_NUMBER = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE = re.compile(rf"^({_NUMBER})\.\.({_NUMBER})([/x+])({_NUMBER})$")
_RELATIVE = 1e-9
_DIGITS = 12           # 0.6, not 0.6000000000000001, from 0.2..1.0/5


class AxisError(EngineError):
    """An axis the base design cannot take: an unknown key, a bad value."""


@dataclass(frozen=True)
class Axis:
    """A key and the values the sweep gives it; ``kind`` is the type of its column."""

    key: str
    values: tuple[Value, ...]
    kind: str

    @property
    def prices_only(self) -> bool:
        """It changes cost settings only, so estimates before the cost stay the same."""
        return self.key.startswith("cost.")


def read_axis(key: str, values: str | Sequence[object], design: Design,
              catalog: Catalog) -> Axis:
    """The axis ``key`` over ``values`` (text as on the command line, or a list); raise
    :class:`AxisError` saying what is wrong."""
    kind = _kind(key)
    try:
        found = _parse(values, kind)
        if key in PARTS:
            found = [_part_id(key, str(v), catalog_for(design, catalog)) for v in found]
    except AxisError as exc:
        raise AxisError(f"{key}: {exc}") from None
    if not found:
        raise AxisError(f"{key}: no values")
    if len(found) > MAX_VALUES:
        raise AxisError(f"{key}: {len(found):,} values, over the {MAX_VALUES:,} one axis takes")
    axis = Axis(key, tuple(dict.fromkeys(found)), kind)
    for value in axis.values:
        apply_value(design, key, value)
    return axis


def apply_value(design: Design, key: str, value: Value) -> Design:
    """``design`` with axis ``key`` at ``value``; :class:`AxisError` if it cannot be."""
    try:
        if key == "accelerator":
            return _swap_nodes(design, lambda n: n.kind != "switch", str(value))
        if key == "switch":
            return _swap_nodes(design, lambda n: n.kind == "switch", str(value))
        if key == "link":
            return dataclasses.replace(design, links=tuple(
                dataclasses.replace(link, type=str(value)) for link in design.links))
        setting = {GPUS: ACCELERATORS, "model": "workload.model"}.get(key, key)
        changed = apply(design, setting, value)
        _check_setting(changed, setting)
        return changed
    except EngineError as exc:
        raise AxisError(str(exc) if str(exc).startswith(key) else f"{key}={value}: {exc}") \
            from None


def _check_setting(design: Design, key: str) -> None:
    """The rules' word on the one setting an axis changed, before any point runs."""
    section = next((s for s in REGISTRY.settings_sections() if s.key == key.split(".")[0]),
                   None)
    if section is None:
        return
    found = [p for p in settings_problems(section.key, section.of(design)) if p.path == key]
    if found:
        raise EngineError(f"{key}: {found[0].message}")


def applied(design: Design, axes: Sequence[Axis], values: Sequence[Value]) -> Design:
    """``design`` at one point: catalog parts first (they drop overrides a price sets)."""
    pairs = sorted(zip(axes, values, strict=True), key=lambda p: p[0].key not in PARTS)
    for axis, value in pairs:
        design = apply_value(design, axis.key, value)
    return design


def _kind(key: str) -> str:
    if key in (GPUS, ACCELERATORS):
        return INT
    if key == ACCELERATOR_PRICE:
        return FLOAT
    if key in PARTS:
        return TEXT
    section, _, rest = key.partition(".")
    for settings in REGISTRY.settings_sections():
        for leaf in leaves(settings.cls) if settings.key == section else ():
            if ".".join(leaf.path) == rest and leaf.field.kind in _KINDS:
                return _KINDS[leaf.field.kind]
    raise AxisError(f"{key}: no such setting to vary (a setting's key path such as "
                    f"cost.discount, or {GPUS}, {ACCELERATOR_PRICE}, {', '.join(PARTS)})")


def _parse(values: str | Sequence[object], kind: str) -> list[Value]:
    if isinstance(values, str):
        match = _RANGE.match(values.strip())
        if match:
            return _range(match, kind)
        items: Sequence[object] = [v.strip() for v in values.split(",")]
    else:
        items = values
    return [_scalar(item, kind) for item in items]


def _range(match: re.Match[str], kind: str) -> list[Value]:
    if kind not in (INT, FLOAT):
        raise AxisError(f"a range needs a number setting, not {kind}")
    start, stop, how, by = (float(match.group(1)), float(match.group(2)), match.group(3),
                            float(match.group(4)))
    integer = kind == INT
    if how == "/":
        if not by.is_integer():
            raise AxisError(f"START..STOP/N: N must be a whole number, got {by:g}")
        values = list(sweep_values(start, stop, int(by), integer=integer, most=MAX_VALUES))
    else:
        values = _stepped(start, stop, how, by)
    return [round(v) if integer else float(f"{v:.{_DIGITS}g}") for v in values]


def _stepped(start: float, stop: float, how: str, by: float) -> list[float]:
    """``start`` times ``by`` (``x``) or plus ``by`` (``+``) until past ``stop``."""
    if how == "x" and (by <= 1 or start <= 0):
        raise AxisError("START..STOPxF needs START > 0 and F > 1")
    if how == "+" and by <= 0:
        raise AxisError("START..STOP+S needs S > 0")
    if stop < start:
        raise AxisError(f"a range runs upwards: {start:g} is above {stop:g}")
    values, value = [], start
    while value <= stop * (1 + _RELATIVE) and len(values) <= MAX_VALUES:
        values.append(value)
        value = value * by if how == "x" else start + by * len(values)
    return values


def _scalar(item: object, kind: str) -> Value:
    text = str(item).strip() if not isinstance(item, bool) else ""
    if kind == BOOL:
        if isinstance(item, bool) or text.lower() in ("true", "false"):
            return item if isinstance(item, bool) else text.lower() == "true"
        raise AxisError(f"must be true or false, got {item!r}")
    if kind == TEXT:
        if isinstance(item, bool) or not text:
            raise AxisError(f"must be text, got {item!r}")
        return text
    try:
        number = float(item) if isinstance(item, int | float | str) \
            and not isinstance(item, bool) else math.nan
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise AxisError(f"must be a number or a range such as 0.2..1.0/9, got {item!r}")
    if kind == INT:
        if not number.is_integer():
            raise AxisError(f"must be a whole number, got {item!r}")
        return int(number)
    return number


def _part_id(key: str, name: str, catalog: Catalog) -> str:
    """The catalog's id of ``name`` (names and aliases match case-insensitively)."""
    try:
        return getattr(catalog, key)(name).id
    except EngineError as exc:
        raise AxisError(str(exc)) from None


def _swap_nodes(design: Design, which: Callable[[Node], bool], part: str) -> Design:
    nodes = tuple(dataclasses.replace(n, hardware=part, overrides=())
                  if which(n) and n.hardware != part else n for n in design.nodes)
    return dataclasses.replace(design, nodes=nodes)
