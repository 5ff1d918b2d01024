"""The serving section of an evaluation: the design's serving workload on its largest island.

It runs only for a design with a serving workload (``serving:`` in its
file); any other design skips it ("no serving workload") and evaluates as
it did before serving existed. The estimate is the best configuration of
:func:`~engine.serving.search.serving_search` on the network section's
largest island, with the island's accelerator as its nodes override it,
priced at the cost section's accelerator-hour under ``cost.basis``: what
``cluster-workbench serve DESIGN.yaml`` prints. With no price the cost
figures are missing and ``unavailable`` says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from engine.catalog import AcceleratorSpec, Catalog, ModelSpec
from engine.cost import COST
from engine.cost.assumptions import CATALOG_PRICE_SPREAD
from engine.design import Design
from engine.errors import NO_SERVING_WORKLOAD, NotRequested
from engine.fabric import Fabric
from engine.hardware import accelerator_of
from engine.network import NETWORK
from engine.sections import HIGHER, LOWER, FigureSpec, Section, SectionSettings
from engine.serving.capacity import users_served
from engine.serving.cost import Price, price_of
from engine.serving.result import ServingEstimate
from engine.serving.search import serving_estimate
from engine.serving.workload import ServingWorkload
from engine.trust import Trust, serving_bands
from engine.trust.bands import PRICE_SET

if TYPE_CHECKING:
    from engine.sections import Evaluation

SERVING_SETTINGS = SectionSettings("serving", "Serving", ServingWorkload, optional=True)


@dataclass(frozen=True)
class ServingJob:
    """What the section estimates: a model, one accelerator type and its fabric, the
    workload, and the price of an accelerator-hour (``None``: ``unpriced`` says why)."""

    model: ModelSpec
    accelerator: AcceleratorSpec
    fabric: Fabric
    workload: ServingWorkload
    price: Price | None
    unpriced: str = ""


@dataclass(frozen=True)
class ServingReport:
    """The best configuration's estimate (the contract's keys), the users it serves at
    the workload's speed per user, and what could not be priced."""

    estimate: ServingEstimate
    users_served: int
    user_tokens_per_s: float
    unavailable: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = {**self.estimate.to_json(), "users_served": self.users_served,
                "user_tokens_per_s": self.user_tokens_per_s}
        if self.unavailable:
            data["unavailable"] = dict(self.unavailable)
        return data


def serving_job(design: Design, catalog: Catalog, done: Evaluation) -> ServingJob:
    """The design's serving workload on its largest island; skipped without one."""
    if not SERVING_SETTINGS.present(design):
        raise NotRequested(NO_SERVING_WORKLOAD())
    workload = SERVING_SETTINGS.of(design)
    island = done.require(NETWORK).main().topology
    cost = done.result(COST)
    return ServingJob(catalog.model(workload.model),
                      accelerator_of(catalog, design.node(island.nodes[0])), island.fabric,
                      workload, price_of(cost) if cost is not None else None,
                      "" if cost is not None else f"cost: {done.error(COST)}")


def serving_section(design: Design, catalog: Catalog, done: Evaluation) -> ServingReport:
    job = serving_job(design, catalog, done)
    estimate = serving_estimate(job.model, job.accelerator, job.fabric, job.workload,
                                job.price)
    speed = job.workload.user_tokens_per_s
    return ServingReport(estimate, users_served(estimate, speed), speed,
                         {"cost": job.unpriced} if job.unpriced else {})


def serving_trust(report: ServingReport, catalog: Catalog, done: Evaluation) -> Trust:
    """Bands from the residuals of the published serving runs of the accelerator's regime;
    the cost's widened, and marked assumed, where the accelerator-hour is the catalog's."""
    e = report.estimate
    figures = {"output_tokens_per_s": e.output_tokens_per_s, "ttft_ms": e.ttft_ms,
               "tpot_ms": e.tpot_ms, "users_served": float(report.users_served)}
    cost = done.result(COST)
    priced = cost.assumed.get("cost_per_gpu_hour", "") if cost is not None else ""
    if e.cost_per_million_output_tokens is not None:
        figures["cost_per_million_output_tokens"] = e.cost_per_million_output_tokens
    bands = serving_bands(figures, catalog.accelerator(e.accelerator), e.precision,
                          CATALOG_PRICE_SPREAD if priced else 0.0, priced or PRICE_SET())
    assumed = {"cost_per_million_output_tokens": priced} if priced and \
        "cost_per_million_output_tokens" in figures else {}
    return Trust(bands, assumed=assumed)


SERVING = Section(
    "serving", "Serving", ServingReport, serving_section, needs=(NETWORK, COST),
    settings=SERVING_SETTINGS, trust=serving_trust,
    figures=(
        FigureSpec("output_tokens_per_s", "Output tokens/s", "tokens/s", HIGHER,
                   lambda s: s.estimate.output_tokens_per_s, order=130, tile=True),
        FigureSpec("ttft_ms", "TTFT", "ms", LOWER, lambda s: s.estimate.ttft_ms, order=140,
                   tile=True),
        FigureSpec("tpot_ms", "TPOT", "ms", LOWER, lambda s: s.estimate.tpot_ms, order=150,
                   tile=True),
        FigureSpec("cost_per_million_output_tokens", "Cost per million output tokens",
                   "money", LOWER, lambda s: s.estimate.cost_per_million_output_tokens,
                   order=160, unavailable="cost", style="money", tile=True),
        FigureSpec("users_served", "Users served", "users", HIGHER,
                   lambda s: s.users_served, order=170, style="count", tile=True),
    ))
