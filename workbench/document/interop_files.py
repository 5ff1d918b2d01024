"""File > Import and File > Export: designs in other tools' formats, through the engine's
importers and exporters (the same code as the ``import`` and ``export`` commands).

An import becomes the document only if it succeeded: a file that does not
read is one line per problem in a dialog (file, element, what is wrong),
and the open design stays as it was. An NCCL topology file that does not
say which GPU it holds (hand-written ones often do not) asks the user to
name it, as the command's ``--accelerator`` does. A successful import is a new, unsaved
document titled after its file. Export writes the shown scenario.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from engine.atomic_file import WriteError
from engine.catalog import Catalog
from engine.design import Design
from engine.errors import InputError
from engine.interop.exporters import TARGETS, export_design
from engine.interop.importers import EXTENSIONS, import_design
from engine.interop.nccl_topology import UnnamedAccelerator
from workbench.document.document import Document
from workbench.document.files import FileController

IMPORT_FILTER = ";;".join([
    f"Designs of other tools ({' '.join(f'*{e}' for ext in EXTENSIONS.values() for e in ext)})",
    *(f"{name} ({' '.join(f'*{e}' for e in ext)})" for name, ext in EXTENSIONS.items()),
    "All files (*)"])
INFRAGRAPH_FILTER = "InfraGraph (*.yaml *.yml *.json)"


class InteropController(QObject):
    """Reads designs from, and writes them to, the field's formats."""

    #: Something to tell the user in the status bar.
    message_posted = Signal(str)

    def __init__(self, window: QWidget, document: Document, catalog: Catalog,
                 files: FileController) -> None:
        super().__init__(window)
        self._window = window
        self._doc = document
        self._catalog = catalog
        self._files = files

    def import_dialog(self) -> None:
        if not self._files.confirm_discard():
            return
        name, _ = QFileDialog.getOpenFileName(self._window, self.tr("Import a design"),
                                              self._folder(), IMPORT_FILTER)
        if name:
            self.import_path(Path(name), confirmed=True)

    def import_path(self, path: Path, confirmed: bool = False) -> bool:
        """Make the design in ``path`` the document; on any problem nothing changes."""
        if not confirmed and not self._files.confirm_discard():
            return False
        try:
            design = self._read(path)
        except InputError as exc:
            self._files.show_problems(
                self.tr("Could not import {name}").format(name=path.name),
                self.tr("{path} was not imported; the open design is unchanged.").format(
                    path=path), exc.lines())
            return False
        if design is None:
            return False                # the user did not name the accelerator
        self._files.load_unsaved(design, path)
        return True

    def _read(self, path: Path) -> Design | None:
        """The design in ``path``, asking which accelerator if the file cannot say."""
        try:
            return import_design(path, self._catalog)
        except UnnamedAccelerator as exc:
            choices = [f"{spec.id}: {spec.name}" for spec in self._catalog.accelerators.values()]
            choice, ok = QInputDialog.getItem(
                self._window, self.tr("Which accelerator?"),
                self.tr("{problem}\n\nImport its GPUs as:").format(problem=exc.lines()[0]),
                choices, 0, False)
            if not ok:
                return None
            return import_design(path, self._catalog, choice.split(":")[0])

    def export_dialog(self, target: str) -> None:
        stem = Path(self._files.display_name()).stem
        if target == "astra-sim":
            name = QFileDialog.getExistingDirectory(
                self._window, self.tr("Export ASTRA-sim inputs into a folder"), self._folder())
        else:
            name, _ = QFileDialog.getSaveFileName(
                self._window, self.tr("Export as an InfraGraph"),
                str(Path(self._folder()) / f"{stem}.infragraph.yaml"), INFRAGRAPH_FILTER)
        if name:
            self.export_to(target, Path(name))

    def export_to(self, target: str, path: Path) -> bool:
        """Write the shown scenario as ``target`` to ``path``; a dialog if it cannot."""
        try:
            written = export_design(self._doc.design, target, path, self._doc.catalog)
        except InputError as exc:
            self._export_failed(target, exc.lines())
            return False
        except WriteError as exc:
            self._export_failed(target, [str(exc)])
            return False
        self.message_posted.emit("; ".join(written))
        return True

    def _export_failed(self, target: str, lines: list[str]) -> None:
        self._files.show_problems(
            self.tr("Could not export to {target}").format(target=TARGETS[target]),
            self.tr("Nothing was written."), lines)

    def _folder(self) -> str:
        return str(self._doc.path.parent) if self._doc.path else ""
