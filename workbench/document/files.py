"""New, Open, Save and Save As for the document, with the questions and errors around them.

Files go through ``engine.layout`` only. A file that does not load is
reported line by line (file, line, key path, what is wrong) in a dialog and
the open document is left exactly as it was; so is a file that cannot be
written (:mod:`engine.atomic_file` says where and why in one line). Work is
never thrown away without asking: New, Open and closing the window first
offer to save. Opening a file removes the temporary files a save killed
beside it left.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from engine.atomic_file import WriteError, remove_stale_temps
from engine.catalog import Catalog
from engine.design import Design
from engine.errors import InputError
from engine.layout import load_design, save_design
from widgets.problems_dialog import ProblemsDialog
from workbench.document.app_settings import AppSettings
from workbench.document.document import Document

FILE_FILTER = QT_TRANSLATE_NOOP("FileController",
                                "Cluster Workbench layouts (*.yaml *.yml);;All files (*)")
UNTITLED = QT_TRANSLATE_NOOP("FileController", "Untitled")


class FileController(QObject):
    """Moves designs between files and the document."""

    #: The list of recent files changed.
    recent_changed = Signal()
    #: Something to tell the user in the status bar.
    message_posted = Signal(str)

    def __init__(self, window: QWidget, document: Document, catalog: Catalog,
                 settings: AppSettings, new_design: Callable[[], Design]) -> None:
        super().__init__(window)
        self._window = window
        self._doc = document
        self._catalog = catalog
        self._settings = settings
        self._new_design = new_design
        self._unsaved_name = UNTITLED       # the title of a document with no file yet
        self._suggested: Path | None = None     # where Save As proposes to write it
        self.last_error: ProblemsDialog | None = None

    def display_name(self) -> str:
        if self._doc.path:
            return self._doc.path.name
        return self.tr(UNTITLED) if self._unsaved_name == UNTITLED else self._unsaved_name

    # -- actions -------------------------------------------------------------------

    def new(self) -> None:
        if self.confirm_discard():
            self._unsaved_name, self._suggested = UNTITLED, None
            self._doc.load(self._new_design(), None)
            self.message_posted.emit(self.tr("New design"))

    def load_unsaved(self, design: Design, source: Path) -> None:
        """Make ``design``, read from another tool's file ``source``, the document: not saved
        yet, titled after the file, Save As proposing a layout beside it."""
        self._unsaved_name = source.stem
        suggested = source.with_name(f"{source.stem}.yaml")
        self._suggested = suggested if suggested != source else \
            source.with_name(f"{source.stem}-design.yaml")
        self._doc.load(design, None, saved=False)
        self.message_posted.emit(self.tr("Imported {source}: not saved yet").format(
            source=source))

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        start = str(self._doc.path.parent) if self._doc.path else ""
        name, _ = QFileDialog.getOpenFileName(self._window, self.tr("Open design"), start,
                                              self.tr(FILE_FILTER))
        if name:
            self.open_path(Path(name), confirmed=True)

    def open_path(self, path: Path, confirmed: bool = False) -> bool:
        """Load ``path`` into the document; on any problem the document stays as it was."""
        if not confirmed and not self.confirm_discard():
            return False
        try:
            design = load_design(str(path), self._catalog)
        except InputError as exc:
            self.show_problems(self.tr("Could not open {name}").format(name=path.name),
                               self.tr("{path} was not opened; the open design is "
                                       "unchanged.").format(path=path), exc.lines())
            return False
        self._doc.load(design, path)
        remove_stale_temps(path.parent)
        self._settings.add_recent(path)
        self.recent_changed.emit()
        self.message_posted.emit(self.tr("Opened {path}").format(path=path))
        return True

    def save(self) -> bool:
        if self._doc.path is None:
            return self.save_as()
        return self.save_to(self._doc.path)

    def save_as(self) -> bool:
        start = str(self._doc.path or self._suggested or Path.cwd() / "design.yaml")
        name, _ = QFileDialog.getSaveFileName(self._window, self.tr("Save design as"), start,
                                              self.tr(FILE_FILTER))
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() not in (".yaml", ".yml"):
            path = path.with_suffix(".yaml")
        return self.save_to(path)

    def confirm_discard(self) -> bool:
        """True if the document may be replaced: saved, or the user said so."""
        if not self._doc.is_modified():
            return True
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self._window, self.tr("Unsaved changes"),
            self.tr("{name} has unsaved changes. Save them first?").format(
                name=self.display_name()),
            buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    # -- helpers ---------------------------------------------------------------------

    def save_to(self, path: Path) -> bool:
        """Write the design to ``path`` and make it the document's file."""
        try:
            save_design(self._doc.file_design, path)
        except WriteError as exc:
            self.show_problems(self.tr("Could not save"),
                               self.tr("{path} was not written; your changes are still open. "
                                       "Save them elsewhere with File > Save As.").format(
                                   path=path), [str(exc)])
            return False
        self._doc.mark_saved(path)
        self._settings.add_recent(path)
        self.recent_changed.emit()
        self.message_posted.emit(self.tr("Saved {path}").format(path=path))
        return True

    def show_problems(self, title: str, message: str, lines: list[str]) -> None:
        dialog = ProblemsDialog(title, message, lines, self._window)
        self.last_error = dialog
        dialog.open()
