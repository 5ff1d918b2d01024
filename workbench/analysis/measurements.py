"""The user's nccl-tests measurements on the bandwidth panel, against the shown design.

Two kinds of sweep are drawn: the files the user loads (File > Import
Measurements, kept until cleared or the window closes: they are not part
of the design) and the files the design's calibrations were fitted to,
found beside the design's file (re-read when they change). After each
evaluation every sweep is timed on the design's largest island
(:func:`engine.analysis.measured.measured_sweep`, a few sizes: cheap on the
UI thread) and the panel draws the points and their residuals. A file that
does not read is a dialog, one line per problem; a sweep the design cannot
run (more ranks than it has) is a status message, and the others still show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog

from engine.analysis.measured import MeasuredSweep, measured_sweep
from engine.errors import EngineError, InputError
from engine.interop.calibration import measurement_files
from engine.interop.nccl_tests import Sweep, read_nccl_tests
from engine.network import NETWORK, NetworkReport
from widgets.plots.bandwidth_panel import BandwidthPanel
from workbench.analysis.pipeline import AnalysisPipeline, Done
from workbench.document.document import Document
from workbench.document.files import FileController

RESULTS_FILTER = "nccl-tests results (*.log *.txt *.out *.json);;All files (*)"


class Measurements(QObject):
    """Keeps the bandwidth panel's measured points in step with the shown design."""

    #: Something to tell the user in the status bar.
    message_posted = Signal(str)

    def __init__(self, document: Document, pipeline: AnalysisPipeline, panel: BandwidthPanel,
                 files: FileController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc, self._panel, self._files = document, panel, files
        self._loaded: list[Sweep] = []
        self._referenced: dict[Path, tuple[float, Sweep | None]] = {}   # by modification time
        self._network: NetworkReport | None = None
        pipeline.lane("evaluation").answered.connect(self._on_evaluated)

    def import_dialog(self) -> None:
        folder = str(self._doc.path.parent) if self._doc.path else ""
        names, _ = QFileDialog.getOpenFileNames(self._files.parent(),
                                                self.tr("Import measurements"),
                                                folder, RESULTS_FILTER)
        for name in names:
            self.add(Path(name))

    def add(self, path: Path) -> bool:
        """Read ``path`` (an nccl-tests log or ``-J`` file) and draw it; a dialog if it
        does not read."""
        try:
            sweep = read_nccl_tests(path)
        except InputError as exc:
            self._files.show_problems(self.tr("Could not read {name}").format(name=path.name),
                                      self.tr("{path} was not loaded.").format(path=path),
                                      exc.lines())
            return False
        self._loaded = [s for s in self._loaded if s.file != sweep.file] + [sweep]
        self._show()
        return True

    def clear(self) -> None:
        """Forget the loaded sweeps (those the design's calibrations name stay)."""
        self._loaded.clear()
        self._show()

    def sweeps(self) -> list[Sweep]:
        """Every sweep drawn: the design's calibration files found, then the loaded ones."""
        loaded = {s.file for s in self._loaded}
        return [s for s in self._calibration_sweeps() if s.file not in loaded] + self._loaded

    def _calibration_sweeps(self) -> list[Sweep]:
        folder = self._doc.path.parent if self._doc.path else Path.cwd()
        out = []
        for name in measurement_files(self._doc.design):
            path = folder / name
            try:
                stamp = path.stat().st_mtime
            except OSError:
                continue                    # not beside the design: nothing to draw
            cached = self._referenced.get(path)
            if cached is None or cached[0] != stamp:
                try:
                    cached = (stamp, read_nccl_tests(path))
                except InputError as exc:
                    cached = (stamp, None)
                    self.message_posted.emit(str(exc).splitlines()[0])
                self._referenced[path] = cached
            if cached[1] is not None:
                out.append(cached[1])
        return out

    def _on_evaluated(self, done: Done) -> None:
        self._network = done.value.result(NETWORK)
        self._show()

    def _show(self) -> None:
        shown: list[MeasuredSweep] = []
        if self._network is not None and self._network.islands:
            for sweep in self.sweeps():
                try:
                    shown.append(measured_sweep(self._network, sweep))
                except EngineError as exc:
                    self.message_posted.emit(str(exc))
        self._panel.set_measured(tuple(shown))
