"""Bands meant to hold the true value of a figure about 80% of the time.

A figure's band comes from the residuals (:mod:`engine.trust.residuals`)
of the published measurements in its regime. With ``n`` log-errors of mean
``m`` and standard deviation ``s``, the true value of a new case lies, 80%
of the time, within ``m +/- t(0.90, n-1) * s * sqrt(1 + 1/n)`` of the
prediction's log (a Student-t prediction interval: the few measurements a
regime has make it wider than ``1.28 s``). The band is that interval around
the figure, stretched to include the figure itself.

The regime is the narrowest that has ``MIN_RUNS`` measurements: the
accelerator's vendor and generation with the same precision, else the same
vendor and generation. Where no published measurement of that vendor and
generation exists the figure is **extrapolated**: the band assumes no bias
and adds the scatter between the measured groups' mean errors (vendor,
generation and precision: how far one recipe's bias can be from another's)
to the scatter within them. Scale and model size are not split further:
the 17 training runs are too few to fit them, which the reason says.

Serving figures rest on the residuals of output tokens per second against
the published serving benchmarks (MLPerf, TensorRT-LLM, LMDeploy), by the
same regime rules: TPOT, TTFT and the cost per million output tokens take
the throughput's band as durations (the benchmarks state too few latencies
to fit their own), the users served as a rate.
"""

from __future__ import annotations

import dataclasses
import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from engine.catalog import AcceleratorSpec
from engine.phrases import Template
from engine.trust.residuals import SMALL_MESSAGE_BYTES, Residual, load_residuals, regime_of

MIN_RUNS = 3
# Student t, one-sided 0.90 quantile by degrees of freedom (two-sided 80%); 1.282 beyond.
T90 = {1: 3.078, 2: 1.886, 3: 1.638, 4: 1.533, 5: 1.476, 6: 1.440, 7: 1.415, 8: 1.397,
       9: 1.383, 10: 1.372, 12: 1.356, 15: 1.341, 20: 1.325, 30: 1.310}
TRAINING_RATES = ("tokens_per_s", "model_tflops_per_gpu", "hardware_tflops_per_gpu", "mfu",
                  "hfu")
TRAINING_TIMES = ("iteration_time_s", "time_to_train_days")
SERVING_RATES = ("output_tokens_per_s", "users_served")
SERVING_TIMES = ("ttft_ms", "tpot_ms")
SERVING_COST = "cost_per_million_output_tokens"
# Llama 3 405B: 419 unexpected interruptions in 54 days (arXiv:2407.21783 Table 5), the
# count the default failure rates rest on (docs/engine.md, Reliability).
FAILURES_COUNTED = 419

# What a band says of itself, as a display may translate it.
EXTRAPOLATED = Template("extrapolated")
CALIBRATED_ONE = Template("calibrated on 1 published measurement")
CALIBRATED = Template("calibrated on {runs} published measurements")
CALIBRATED_RUN = Template("calibrated on 1 published run")
MEASURED = Template("residuals of {runs} published measurements of {scope} (ids: {ids}); "
                    "scale and model size not split further")
SCOPE = Template("{regime}, {what}")
UNMEASURED = Template("no published {noun} of {regime}{near}: every {runs} residuals of "
                      "{measured}, no bias assumed, widened by the scatter between their "
                      "groups' mean errors")
FEW_MEASURED = Template(" (only {runs} of {regime})")
MEASUREMENT = Template("measurement")
TRAINING_RUN = Template("training run")
WITH_PRICE = Template("{reason}; price: {price}")
WITH_LATENCY = Template("{reason}; latency across servers: {basis}")
PRICE_SET = Template("set by the user")
SMALL_MESSAGES = Template("small messages")
LARGE_MESSAGES = Template("large messages")
ACROSS_SERVERS = Template("across servers")
WEIGHTS = Template("{precision} weights")
POISSON = Template("Poisson error of the {failures} interruptions of {run}'s run ({source}) the "
                   "default rates rest on; a less mature fleet fails several times more "
                   "often ({other})")


@dataclass(frozen=True)
class Band:
    """Where the true value of a figure lies about 80% of the time, and why."""

    low: float
    high: float
    label: str      # "calibrated on N published runs" or "extrapolated"
    reason: str

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def scaled(self, factor: float) -> Band:
        """The band of a figure ``factor`` times this one (a time divided by the goodput)."""
        return Band(self.low * factor, self.high * factor, self.label, self.reason)


