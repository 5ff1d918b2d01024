"""A reference line's label goes where no curve is.

A vertical line's label (``this design: 1,024``) is tried at the height asked
for, then at the other end of the line and in the middle, each on the right of
the line and then on its left; the first spot whose box meets no curve wins
(the first spot when none is free). Curves are compared as the strokes drawn on
screen, so a label never sits on a line it would hide.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPainterPathStroker

STROKE_PX = 4.0
# (anchor of the text's box at the point on the line) for a label near the top, bottom
# and middle: hanging down from a point near the top, standing on one near the bottom
_ANCHORS = {"top": ((0, 0), (1, 0)), "bottom": ((0, 1), (1, 1)), "middle": ((0, 0.5), (1, 0.5))}
_HEIGHTS = {"top": 0.92, "bottom": 0.08, "middle": 0.5}


def curve_strokes(items: Iterable[pg.PlotDataItem]) -> list[QPainterPath]:
    """The drawn lines of ``items`` as areas in scene coordinates."""
    stroker = QPainterPathStroker()
    stroker.setWidth(STROKE_PX)
    out = []
    for item in items:
        if not item.isVisible() or item.curve.xData is None or not len(item.curve.xData):
            continue
        out.append(stroker.createStroke(item.curve.mapToScene(item.curve.getPath())))
        radius = item.opts["symbolSize"] / 2 + 1 if item.opts["symbol"] else 0
        if radius:
            dots = QPainterPath()
            for x, y in zip(item.curve.xData, item.curve.yData, strict=True):
                if math.isfinite(x) and math.isfinite(y):
                    dots.addEllipse(item.curve.mapToScene(QPointF(x, y)), radius, radius)
            out.append(dots)
    return out


def spots(height: float) -> list[tuple[float, tuple[float, float]]]:
    """Heights along the line (0 bottom, 1 top) and anchors to try, ``height`` first."""
    first = "top" if height > 0.66 else "bottom" if height < 0.33 else "middle"
    order = [first, *(end for end in ("top", "bottom", "middle") if end != first)]
    heights = {**_HEIGHTS, first: height}
    return [(heights[end], anchor) for end in order for anchor in _ANCHORS[end]]


def place_clear(line: pg.InfiniteLine, height: float, strokes: list[QPainterPath]) -> bool:
    """Put ``line``'s label on the first spot free of ``strokes``; False if none is."""
    label = line.label
    line.viewTransformChanged()          # its extent in this view, not the last one's
    candidates = spots(height)
    for position, anchor in [*candidates, candidates[0]]:
        label.orthoPos = position
        label.anchors = [anchor, anchor]
        label.updatePosition()
        label.updateTransform(force=True)        # text at its size on screen in this view
        box = label.mapRectToScene(label.boundingRect())
        if not any(stroke.intersects(box) for stroke in strokes):
            return True
    return False
