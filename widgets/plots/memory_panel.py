"""Memory per GPU by part against the accelerator's capacity.

``set_estimate(estimate, scenario="")`` draws a
:class:`~engine.training.TrainingEstimate`'s ``memory_breakdown_gib`` (the
fullest pipeline stage) as one horizontal stacked bar per scenario, with a
red tick at that row's ``memory_capacity_gib``: a bar that crosses its tick
does not fit. ``clear(scenario)`` removes a row.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from engine.training import TrainingEstimate
from widgets.content.colors import MARKER_COLOR
from widgets.plots.bars import BAR_HEIGHT, BarsPanel
from widgets.plots.breakdown_panel import configuration

PARTS = ((QT_TRANSLATE_NOOP("Plots", "weights"), "weights", "#4e79a7"),
         (QT_TRANSLATE_NOOP("Plots", "gradients"), "gradients", "#76b7b2"),
         (QT_TRANSLATE_NOOP("Plots", "optimizer states"), "optimizer", "#f28e2b"),
         (QT_TRANSLATE_NOOP("Plots", "activations"), "activations", "#e15759"),
         (QT_TRANSLATE_NOOP("Plots", "buffers"), "buffers", "#bab0ac"))
CAPACITY = "capacity"


def gib(value: float) -> str:
    return f"{value:,.1f} GiB"


class MemoryPanel(BarsPanel):
    """Memory per GPU against capacity (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Memory per GPU (GiB)"), gib,
                         {label: color for label, _, color in PARTS}, parent)
        self._capacity: dict[str, float] = {}

    def set_estimate(self, estimate: TrainingEstimate, scenario: str = "") -> None:
        m = estimate.memory_breakdown_gib
        label = f"{scenario}: {configuration(estimate)}" if scenario else \
            configuration(estimate)
        self._capacity[scenario] = estimate.memory_capacity_gib
        self.bars.reach = max(self._capacity.values())
        self.set_row(scenario, [(name, getattr(m, field)) for name, field, _ in PARTS], label)
        self._draw_capacity()
        if scenario == "" or len(self.bars.rows()) == 1:
            self._describe(estimate)

    def clear(self, scenario: str = "") -> None:
        self._capacity.pop(scenario, None)
        self.bars.reach = max(self._capacity.values(), default=0.0)
        self.remove_row(scenario)
        self._draw_capacity()

    def capacity(self, scenario: str = "") -> float:
        return self._capacity[scenario]

    def _draw_capacity(self) -> None:
        rows = self.bars.rows()
        x = np.repeat([self._capacity[row] for row in rows], 2)
        y = np.ravel([(i - BAR_HEIGHT / 2 - 0.08, i + BAR_HEIGHT / 2 + 0.08)
                      for i in range(len(rows))])
        self.set_series(CAPACITY, x, y, color=MARKER_COLOR, legend=False, width=3,
                        connect="pairs",
                        notes=[f"{self.bars.label(row)}: the card holds "
                               f"{gib(self._capacity[row])}" for row in rows for _ in (0, 1)])

    def _describe(self, estimate: TrainingEstimate) -> None:
        need, have = estimate.memory_per_gpu_gib, estimate.memory_capacity_gib
        self.set_caption(self.tr("Fullest pipeline stage, {accelerator} ({capacity} per card; "
                                 "red tick)").format(accelerator=estimate.accelerator,
                                                     capacity=gib(have)))
        if estimate.fits_in_memory:
            self.set_note(self.tr("Needs {need} of {have} ({share:.0%}).").format(
                need=gib(need), have=gib(have), share=need / have))
        else:
            self.set_note(self.tr("Does not fit: needs {need}, {more} more than the card "
                                  "holds.").format(need=gib(need), more=gib(need - have)))
