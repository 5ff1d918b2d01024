"""Goodput and time lost against the checkpoint interval, around the chosen one.

Daly's complete model (:func:`engine.reliability.checkpoints.goodput`) at
:data:`POINTS` intervals spaced on a log scale from a tenth to ten times
Young's optimum (wider if the chosen interval lies outside), with the
design's checkpoint write time, job MTBF and restart time from its
reliability section. The time lost is how many days longer than its
failure-free schedule the run then takes (training days / goodput - days).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.errors import EngineError
from engine.reliability import ReliabilityReport
from engine.reliability.checkpoints import goodput, young_interval_s

POINTS = 96
SPAN = 10.0          # the curve runs from Young's interval / SPAN to Young's interval x SPAN


@dataclass(frozen=True)
class CheckpointCurve:
    """Goodput (a fraction) and days lost per run at each interval (minutes)."""

    interval_min: np.ndarray
    goodput: np.ndarray
    time_lost_days: np.ndarray | None      # None without a training estimate
    chosen_interval_min: float
    chosen_goodput: float
    young_interval_min: float


def checkpoint_curve(report: ReliabilityReport) -> CheckpointCurve:
    """The curve for the design's failure rate and checkpoint; an error if nothing fails."""
    if not np.isfinite(report.job_mtbf_hours):
        raise EngineError("no part of the design fails: every checkpoint interval is as good")
    mtbf_s, write_s = report.job_mtbf_hours * 3600, report.checkpoint_write_s
    restart_s = report.restart_min * 60
    young_min = young_interval_s(write_s, mtbf_s) / 60
    chosen = report.checkpoint_interval_min
    low, high = min(young_min / SPAN, chosen / 2), max(young_min * SPAN, chosen * 2)
    minutes = np.geomspace(low, high, POINTS)
    share = np.array([goodput(m * 60, write_s, mtbf_s, restart_s) for m in minutes])
    days = report.time_to_train_days
    lost = days / share - days if days is not None else None
    return CheckpointCurve(minutes, share, lost, chosen, report.goodput, young_min)