@dataclass(frozen=True)
class Spread:
    """A log-error interval and what it rests on."""

    low: float
    high: float
    runs: int
    extrapolated: bool
    reason: str

    @property
    def label(self) -> str:
        if self.extrapolated:
            return EXTRAPOLATED()
        return CALIBRATED_ONE() if self.runs == 1 else CALIBRATED(runs=self.runs)

    def rate(self, value: float) -> Band:
        """The band of a figure that grows with the engine's throughput."""
        return Band(value * math.exp(min(self.low, 0.0)), value * math.exp(max(self.high, 0.0)),
                    self.label, self.reason)

    def time(self, value: float) -> Band:
        """The band of a figure that shrinks as throughput grows (a duration)."""
        return Band(value * math.exp(-max(self.high, 0.0)), value * math.exp(-min(self.low, 0.0)),
                    self.label, self.reason)


@dataclass(frozen=True)
class Coverage:
    """How often leave-one-out bands held the measurement they did not see."""

    measurements: int
    inside: int
    median_half_width: float      # relative: (high - low) / 2 / value

    @property
    def fraction(self) -> float:
        return self.inside / self.measurements


def _t90(degrees: int) -> float:
    known = [d for d in T90 if d <= degrees]
    return T90[max(known)] if degrees <= 30 else 1.282


def _interval(errors: Sequence[float]) -> tuple[float, float]:
    """The 80% prediction interval of one more log-error like ``errors``."""
    n = len(errors)
    sd = statistics.stdev(errors) if n > 1 else abs(errors[0])
    half = _t90(max(1, n - 1)) * sd * math.sqrt(1 + 1 / n)
    mean = statistics.fmean(errors)
    return mean - half, mean + half


def _unmeasured_interval(pool: Sequence[Residual]) -> tuple[float, float]:
    """The 80% interval for a regime with no measurement: no known bias, and a spread that
    adds the scatter between the measured groups' mean errors (vendor, generation and
    precision or message scope: a one-way random-effects model) to that within them."""
    groups: dict[tuple[str, str, str], list[float]] = {}
    for r in pool:
        groups.setdefault((r.regime, r.precision, r.scope), []).append(r.log_error)
    means = {key: statistics.fmean(errors) for key, errors in groups.items()}
    between = statistics.stdev(means.values()) if len(means) > 1 else 0.0
    dof = len(pool) - len(groups)
    within = math.sqrt(sum((e - means[key]) ** 2 for key, errors in groups.items()
                           for e in errors) / dof) if dof > 0 else 0.0
    half = _t90(max(1, len(pool) - 1)) * math.hypot(within, between) * \
        math.sqrt(1 + 1 / len(pool))
    return -half, half


def spread(pool: Sequence[Residual], regime: str, match: Callable[[Residual], bool],
           what: str, noun: str = MEASUREMENT()) -> Spread:
    """The log-error interval for a case of ``regime`` among ``pool``: the narrowest
    regime with ``MIN_RUNS`` measurements that also ``match``, else extrapolated (the
    reason says no published ``noun`` of the regime exists)."""
    same = [r for r in pool if r.regime == regime]
    for subset, scope in (([r for r in same if match(r)], SCOPE(regime=regime, what=what)),
                          (same, regime)):
        if len(subset) >= MIN_RUNS:
            low, high = _interval([r.log_error for r in subset])
            ids = ", ".join(r.id for r in subset[:3]) + (", ..." if len(subset) > 3 else "")
            return Spread(low, high, len(subset), False,
                          MEASURED(runs=len(subset), scope=scope, ids=ids))
    low, high = _unmeasured_interval(pool)
    measured = ", ".join(sorted({r.regime for r in pool}))
    near = FEW_MEASURED(runs=len(same), regime=regime) if same else ""
    return Spread(low, high, len(pool), True,
                  UNMEASURED(noun=noun, regime=regime, near=near, runs=len(pool),
                             measured=measured))


def _training_spread(accelerator: AcceleratorSpec, precision: str,
                     pool: Sequence[Residual]) -> Spread:
    return spread(pool, regime_of(accelerator), lambda r: r.precision == precision, precision,
                  TRAINING_RUN())


def training_bands(figures: dict[str, float], accelerator: AcceleratorSpec, precision: str,
                   pool: Sequence[Residual] | None = None) -> dict[str, Band]:
    """Bands of a training estimate's headline figures (those present in ``figures``)."""
    pool = [r for r in (pool or load_residuals()) if r.kind == "training"]
    s = _training_spread(accelerator, precision, pool)
    out = {key: s.rate(figures[key]) for key in TRAINING_RATES if key in figures}
    out.update({key: s.time(figures[key]) for key in TRAINING_TIMES if key in figures})
    return out


