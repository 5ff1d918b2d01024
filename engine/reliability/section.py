"""The reliability section of an evaluation: failures, checkpoints, goodput, the real schedule.

The checkpoint holds every parameter of the workload's model (all experts of
an MoE) at ``checkpoint_bytes_per_parameter``, written at
``storage_GBps_per_accelerator`` x the accelerators. Time to train with
failures is the training estimate divided by the goodput; the cost of a run
with failures charges the cost section's accelerator-hour for the job's
accelerators over that longer time. A design that only serves has no job
to checkpoint and skips the section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from engine.catalog import Catalog
from engine.cost import COST, CostReport, TrainingFigures
from engine.cost.section import NO_TRAINING_ESTIMATE
from engine.design import Design, ReliabilitySettings
from engine.errors import NO_TRAINING_WORKLOAD, EngineError, NotRequested
from engine.inventory import INVENTORY, Inventory
from engine.phrases import Template, joined
from engine.reliability.assumptions import assumed_settings
from engine.reliability.checkpoints import checkpoint_write_s, goodput, young_interval_s
from engine.reliability.failures import (
    FailureSource,
    failure_sources,
    job_mtbf_hours,
    poisson_quantile,
    servers_under_repair,
)
from engine.results import JsonResult
from engine.sections import HIGHER, LOWER, FigureSpec, Section, SectionSettings
from engine.training.section import TRAINING
from engine.trust import Band, Trust, for_keys, reliability_bands

if TYPE_CHECKING:
    from engine.sections import Evaluation

# Why a figure of the run is missing, as a display may translate it.
NO_COST_ESTIMATE = Template("no cost estimate for this design")
NEVER_FINISHES = Template("the run never finishes: interrupted every {minutes:.3g} minutes, "
                          "too often to checkpoint and restart")


@dataclass(frozen=True)
class ReliabilityReport(JsonResult):
    job_mtbf_hours: float
    interruptions_per_day: float
    failure_sources: tuple[FailureSource, ...]
    checkpoint_gb: float
    checkpoint_write_s: float
    checkpoint_interval_min: float
    restart_min: float
    goodput: float
    time_to_train_days: float | None
    time_to_train_days_with_failures: float | None
    interruptions_per_run: float | None
    cost_per_run_with_failures: float | None
    servers_under_repair: float
    hot_spare_servers: int
    unavailable: dict[str, str] = field(default_factory=dict)
    # figure key -> the assumed defaults it rests on (the section's trust writes it)
    assumed: dict[str, str] = field(default_factory=dict, metadata={"json": False})


def reliability_section(design: Design, catalog: Catalog, inventory: Inventory,
                        training: TrainingFigures | None,
                        cost: CostReport | None) -> ReliabilityReport:
    if not design.trains:
        raise NotRequested(NO_TRAINING_WORKLOAD())
    if not inventory.accelerators:
        raise EngineError("the design has no accelerators: no job to interrupt")
    settings = design.reliability
    model = catalog.model(design.workload.model)
    if model.params_b is None:
        raise EngineError(f"model {model.id} has no parameter count in the catalog "
                          "(params_b): the checkpoint size is unknown")
    sources = failure_sources(inventory, settings)
    mtbf_h = job_mtbf_hours(sources)
    state_bytes = model.params_b * 1e9 * settings.checkpoint_bytes_per_parameter
    write_s = checkpoint_write_s(model.params_b * 1e9, settings.checkpoint_bytes_per_parameter,
                                 settings.storage_GBps_per_accelerator * 1e9
                                 * inventory.accelerators)
    interval_s = settings.checkpoint_interval_min * 60 \
        if settings.checkpoint_interval_min is not None \
        else young_interval_s(write_s, mtbf_h * 3600)
    share = goodput(interval_s, write_s, mtbf_h * 3600, settings.restart_min * 60)
    repair = servers_under_repair(design)
    unavailable: dict[str, str] = {}
    days = days_failing = per_run = run_cost = None
    if training is None:
        unavailable["run"] = NO_TRAINING_ESTIMATE()
    elif share <= 0:   # Daly's goodput underflows when failures far outpace checkpoints
        unavailable["run"] = NEVER_FINISHES(minutes=mtbf_h * 60)
    else:
        days = training.time_to_train_days
        days_failing = days / share
        per_run = days_failing * 24 / mtbf_h
        if cost is None:
            unavailable["cost"] = NO_COST_ESTIMATE()
        else:
            run_cost = cost.cost_per_gpu_hour * training.gpus * days_failing * 24
    return ReliabilityReport(
        mtbf_h, sum(s.per_day for s in sources), sources, state_bytes / 1e9, write_s,
        interval_s / 60, settings.restart_min, share, days, days_failing, per_run, run_cost,
        repair, poisson_quantile(repair, settings.spare_confidence), unavailable,
        assumed_settings(settings))


def reliability_trust(report: ReliabilityReport, catalog: Catalog, done: Evaluation) -> Trust:
    """The MTBF's counting error and the goodput at its ends; the schedule and its cost
    follow training's and cost's bands, cover what they cover and rest on what they rest
    on."""
    bands = reliability_bands(report.job_mtbf_hours)
    bands["goodput"] = _goodput_band(report, bands["job_mtbf_hours"])
    training, cost = done.trust_of(TRAINING), done.trust_of(COST)
    priced = done.result(COST)
    followed = {"time_to_train_days_with_failures": (training.bands.get("time_to_train_days"),
                                                     report.time_to_train_days),
                "cost_per_run_with_failures": (cost.bands.get("cost_per_run"),
                                               priced.cost_per_run if priced else None)}
    for key, (band, base) in followed.items():
        value = getattr(report, key)
        if band is not None and base and value is not None:
            bands[key] = band.scaled(value / base)
    assumed = dict(report.assumed)
    if "cost_per_run" in cost.assumed and report.cost_per_run_with_failures is not None:
        assumed["cost_per_run_with_failures"] = joined(
            (assumed.get("cost_per_run_with_failures", ""), cost.assumed["cost_per_run"]))
    return Trust(bands, for_keys(tuple(followed), training.covers.get("time_to_train_days", "")),
                 assumed)


def _goodput_band(report: ReliabilityReport, mtbf: Band) -> Band:
    """The goodput at the MTBF band's ends, the checkpoint interval kept."""
    low, high = (goodput(report.checkpoint_interval_min * 60, report.checkpoint_write_s,
                         hours * 3600, report.restart_min * 60) for hours in (mtbf.low, mtbf.high))
    return Band(low, high, mtbf.label, mtbf.reason)


RELIABILITY = Section(
    "reliability", "Reliability", ReliabilityReport,
    lambda design, catalog, done: reliability_section(
        design, catalog, done.require(INVENTORY), done.result(TRAINING), done.result(COST)),
    needs=(INVENTORY, TRAINING, COST),
    settings=SectionSettings("reliability", "Reliability", ReliabilitySettings),
    trust=reliability_trust,
    figures=(
        FigureSpec("time_to_train_days_with_failures", "Time with failures", "days", LOWER,
                   lambda s: s.time_to_train_days_with_failures, order=60,
                   needs_training=True),
        FigureSpec("goodput", "Goodput", "%", HIGHER, lambda s: s.goodput, order=80,
                   style="fraction", tile=True),
        FigureSpec("cost_per_run_with_failures", "Cost with failures", "money", LOWER,
                   lambda s: s.cost_per_run_with_failures, order=100, needs_training=True,
                   unavailable="cost", style="money"),
    ))
