"""The points of a design space, numbered, and the chunks they are evaluated in.

The points are the grid of every axis' values, or a seeded random sample of that grid
without repeats. They are numbered with the axes that change only prices varying
fastest, so that neighbouring points, and the points of one chunk, share every estimate
before the cost (:mod:`engine.design_space.chunks` reuses it). A chunk is a run of
point numbers and the grid places of its points: small to send, whatever the sweep's size.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass

from engine.design import Design
from engine.design_space.axes import Axis, Value
from engine.errors import EngineError
from engine.headline import figure_keys

MAX_POINTS = 10**9


class PlanError(EngineError):
    """A plan that cannot be: ``part`` ("axes", "figures" or "sample") says which part."""

    def __init__(self, part: str, message: str) -> None:
        super().__init__(message)
        self.part = part


@dataclass(frozen=True)
class SweepPlan:
    """A base design, its axes, which headline figures to record, and the sample size
    (``None``: every point of the grid)."""

    design: Design
    axes: tuple[Axis, ...]
    figures: tuple[str, ...] = ()         # empty: every headline figure
    sample: int | None = None
    seed: int = 0

    def __post_init__(self) -> None:
        keys = [a.key for a in self.axes]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            raise PlanError("axes", f"an axis is given twice: {', '.join(twice)}")
        unknown = [f for f in self.figures if f not in figure_keys()]
        if unknown:
            raise PlanError("figures", f"no headline figure {', '.join(unknown)} (known: "
                              f"{', '.join(figure_keys())})")
        if self.grid_size > MAX_POINTS:
            raise PlanError("axes", f"the grid has {self.grid_size:,} points, over "
                              f"{MAX_POINTS:,}: sample it")
        if self.sample is not None and not 1 <= self.sample <= self.grid_size:
            raise PlanError("sample", f"a sample of {self.sample:,} points: must be 1 to the "
                              f"grid's {self.grid_size:,}")

    @property
    def grid_size(self) -> int:
        return math.prod(len(a.values) for a in self.axes)

    @property
    def size(self) -> int:
        """How many points the sweep evaluates."""
        return self.grid_size if self.sample is None else self.sample

    @property
    def recorded(self) -> tuple[str, ...]:
        """The headline figures each row holds, in headline order."""
        return tuple(k for k in figure_keys() if not self.figures or k in self.figures)

    def values(self, grid_index: int) -> tuple[Value, ...]:
        """The axis values (in ``axes`` order) of the grid's point ``grid_index``."""
        found: list[Value] = [0] * len(self.axes)
        for position in reversed(_order(self.axes)):
            axis = self.axes[position]
            grid_index, place = divmod(grid_index, len(axis.values))
            found[position] = axis.values[place]
        return tuple(found)


@dataclass(frozen=True)
class Chunk:
    """Points ``first``, ``first + 1`` ... at these places of the grid."""

    first: int
    grid: range | tuple[int, ...]

    def __len__(self) -> int:
        return len(self.grid)


def chunks(plan: SweepPlan, size: int) -> Iterator[Chunk]:
    """The plan's points, ``size`` to a chunk, in point order."""
    if size < 1:
        raise EngineError(f"a chunk holds at least one point, got {size}")
    if plan.sample is None:
        for first in range(0, plan.size, size):
            yield Chunk(first, range(first, min(first + size, plan.size)))
        return
    places = sorted(random.Random(plan.seed).sample(range(plan.grid_size), plan.sample))
    for first in range(0, plan.size, size):
        yield Chunk(first, tuple(places[first:first + size]))


def _order(axes: tuple[Axis, ...]) -> list[int]:
    """Axis positions from slowest to fastest varying: those that change prices only last."""
    return sorted(range(len(axes)), key=lambda i: axes[i].prices_only)