def collective_scope(nbytes: float, crosses_network: bool) -> str:
    """Which published collectives a case is like: network, or small or large messages."""
    if crosses_network:
        return "network"
    return "small" if nbytes <= SMALL_MESSAGE_BYTES else "large"


def collective_bands(busbw_GBps: float, time_s: float, nbytes: float, crosses_network: bool,
                     accelerator: AcceleratorSpec, network_latency: str = "",
                     pool: Sequence[Residual] | None = None) -> dict[str, Band]:
    """Bands of one collective's bus bandwidth and time; a collective across servers also
    says what its network steps' latency rests on (``network_latency``: InfiniBand's NCCL
    constants, or the EFA or RoCE figures of its NIC link)."""
    pool = [r for r in (pool or load_residuals()) if r.kind == "collective"]
    scope = collective_scope(nbytes, crosses_network)
    what = {"small": SMALL_MESSAGES, "large": LARGE_MESSAGES}.get(scope, ACROSS_SERVERS)()
    s = spread(pool, regime_of(accelerator), lambda r: r.scope == scope, what)
    if crosses_network and network_latency:
        s = dataclasses.replace(s, reason=WITH_LATENCY(reason=s.reason, basis=network_latency))
    return {"busbw_GBps": s.rate(busbw_GBps), "time_s": s.time(time_s)}


def cost_bands(figures: dict[str, float], days: float, days_band: Band, price_spread: float,
               price_reason: str) -> dict[str, Band]:
    """Bands of a run's cost (proportional to its days): the band of ``days`` widened by
    the price's relative spread (0 for a price the user set)."""
    low, high = days_band.low / days, days_band.high / days
    return {key: Band(figures[key] * low / (1 + price_spread),
                      figures[key] * high * (1 + price_spread), days_band.label,
                      WITH_PRICE(reason=days_band.reason, price=price_reason))
            for key in ("cost_per_run", "cost_per_run_with_failures", "cost_per_million_tokens")
            if key in figures}


def serving_bands(figures: dict[str, float], accelerator: AcceleratorSpec, precision: str,
                  price_spread: float = 0.0, price_reason: str = PRICE_SET(),
                  pool: Sequence[Residual] | None = None) -> dict[str, Band]:
    """Bands of a serving estimate's headline figures (those present in ``figures``); the
    cost per million output tokens is also widened by the price's relative spread."""
    pool = [r for r in (pool or load_residuals()) if r.kind == "serving"]
    s = spread(pool, regime_of(accelerator), lambda r: r.precision == precision,
               WEIGHTS(precision=precision))
    out = {key: s.rate(figures[key]) for key in SERVING_RATES if key in figures}
    out.update({key: s.time(figures[key]) for key in SERVING_TIMES if key in figures})
    if SERVING_COST in figures:
        band = s.time(figures[SERVING_COST])
        out[SERVING_COST] = Band(band.low / (1 + price_spread), band.high * (1 + price_spread),
                                 band.label, WITH_PRICE(reason=band.reason, price=price_reason))
    return out


def reliability_bands(job_mtbf_hours: float) -> dict[str, Band]:
    """The job MTBF's band: Poisson counting error of the interruptions the rates rest on."""
    half = _t90(1000) / math.sqrt(FAILURES_COUNTED)
    return {"job_mtbf_hours": Band(
        job_mtbf_hours * math.exp(-half), job_mtbf_hours * math.exp(half),
        CALIBRATED_RUN(), POISSON(failures=FAILURES_COUNTED, run="Llama 3 405B",
                                  source="arXiv:2407.21783 Table 5",
                                  other="Kokolis et al., arXiv:2410.21680"))}


def leave_one_out(kind: str, pool: Sequence[Residual] | None = None) -> Coverage:
    """Each measurement of ``kind`` against the band built without it, regime rules as above."""
    pool = [r for r in (pool or load_residuals()) if r.kind == kind]
    inside, widths = 0, []
    for held in pool:
        rest = [r for r in pool if r is not held]
        s = spread(rest, held.regime, lambda r, h=held: (r.precision, r.scope) ==
                   (h.precision, h.scope), "")
        low, high = min(s.low, 0.0), max(s.high, 0.0)
        inside += low <= held.log_error <= high
        widths.append((math.exp(high) - math.exp(low)) / 2)
    return Coverage(len(pool), inside, statistics.median(widths))
