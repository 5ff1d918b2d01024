"""Copy and paste through the system clipboard, as layout-file text.

A copied selection is written as a small layout file (``engine.layout``),
so it can be pasted into another window, or into a text editor and back;
pasting reads it with the same validating loader as opening a file.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from engine.catalog import Catalog
from engine.design import Design
from engine.errors import InputError
from engine.layout import dumps_design, loads_design

CLIPBOARD_MIME = "application/x-cluster-workbench-layout"


def copy_fragment(fragment: Design) -> None:
    text = dumps_design(fragment)
    mime = QMimeData()
    mime.setData(CLIPBOARD_MIME, text.encode("utf-8"))
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def pasted_fragment(catalog: Catalog) -> Design | None:
    """The layout on the clipboard, or ``None`` if it holds none."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None
    if mime.hasFormat(CLIPBOARD_MIME):
        text = bytes(mime.data(CLIPBOARD_MIME).data()).decode("utf-8")
    elif mime.hasText() and "cluster-workbench/" in mime.text():
        text = mime.text()
    else:
        return None
    try:
        return loads_design(text, "clipboard", catalog)
    except InputError:
        return None
