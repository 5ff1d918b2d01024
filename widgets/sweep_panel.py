"""The sweep panel: choose a setting and a range, run or cancel, watch the plots fill.

A dumb view over :class:`~widgets.sweep_plots.SweepPlots`. The settings
come from the engine (:func:`engine.sweep.parameters`) grouped as the
engine groups them; the workbench answers a new choice with a range
(:meth:`set_range`) and a run request with points. While a sweep runs the
Run button is Cancel and the progress bar counts points; before a run it counts
the points the range shown will compute.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.errors import EngineError
from engine.sweep import MAX_STEPS, Parameter, sweep_values
from widgets.content.texts import engine_text
from widgets.language import follow_language
from widgets.sweep_plots import SweepPlots

DEFAULT_STEPS = 9


class SweepPanel(QWidget):
    """Controls over plots."""

    #: Another setting was chosen (its key): the workbench should offer a range.
    parameter_chosen = Signal(str)
    #: Run: key, start, stop, steps, logarithmic.
    run_requested = Signal(str, float, float, int, bool)
    cancel_requested = Signal()
    export_requested = Signal()
    #: Open results…: show a results file of ``cluster-workbench sweep``.
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parameters: dict[str, Parameter] = {}
        self._running = False
        self.setting = QComboBox()
        self.setting.setMinimumContentsLength(28)
        self.setting.currentIndexChanged.connect(self._on_setting_changed)
        self.start_value, self.stop_value = _number_box(), _number_box()
        self.steps = QSpinBox()
        self.steps.setRange(2, MAX_STEPS)
        self.steps.setValue(DEFAULT_STEPS)
        self.log = QCheckBox()
        self.run = QPushButton()
        self.run.setDefault(True)
        self.run.clicked.connect(self._on_run_clicked)
        self.export = QPushButton()
        self.export.setEnabled(False)
        self.export.clicked.connect(self.export_requested)
        self.open = QPushButton()
        self.open.clicked.connect(self.open_requested)
        self.progress = QProgressBar()
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.plots = SweepPlots()
        controls = QHBoxLayout()
        self._labels = [QLabel() for _ in range(4)]
        for label, widget in zip(self._labels, (self.setting, self.start_value,
                                                self.stop_value, self.steps), strict=True):
            controls.addWidget(label)
            controls.addWidget(widget, 2 if widget is self.setting else 0)
        controls.addWidget(self.log)
        controls.addStretch(1)
        controls.addWidget(self.run)
        controls.addWidget(self.export)
        controls.addWidget(self.open)
        progress = QHBoxLayout()
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.status, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(progress)
        layout.addWidget(self.plots, 1)
        for changed in (self.start_value.valueChanged, self.stop_value.valueChanged,
                        self.steps.valueChanged, self.log.toggled):
            changed.connect(self._show_planned_points)
        follow_language(self, self._name)

    def _name(self) -> None:
        for label, text in zip(self._labels, (self.tr("Setting"), self.tr("From"),
                                              self.tr("To"), self.tr("Steps")), strict=True):
            label.setText(text)
        self.log.setText(self.tr("Log scale"))
        self.log.setToolTip(self.tr("Space the values geometrically (each step the same "
                                    "ratio)"))
        self.set_running(self._running)
        self.export.setText(self.tr("Export…"))
        self.export.setToolTip(self.tr("The sweep's rows as CSV or Parquet, as the sweep "
                                       "command writes them"))
        self.open.setText(self.tr("Open results…"))
        self.open.setToolTip(self.tr("Plot the Pareto front of a results file written by "
                                     "cluster-workbench sweep"))
        self.progress.setFormat(self.tr("%v of %m points"))

    def set_parameters(self, parameters: Sequence[Parameter], chosen: str = "") -> None:
        """The settings to offer, grouped; ``chosen`` selected (else the first)."""
        self._parameters = {p.key: p for p in parameters}
        self.setting.blockSignals(True)
        self.setting.clear()
        group = ""
        for p in parameters:
            if p.group != group:
                if group:
                    self.setting.insertSeparator(self.setting.count())
                group = p.group
            unit = f" ({engine_text(p.unit)})" if p.unit else ""
            self.setting.addItem(f"{engine_text(p.group)}: {engine_text(p.label)}{unit}", p.key)
            self.setting.setItemData(self.setting.count() - 1, p.doc or p.key,
                                     Qt.ItemDataRole.ToolTipRole)
        index = self.setting.findData(chosen) if chosen else 0
        self.setting.setCurrentIndex(max(index, 0))
        self.setting.blockSignals(False)
        self._on_setting_changed()

    def chosen(self) -> Parameter | None:
        return self._parameters.get(str(self.setting.currentData()))

    def set_range(self, start: float, stop: float, log: bool) -> None:
        parameter = self.chosen()
        decimals = 0 if parameter is None or parameter.integer else _decimals(start, stop)
        for box, value in ((self.start_value, start), (self.stop_value, stop)):
            box.setDecimals(decimals)
            low = parameter.minimum if parameter and parameter.minimum is not None else -1e15
            high = parameter.maximum if parameter and parameter.maximum is not None else 1e15
            box.setRange(low, high)
            box.setValue(value)
        self.log.setChecked(log)

    def set_running(self, running: bool) -> None:
        self._running = running
        self.run.setText(self.tr("Cancel") if running else self.tr("Run"))
        for widget in (self.setting, self.start_value, self.stop_value, self.steps, self.log):
            widget.setEnabled(not running)

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setFormat("%v of %m points")
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def planned_points(self) -> int:
        """The points a run of the range shown would compute (whole-number settings drop
        repeats); 0 for a range that has none."""
        parameter = self.chosen()
        try:
            return len(sweep_values(self.start_value.value(), self.stop_value.value(),
                                    self.steps.value(), self.log.isChecked(),
                                    parameter is not None and parameter.integer))
        except EngineError:
            return 0

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def _show_planned_points(self) -> None:
        """Before a run, the bar counts the points the run will compute."""
        if self._running:
            return
        planned = self.planned_points()
        if planned:
            self.set_progress(0, planned)
        else:
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.progress.setFormat("no points in this range")

    def _on_setting_changed(self) -> None:
        parameter = self.chosen()
        if parameter is not None:
            self.setting.setToolTip(parameter.doc)
            self.parameter_chosen.emit(parameter.key)
        self._show_planned_points()

    def _on_run_clicked(self) -> None:
        if self._running:
            self.cancel_requested.emit()
            return
        parameter = self.chosen()
        if parameter is not None:
            self.run_requested.emit(parameter.key, self.start_value.value(),
                                    self.stop_value.value(), self.steps.value(),
                                    self.log.isChecked())


def _number_box() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setGroupSeparatorShown(True)
    box.setMinimumWidth(120)
    return box


def _decimals(*values: float) -> int:
    """Enough decimals to show the smallest non-zero value with three significant digits."""
    smallest = min((abs(v) for v in values if v), default=1.0)
    digits = 0
    while smallest * 10**digits < 100 and digits < 6:
        digits += 1
    return digits
