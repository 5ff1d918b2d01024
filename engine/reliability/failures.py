"""How often a design's job is interrupted, and how many hot spares keep it whole.

Parts fail independently at constant rates, so the job's interruptions form
a Poisson process whose rate is the sum of every part's (a synchronous job
stops when any part it uses stops): job MTBF = 1 / sum(units x rate). The
default rates come from the Llama 3 405B run (arXiv:2407.21783, Sec. 3.3.4,
Table 5), split by root cause into accelerators, servers, switches and
software; see docs/engine.md for the arithmetic.

Hot spares: a failed server is out for ``repair_hours``; the servers under
repair at any moment are then Poisson with mean (hardware failures per hour)
x ``repair_hours`` (Little's law), and the spares needed are that
distribution's ``spare_confidence`` quantile.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from engine.design import Design, ReliabilitySettings
from engine.inventory import Inventory
from engine.structure import units


@dataclass(frozen=True)
class FailureSource:
    """One kind of part: how many the job uses and the interruptions they cause."""

    part: str
    units: int
    per_million_hours: float        # failures per million unit-hours
    per_day: float                  # interruptions of the job per day


def failure_sources(inventory: Inventory,
                    settings: ReliabilitySettings) -> tuple[FailureSource, ...]:
    counts = (("accelerators", inventory.accelerators, settings.accelerator_failures),
              ("servers", inventory.servers, settings.server_failures),
              ("switches", inventory.switches, settings.switch_failures),
              ("software", inventory.accelerators, settings.software_failures))
    return tuple(FailureSource(part, n, rate, n * rate / 1e6 * 24)
                 for part, n, rate in counts)


def job_mtbf_hours(sources: tuple[FailureSource, ...]) -> float:
    """Mean hours between interruptions of a job that uses every part (inf: none fail)."""
    per_hour = sum(s.per_day for s in sources) / 24
    return 1.0 / per_hour if per_hour > 0 else math.inf


def servers_under_repair(design: Design) -> float:
    """Expected accelerator-bearing units (servers) out for repair at any moment."""
    settings = design.reliability
    per_hour = 0.0
    for node in design.nodes:
        if node.kind == "switch":
            continue
        rate = node.accelerators * settings.accelerator_failures
        if node.kind == "server":
            rate += settings.server_failures
        per_hour += units(design, node) * rate / 1e6
    return per_hour * settings.repair_hours


_SUMMED_MEAN = 1000.0


def poisson_quantile(mean: float, probability: float) -> int:
    """Smallest k with P(X <= k) >= ``probability`` for X ~ Poisson(``mean``).

    Summed term by term up to a mean of :data:`_SUMMED_MEAN`; above it (a loop as long as
    the mean), the Cornish-Fisher expansion mean + z sqrt(mean) + (z^2 - 1) / 6, within
    one of the sum there and closer beyond.
    """
    if mean <= 0:
        return 0
    if mean > _SUMMED_MEAN:
        z = NormalDist().inv_cdf(probability)
        return math.ceil(mean + z * math.sqrt(mean) + (z * z - 1) / 6 - 0.5)
    k, cumulative = 0, 0.0
    log_mean = math.log(mean)
    while True:
        cumulative += math.exp(k * log_mean - mean - math.lgamma(k + 1))
        if cumulative >= probability or k > mean + 50 * math.sqrt(mean) + 50:
            return k
        k += 1
