"""Sweeps: one setting of a design varied over a range, the headline figures at each value.

What can be swept (:func:`parameters`): the accelerator count (the design's
block replicated, exactly as the scaling panel replicates it:
:mod:`engine.analysis.scaling`), the price of one accelerator in
the design's currency (``cost.accelerator_price_usd``, and any node's own
``price_usd``, which would otherwise win), and every numeric setting of every
section (workload, cost, reliability ...: :meth:`engine.sections.Registry.settings_sections`),
addressed by its path such as ``cost.discount``. :func:`sweep_point` is one point, pure
and picklable, so the GUI can spread points over worker processes; the
design at each point is held to the design's rules (:mod:`engine.rules`), so
a value it cannot take is one located line, not an estimate of an invalid
design. A point keeps the topology's warnings (a scaled design whose switches get more
cables than they have ports is estimated, and says so).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from engine.analysis.scaling import resized, scaling_block
from engine.catalog import Catalog
from engine.cost.prices import accelerator_quote
from engine.design import Design
from engine.errors import EngineError
from engine.estimates import REGISTRY
from engine.evaluate import evaluate
from engine.hardware import accelerator_of
from engine.headline import Figure, headline
from engine.layout import catalog_for
from engine.network import NETWORK
from engine.rules import checked
from engine.settings import SettingField, leaves, settings_of
from engine.structure import total_accelerators, units

ACCELERATORS = "accelerators"
ACCELERATOR_PRICE = "accelerator_price"
MAX_STEPS = 200
#: Settings swept through a parameter of their own (in the design's currency, boxes too).
_SUPERSEDED = ("cost.accelerator_price_usd",)


@dataclass(frozen=True)
class Parameter:
    """A setting a sweep can vary, with its limits and the design's current value."""

    key: str                     # ACCELERATORS, ACCELERATOR_PRICE or a path: "cost.discount"
    label: str
    group: str                   # "Design", "Workload", "Cost" or "Reliability"
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False
    current: float | None = None
    doc: str = ""


@dataclass(frozen=True)
class SweepPoint:
    """The headline figures at one value; ``x`` is what the design then has (a count
    rounds to whole blocks), which plots should use."""

    value: float
    x: float
    figures: tuple[Figure, ...]
    warnings: tuple[str, ...] = ()


def parameters(design: Design, catalog: Catalog) -> tuple[Parameter, ...]:
    """Everything :func:`apply` can vary on ``design`` (the settings it asks for), the
    design's own two first."""
    currency = design.cost.currency
    found = [Parameter(ACCELERATORS, "Accelerators", "Design", "", 1, 1e7, True,
                       float(total_accelerators(design)),
                       "the design's block (its outermost repeated group, or largest box) "
                       "replicated, as the Scaling panel does; the rest stays as drawn"),
             Parameter(ACCELERATOR_PRICE, "Accelerator price", "Design",
                       f"{currency} per accelerator", 0.0, 1e9, False,
                       _accelerator_price(design, catalog),
                       "one accelerator, bought; replaces the catalog's price and every "
                       "box's own price")]
    for settings in (s for s in REGISTRY.settings_sections() if s.present(design)):
        for leaf in leaves(settings.cls):
            s, key = leaf.field, ".".join((settings.key, *leaf.path))
            if s.kind in (int, float) and not s.info.choices and key not in _SUPERSEDED:
                current = leaf.value(settings.of(design))
                found.append(Parameter(key, s.info.label, settings.label, s.info.unit,
                                       s.info.minimum, s.info.maximum, s.kind is int,
                                       None if current is None else float(current),
                                       s.info.doc))
    return tuple(found)


def _accelerator_price(design: Design, catalog: Catalog) -> float | None:
    """The price the cost model uses for the design's most numerous accelerator."""
    boxes = [n for n in design.nodes if n.kind != "switch"]
    if not boxes:
        return None
    node = max(boxes, key=lambda n: units(design, n) * n.accelerators)
    merged = catalog_for(design, catalog)
    try:
        return accelerator_quote(accelerator_of(merged, node), node, design.cost).amount
    except EngineError:
        return None


def apply(design: Design, key: str, value: float | str | bool) -> Design:
    """``design`` with ``key`` set to ``value``; raises :class:`EngineError` if there is no
    such setting or the value is of the wrong kind (whether the design can take the value
    is the rules' to say)."""
    if key == ACCELERATORS:
        return with_accelerators(design, round(value))
    if key == ACCELERATOR_PRICE:
        return _with_price(design, value)
    section, *path = key.split(".")
    settings = next((s for s in REGISTRY.settings_sections() if s.key == section), None)
    if settings is None or not path:
        raise EngineError(f"no setting {key!r} to sweep")
    return settings.with_value(design, _set(settings.of(design), path, value, key))


