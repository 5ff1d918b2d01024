"""Writing a plot to files: PNG and SVG of what is shown, CSV of the numbers behind it.

Pictures are the plot widget as laid out on screen (curves on a right-hand
axis and the legend included), painted by Qt: PNG at twice the screen
resolution, SVG through ``QSvgGenerator`` so lines and text stay vectors
(pyqtgraph's own SVG exporter cannot read the paths Qt 6.11 writes:
pyqtgraph issue #3485). The CSV has one row per point of every series with
the series' name and the axis titles (units included) as column headers,
so it opens in any spreadsheet. Every file is written whole or not at all
(:mod:`engine.atomic_file`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from engine.atomic_file import write_bytes, write_text
from widgets.image_file import write_image

PNG_SCALE = 2.0


def write_png(widget: QWidget, path: Path, scale: float = PNG_SCALE) -> None:
    size = widget.size() * scale
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().base().color())
    QWidget.render(widget, image)      # the widget as shown (a QGraphicsView renders its scene)
    write_image(image, path)


def write_svg(widget: QWidget, path: Path, title: str) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(widget.size())
    generator.setViewBox(QRectF(0, 0, widget.width(), widget.height()))
    generator.setTitle(title)
    QWidget.render(widget, generator)
    buffer.close()
    write_bytes(path, bytes(data.data()))


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
    write_text(path, text.getvalue())
