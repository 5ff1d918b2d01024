"""What a sweep found: the Pareto front of time against cost, and the best per axis value.

The front is the points no other point beats on both time to train and cost per run
(lower is better on each), fastest first: everything off it is slower and dearer than
something on it. For each value of each axis, the cheapest and the fastest point
that has both figures say what choosing that value costs at best. Works on columns
(numpy arrays) so a million-row results file summarises in a second.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

TIME, COST = "time_to_train_days", "cost_per_run"


@dataclass(frozen=True)
class Best:
    """One value of an axis: how many points have it, and the row numbers of the
    cheapest and the fastest of them (``None`` when none has both figures)."""

    value: object
    points: int
    cheapest: int | None
    fastest: int | None


@dataclass(frozen=True)
class Summary:
    """Row numbers of the front (fastest first) and the best per value of each axis."""

    points: int
    complete: int                       # rows with both figures
    front: tuple[int, ...]
    best: dict[str, tuple[Best, ...]]
    x: str = TIME
    y: str = COST

    def varying(self, axes: Sequence[str]) -> list[str]:
        """The axes with more than one value (one with a single value is a constant)."""
        return [a for a in axes if len(self.best[a]) > 1]


def summarise(table: Mapping[str, np.ndarray], axes: Sequence[str], x: str = TIME,
              y: str = COST) -> Summary:
    """The front of ``y`` against ``x`` and the best per value of each of ``axes``."""
    xs, ys = _numbers(table[x]), _numbers(table[y])
    complete = np.isfinite(xs) & np.isfinite(ys)
    best = {axis: _best(np.asarray(table[axis]), xs, ys, complete) for axis in axes}
    return Summary(len(xs), int(complete.sum()), tuple(int(i) for i in pareto_front(xs, ys)),
                   best, x, y)


def pareto_front(xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Indices of the points no other beats on both (lower is better), ``xs`` ascending;
    of equal points, the first."""
    finite = np.flatnonzero(np.isfinite(xs) & np.isfinite(ys))
    order = finite[np.lexsort((finite, ys[finite], xs[finite]))]
    ranked = ys[order]
    lowest_before = np.concatenate(([np.inf], np.minimum.accumulate(ranked)[:-1]))
    return order[ranked < lowest_before]


def _best(values: np.ndarray, xs: np.ndarray, ys: np.ndarray,
          complete: np.ndarray) -> tuple[Best, ...]:
    distinct, group = np.unique(values, return_inverse=True)
    counts = np.bincount(group, minlength=len(distinct))
    cheapest = _first_per_group(group, ys, complete, len(distinct))
    fastest = _first_per_group(group, xs, complete, len(distinct))
    return tuple(Best(v.item() if hasattr(v, "item") else v, int(n), c, f)
                 for v, n, c, f in zip(distinct, counts, cheapest, fastest, strict=True))


def _first_per_group(group: np.ndarray, key: np.ndarray, complete: np.ndarray,
                     groups: int) -> list[int | None]:
    """Per group, the row with the lowest ``key`` among complete rows."""
    rows = np.flatnonzero(complete)
    order = rows[np.lexsort((rows, key[rows], group[rows]))]
    found: list[int | None] = [None] * groups
    firsts, at = np.unique(group[order], return_index=True)
    for g, i in zip(firsts, at, strict=True):
        found[int(g)] = int(order[i])
    return found


def _numbers(column: np.ndarray) -> np.ndarray:
    """A figure column as floats, missing values as NaN."""
    return np.array([np.nan if v is None else v for v in column], dtype=float) \
        if np.asarray(column).dtype == object else np.asarray(column, dtype=float)