def _set(values: Any, path: list[str], value: float | str | bool, key: str) -> Any:
    fields = {s.name: s for s in settings_of(type(values))}
    name, *rest = path
    if name not in fields:
        raise EngineError(f"no setting {key!r} to sweep")
    field = fields[name]
    if rest:
        return dataclasses.replace(values, **{name: _set(getattr(values, name), rest, value,
                                                         key)})
    if field.kind in (str, bool):
        return dataclasses.replace(values, **{name: _choice(field, value, key)})
    if field.kind not in (int, float) or isinstance(value, str | bool):
        raise EngineError(f"{key} is not a number")
    whole = field.kind is int and math.isfinite(value)
    return dataclasses.replace(values, **{name: round(value) if whole else float(value)})


def _choice(field: SettingField, value: float | str | bool, key: str) -> str | bool:
    """``value`` as a text or yes/no setting takes it."""
    if not isinstance(value, field.kind):
        raise EngineError(f"{key}: must be {'text' if field.kind is str else 'true or false'}"
                          f", got {value!r}")
    choices = field.info.choices
    if choices is not None and value not in choices:
        raise EngineError(f"{key}: must be one of {', '.join(choices)}, got {value!r}")
    return value


def _with_price(design: Design, price: float) -> Design:
    if not math.isfinite(price) or price < 0:
        raise EngineError(f"accelerator price: must be >= 0, got {price:g}")
    cost = design.cost
    usd = price / cost.cny_per_usd if cost.currency == "CNY" else price
    nodes = tuple(dataclasses.replace(n, overrides=tuple(
        (k, usd if k == "price_usd" else v) for k, v in n.overrides))
        if n.kind != "switch" else n for n in design.nodes)
    return dataclasses.replace(design, nodes=nodes,
                               cost=dataclasses.replace(cost, accelerator_price_usd=usd))


def default_range(parameter: Parameter) -> tuple[float, float, bool]:
    """A first range to offer for ``parameter``: ``(start, stop, logarithmic)``.

    The accelerator count from a quarter to 16 times the design's (256 to
    16,384 for a 1,024-GPU design), on a log scale; fractions from 0.2 to
    their maximum (a rent discount of 20% of list up to none); other values
    from half to twice the current one, within the setting's limits.
    """
    low = parameter.minimum if parameter.minimum is not None else 0.0
    high = parameter.maximum if parameter.maximum is not None else math.inf
    current = parameter.current
    if parameter.key == ACCELERATORS and current:
        return max(low, current / 4), min(high, current * 16), True
    if high <= 1.0:
        return max(low, min(0.2, high / 2)), high, False
    if not current:
        start = max(low, 1.0)
        return start, min(high, start * 8), parameter.integer
    return max(low, current / 2), min(high, current * 2), False


def with_accelerators(design: Design, target: int) -> Design:
    """``design`` with its block replicated to hold about ``target`` accelerators (whole
    blocks, at least one): :func:`engine.analysis.scaling.resized` at that count."""
    if target < 1:
        raise EngineError(f"cannot scale a design to {target} accelerators")
    block = scaling_block(design)
    per_block = total_accelerators(design) / block.replicas
    replicas = max(1, round(target / per_block))
    return resized(design, block, Fraction(replicas, block.replicas), replicas)


def sweep_values(start: float, stop: float, steps: int, log: bool = False,
                 integer: bool = False, most: int = MAX_STEPS) -> tuple[float, ...]:
    """``steps`` values from ``start`` to ``stop``, evenly or geometrically spaced;
    whole numbers when ``integer`` (repeats dropped); at most ``most`` steps."""
    if not 2 <= steps <= most:
        raise EngineError(f"a sweep takes 2 to {most} steps, got {steps}")
    if log and (start <= 0 or stop <= 0):
        raise EngineError("a logarithmic sweep needs a range above zero")
    if log:
        raw = [start * (stop / start) ** (i / (steps - 1)) for i in range(steps)]
    else:
        raw = [start + (stop - start) * i / (steps - 1) for i in range(steps)]
    values = [float(round(v)) if integer else v for v in raw]
    return tuple(dict.fromkeys(values))


def sweep_point(design: Design, key: str, value: float, catalog: Catalog) -> SweepPoint:
    """The headline figures of ``design`` with ``key`` set to ``value``; raises
    :class:`~engine.errors.InputError` if the design cannot take it."""
    changed = checked(apply(design, key, value), catalog_for(design, catalog))
    result = evaluate(changed, catalog)
    x = float(total_accelerators(changed)) if key == ACCELERATORS else value
    network = result.result(NETWORK)
    return SweepPoint(value, x, headline(result, changed.cost.currency),
                      network.warnings if network is not None else ())
