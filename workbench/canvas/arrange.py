"""Align and distribute: new positions for a set of boxes (all boxes are the same size,
so aligning edges is aligning centres)."""

from __future__ import annotations

from collections.abc import Callable

Point = tuple[float, float]
Positions = dict[str, Point]


def _along(axis: int, pick: Callable[[list[float]], float]) -> Callable[[Positions], Positions]:
    def arrange(positions: Positions) -> Positions:
        value = pick([p[axis] for p in positions.values()])
        return {k: (value, p[1]) if axis == 0 else (p[0], value) for k, p in positions.items()}
    return arrange


def _distribute(axis: int) -> Callable[[Positions], Positions]:
    def arrange(positions: Positions) -> Positions:
        order = sorted(positions, key=lambda k: positions[k][axis])
        first, last = positions[order[0]][axis], positions[order[-1]][axis]
        step = (last - first) / max(len(order) - 1, 1)
        out = {}
        for i, key in enumerate(order):
            x, y = positions[key]
            out[key] = (first + i * step, y) if axis == 0 else (x, first + i * step)
        return out
    return arrange


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


#: Arrangement name -> function from positions to new positions.
ARRANGEMENTS: dict[str, Callable[[Positions], Positions]] = {
    "left": _along(0, min), "center": _along(0, _mean), "right": _along(0, max),
    "top": _along(1, min), "middle": _along(1, _mean), "bottom": _along(1, max),
    "distribute-horizontally": _distribute(0), "distribute-vertically": _distribute(1),
}
