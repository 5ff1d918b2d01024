"""Pictures to bytes, and to files through :mod:`engine.atomic_file`.

``QImage.save(path)`` writes in place, so a kill or a full disk mid-write would
leave a truncated picture under the user's name; pictures are encoded in
memory instead and written whole.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from engine.atomic_file import write_bytes


def image_bytes(image: QImage, kind: str = "PNG") -> bytes:
    """``image`` encoded as ``kind`` (PNG, JPG, BMP ...)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, kind):
        raise ValueError(f"the image could not be encoded as {kind}")
    return bytes(data.data())


def write_image(image: QImage, path: str | os.PathLike[str]) -> None:
    """``image`` to ``path``, in the format its extension names, atomically."""
    kind = Path(path).suffix.lstrip(".").upper() or "PNG"
    try:
        data = image_bytes(image, kind)
    except ValueError:
        raise ValueError(f"{path}: cannot write a picture as .{kind.lower()}; "
                         "use .png") from None
    write_bytes(path, data)
