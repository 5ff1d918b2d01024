"""Fit a design's link figures to the user's nccl-tests measurements.

A sweep ran ``ranks`` accelerators on ``nodes`` servers; placed innermost
first, as NCCL and the engine place ranks, they cross tiers of the design's
fabric up to one (tier 0, the scale-up domain, when ``nodes`` is 1). That
tier's link type is what the sweep measures. The engine's collective model
(:mod:`engine.collectives`, alpha-beta with NCCL's latency constants) is
then fitted to it with two parameters, as Hockney's model is fitted:

- the link's **efficiency** (the fraction of line rate a large transfer
  gets, which sets the tier's bandwidth ``beta``), and
- a **latency** ``alpha`` added to every collective on that tier: what the
  measurement takes beyond the model's latency (launch and harness
  overheads, software stacks the constants do not know).

The fit minimises the summed absolute log error over the sweep's sizes (so
every size counts alike, and the current figures are among the candidates:
the fit never makes that sum worse). Efficiency is searched on a 0.005 grid;
for each, the best ``alpha`` is one that makes some size exact (the optimum
of an L1 fit lies on a data point), or 0; it replaces any latency an
earlier calibration gave the link. The result is a named
:class:`~engine.design.Calibration` (the files, today's date). Loading the
design applies both to every estimate (``catalog_for``): the efficiency to
the link's bandwidth, the latency to every collective on that tier
(:mod:`engine.collectives`), so the loaded design predicts what the fit
reported.
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

import numpy as np

from engine.catalog import Catalog
from engine.collectives import collective
from engine.design import Calibration, Design, LinkCalibration
from engine.errors import InputError, InteropError, Problem
from engine.fabric import Fabric
from engine.interop.nccl_tests import Sweep
from engine.layout import calibrated
from engine.topology import analyse

EFFICIENCY_GRID = np.round(np.arange(0.30, 1.0001, 0.005), 3)
SOURCE_SEPARATOR = ", "         # between the files of a calibration's ``source``


@dataclass(frozen=True)
class SizeError:
    """One message size: measured, modelled before and after the fit."""

    bytes: int
    measured_us: float
    before_us: float
    after_us: float

    @property
    def before_error(self) -> float:
        return abs(self.before_us - self.measured_us) / self.measured_us

    @property
    def after_error(self) -> float:
        return abs(self.after_us - self.measured_us) / self.measured_us


@dataclass(frozen=True)
class TierFit:
    """The fit of one tier's link to the sweeps that exercised it."""

    tier: int
    tier_name: str
    figure: LinkCalibration
    previous_efficiency: float
    sweeps: tuple[tuple[Sweep, tuple[SizeError, ...]], ...]

    def median_errors(self) -> tuple[float, float]:
        rows = [r for _, rows in self.sweeps for r in rows]
        return (float(np.median([r.before_error for r in rows])),
                float(np.median([r.after_error for r in rows])))


def calibrate(design: Design, catalog: Catalog, sweeps: list[Sweep], name: str,
              date: datetime.date | None = None) -> tuple[Design, tuple[TierFit, ...]]:
    """``design`` with a new calibration ``name`` fitted to ``sweeps``, and each tier's fit.

    ``catalog`` is the design's (``catalog_for``); tiers are fitted innermost first, each
    with the ones below it already calibrated.
    """
    fabric = _fabric(design, catalog)
    by_tier: dict[int, list[Sweep]] = {}
    for sweep in sweeps:
        by_tier.setdefault(_tier_of(fabric, sweep), []).append(sweep)
    fits: list[TierFit] = []
    current = catalog
    for tier in sorted(by_tier):
        fit = _fit_tier(design, current, fabric.tiers[tier].link, tier, by_tier[tier])
        fits.append(fit)
        current = calibrated(current, (Calibration(name, "", "", (fit.figure,)),))
    when = (date or datetime.date.today()).isoformat()
    source = SOURCE_SEPARATOR.join(dict.fromkeys(s.file for s in sweeps))
    new = Calibration(name, source, when, tuple(f.figure for f in fits))
    kept = tuple(c for c in design.calibrations if c.name != name)
    return dataclasses.replace(design, calibrations=(*kept, new)), tuple(fits)


