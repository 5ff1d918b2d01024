"""What serving earns per GPU against how fast each user's answer streams.

``set_curve(curve, scenario="")`` draws a
:class:`~engine.analysis.serving_curve.ThroughputLatencyCurve`: every
configuration the serving search ranked as a dot (output tokens/s per GPU up,
output tokens/s per user across), the frontier no configuration beats on both
as a line, and a star at the design's own configuration. Other scenarios
draw their frontier and star under their name, in their dash style (their
dots stay out, so the picture stays readable); ``clear(scenario)`` removes
them. The caption and note are the shown design's.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from engine.analysis.serving_curve import ThroughputLatencyCurve
from engine.serving import ServingEstimate
from widgets.content.colors import MARKER_COLOR
from widgets.plots.axes import SuffixAxis
from widgets.plots.base import PlotPanel
from widgets.plots.style import scenario_dash, series_color

KINDS = (QT_TRANSLATE_NOOP("Plots", "configurations"), QT_TRANSLATE_NOOP("Plots", "frontier"),
         QT_TRANSLATE_NOOP("Plots", "this design"))


def series_name(kind: str, scenario: str = "") -> str:
    return f"{scenario} · {kind}" if scenario else kind


def layout(e: ServingEstimate) -> str:
    """``tp 4 · pp 1 × 2 replicas, batch 64``: a configuration as the read-out names it."""
    p = e.parallelism
    parts = [f"tp {p.tp}", f"pp {p.pp}"] + ([f"ep {p.ep}"] if p.ep > 1 else [])
    return f"{' · '.join(parts)} × {p.replicas} replica{'s' if p.replicas != 1 else ''}, " \
           f"batch {e.batch_per_replica:,}"


def point_note(e: ServingEstimate) -> str:
    return (f"{layout(e)}: {e.per_gpu_output_tokens_per_s:,.0f} tokens/s per GPU, "
            f"{1e3 / e.tpot_ms:,.1f} tokens/s per user (TPOT {e.tpot_ms:,.1f} ms, "
            f"TTFT {e.ttft_ms:,.0f} ms), {e.bottleneck}")


class ServingPanel(PlotPanel):
    """Throughput per GPU against speed per user (module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Plots", "Output tokens/s per user"),
                         QT_TRANSLATE_NOOP("Plots", "Output tokens/s per GPU"),
                         axes={"left": SuffixAxis("left")}, zero_based=True, parent=parent)
        self._scenarios: dict[str, ThroughputLatencyCurve] = {}

    def set_curve(self, curve: ThroughputLatencyCurve, scenario: str = "") -> None:
        self._scenarios[scenario] = curve
        dash = scenario_dash(list(self._scenarios).index(scenario))
        ranked = curve.configurations
        dots = ranked if not scenario else ()
        self.set_series(series_name("configurations", scenario),
                        curve.per_user[:len(dots)], curve.per_gpu[:len(dots)],
                        notes=[point_note(e) for e in dots], color=series_color(9),
                        symbol="o", symbol_size=5, line=False, legend=bool(dots))
        on = np.flatnonzero(curve.frontier)
        on = on[np.argsort(curve.per_user[on])]
        self.set_series(series_name("frontier", scenario), curve.per_user[on],
                        curve.per_gpu[on], notes=[point_note(ranked[i]) for i in on],
                        color=series_color(0), dash=dash, symbol="o", symbol_size=6)
        self.set_series(series_name("this design", scenario), [curve.design_per_user],
                        [curve.design_per_gpu],
                        notes=[f"{scenario or 'this design'}: {point_note(curve.chosen)}"],
                        color=MARKER_COLOR, symbol="star", line=False, symbol_size=18,
                        legend=not scenario)
        if scenario == "" or len(self._scenarios) == 1:
            self._describe(curve)

    def clear(self, scenario: str = "") -> None:
        if self._scenarios.pop(scenario, None) is None:
            return
        for kind in KINDS:
            self.clear_series(series_name(kind, scenario))

    def _describe(self, curve: ThroughputLatencyCurve) -> None:
        e = curve.chosen
        self.set_caption(self.tr("{model} on {gpus} × {accelerator}: {input} tokens in, {output} "
                                 "out, {scenario}; {n} configurations ranked").format(
            model=curve.model, gpus=f"{e.gpus_available:,}", accelerator=curve.accelerator,
            input=f"{e.input_tokens:,}", output=f"{e.output_tokens:,}", scenario=e.scenario,
            n=f"{len(curve.configurations):,}"))
        self.set_note(self.tr("This design: {per_gpu} tokens/s per GPU at {per_user} tokens/s "
                              "per user ({layout}). Larger batches earn more per GPU and "
                              "stream slower.").format(
            per_gpu=f"{curve.design_per_gpu:,.0f}", per_user=f"{curve.design_per_user:,.1f}",
            layout=layout(e)))

