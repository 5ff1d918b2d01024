"""File > Export Report: the document's scenarios as an HTML report, from the app.

The report is the one ``cluster-workbench report`` writes, of the scenarios
as they are now (saved or not). It takes a second or two (each scenario is
evaluated and drawn), under a busy cursor.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from engine.atomic_file import check_writable
from workbench.analysis.live_stages import labelled
from workbench.document.document import Document
from workbench.report.build import write_report

FILE_FILTER = "HTML reports (*.html *.htm)"


def export_report(parent: QWidget, document: Document, source: str) -> Path | None:
    """Ask where, then write the report of ``document`` (called ``source`` in it);
    returns the file written, or None if the user cancelled; raises
    :class:`~engine.atomic_file.WriteError` if it cannot be written."""
    stem = document.path.stem if document.path else "design"
    start = (document.path.parent if document.path else Path.cwd()) / f"{stem}-report.html"
    name, _ = QFileDialog.getSaveFileName(parent, "Export report", str(start), FILE_FILTER)
    if not name:
        return None
    path = Path(name) if Path(name).suffix else Path(name).with_suffix(".html")
    check_writable(path)                 # before the seconds the report takes
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_report(labelled(document.scenarios), document.catalog, path, [source])
    finally:
        QGuiApplication.restoreOverrideCursor()
    return path