def measurement_files(design: Design) -> tuple[str, ...]:
    """The files ``design``'s calibrations were fitted to, as ``calibrate`` was given them."""
    return tuple(dict.fromkeys(name.strip() for c in design.calibrations
                               for name in c.source.split(SOURCE_SEPARATOR.strip())
                               if name.strip()))


def _fabric(design: Design, catalog: Catalog) -> Fabric:
    islands = analyse(design, catalog).islands
    return max(islands, key=lambda i: i.accelerators).fabric


def _tier_of(fabric: Fabric, sweep: Sweep) -> int:
    """The outermost tier ``sweep``'s ranks cross, placed innermost first."""
    per_node = sweep.ranks // sweep.nodes
    domain = fabric.tiers[0].fanout
    problems = []
    if sweep.ranks > fabric.ranks:
        problems.append(f"ran {sweep.ranks:,} ranks; the design has {fabric.ranks:,} "
                        "accelerators")
    elif sweep.ranks % sweep.nodes or (sweep.nodes > 1 and per_node != domain) or \
            per_node > domain:
        problems.append(f"ran {sweep.ranks:,} ranks on {sweep.nodes:,} nodes; the design's "
                        f"servers hold {domain} accelerators each, so the test does not "
                        "match one of its tiers")
    if problems:
        raise InteropError([Problem("", problems[0])], sweep.file)
    if sweep.ranks < 2:
        raise InteropError([Problem("", "ran on one rank: it measures no link")], sweep.file)
    return next(level for level in range(len(fabric.tiers)) if fabric.span(level) >=
                sweep.ranks)


def _model_us(design: Design, catalog: Catalog, sweeps: list[Sweep]) -> np.ndarray:
    """The engine's time of every point of ``sweeps``, in microseconds, end to end."""
    fabric = _fabric(design, catalog)
    out = []
    for sweep in sweeps:
        sizes = np.array([p.bytes for p in sweep.points], dtype=float)
        try:
            out.append(collective(fabric, sweep.op, sizes, sweep.ranks).time_s * 1e6)
        except InputError as exc:
            raise InteropError(exc.problems, sweep.file) from None
    return np.concatenate(out)


def _fit_tier(design: Design, catalog: Catalog, link_id: str, tier: int,
              sweeps: list[Sweep]) -> TierFit:
    spec = catalog.link(link_id)
    measured = np.concatenate([[p.time_us for p in s.points] for s in sweeps])
    before = _model_us(design, catalog, sweeps)
    previous = spec.calibrated_latency_s * 1e6
    best = (_loss(before, measured), spec.efficiency, previous, before - previous)
    for efficiency in EFFICIENCY_GRID:
        trial = catalog.merged([dataclasses.replace(spec, efficiency=float(efficiency),
                                                    calibrated_latency_s=0.0)])
        model = _model_us(design, trial, sweeps)
        for alpha in {0.0, *(float(a) for a in measured - model if a > 0)}:
            loss = _loss(model + alpha, measured)
            if loss < best[0] - 1e-12:
                best = (loss, float(efficiency), alpha, model)
    _, efficiency, alpha, model = best
    alpha = round(alpha, 3)             # as the layout file keeps it
    after = model + alpha
    rows, start = [], 0
    for sweep in sweeps:
        n = len(sweep.points)
        rows.append((sweep, tuple(
            SizeError(p.bytes, p.time_us, float(b), float(a))
            for p, b, a in zip(sweep.points, before[start:start + n], after[start:start + n],
                               strict=True))))
        start += n
    name = _fabric(design, catalog).tiers[tier].name
    return TierFit(tier, name, LinkCalibration(spec.id, efficiency, alpha),
                   spec.efficiency, tuple(rows))


def _loss(model: np.ndarray, measured: np.ndarray) -> float:
    return float(np.sum(np.abs(np.log(np.maximum(model, 1e-9) / measured))))
