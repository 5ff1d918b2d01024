"""Where an iteration's time goes: compute, pipeline bubble, exposed communication, optimizer.

``set_estimate(estimate, scenario="")`` draws a
:class:`~engine.training.TrainingEstimate`'s ``breakdown_s`` as one
horizontal stacked bar (a row per scenario; the design's own row is ``""``),
labelled with its parallel configuration; ``clear(scenario)`` removes a
row. Communication counts only what nothing hides (``*_exposed``), so the
parts add up to the iteration time; the read-out gives each part's seconds
and share.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from engine.training import TrainingEstimate
from widgets.plots.bars import LEGEND_SHARE, BarsPanel

#: (label, breakdown_s field, colour): the order parts stack in.
PARTS = ((QT_TRANSLATE_NOOP("Plots", "compute"), "compute", "#4e79a7"),
         (QT_TRANSLATE_NOOP("Plots", "pipeline bubble"), "bubble", "#bab0ac"),
         (QT_TRANSLATE_NOOP("Plots", "TP comm"), "tp_exposed", "#f28e2b"),
         (QT_TRANSLATE_NOOP("Plots", "PP comm"), "pp_exposed", "#b07aa1"),
         (QT_TRANSLATE_NOOP("Plots", "DP comm"), "dp_exposed", "#59a14f"),
         (QT_TRANSLATE_NOOP("Plots", "CP comm"), "cp_exposed", "#76b7b2"),
         (QT_TRANSLATE_NOOP("Plots", "EP comm"), "ep_exposed", "#e15759"),
         (QT_TRANSLATE_NOOP("Plots", "optimizer"), "optimizer", "#edc948"))


def seconds(value: float) -> str:
    return f"{value * 1e3:,.0f} ms" if value < 1 else f"{value:,.2f} s"


def configuration(estimate: TrainingEstimate) -> str:
    """``tp 8 · pp 16 · dp 128``: the layout, with cp and ep when they are used."""
    p = estimate.parallelism
    parts = [f"tp {p.tp}", f"pp {p.pp}", f"dp {p.dp}"]
    parts += [f"{name} {value}" for name, value in (("cp", p.cp), ("ep", p.ep)) if value > 1]
    return " · ".join(parts)


class BreakdownPanel(BarsPanel):
    """Iteration time by part (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Time per iteration (s)"), seconds,
                         {label: color for label, _, color in PARTS}, parent)

    def set_estimate(self, estimate: TrainingEstimate, scenario: str = "") -> None:
        b = estimate.breakdown_s
        label = f"{scenario}: {configuration(estimate)}" if scenario else \
            configuration(estimate)
        self.set_row(scenario, [(name, getattr(b, field)) for name, field, _ in PARTS], label)
        if scenario == "" or len(self.bars.rows()) == 1:
            self._describe(estimate)

    def clear(self, scenario: str = "") -> None:
        self.remove_row(scenario)

    def _describe(self, estimate: TrainingEstimate) -> None:
        p = estimate.parallelism
        self.set_caption(self.tr("{model} on {gpus} × {accelerator}, global batch {batch}, "
                                 "micro-batch {micro}").format(
            model=estimate.model, gpus=f"{estimate.gpus:,}", accelerator=estimate.accelerator,
            batch=f"{p.global_batch:,}", micro=p.micro_batch))
        total = estimate.iteration_time_s
        shares = sorted(((getattr(estimate.breakdown_s, field), name)
                         for name, field, _ in PARTS), reverse=True)
        parts = ", ".join(f"{QCoreApplication.translate('Plots', name)} {value / total:.0%}"
                          for value, name in shares if value >= LEGEND_SHARE * total)
        small = [QCoreApplication.translate("Plots", name) for value, name in shares
                 if 0 < value < LEGEND_SHARE * total]
        under = self.tr("; under 1%: {parts}").format(parts=", ".join(small)) if small else ""
        self.set_note(self.tr("Iteration {time}: {parts}{under}. Communication that overlaps "
                              "compute is not counted.").format(time=seconds(total), parts=parts,
                                                                under=under))
