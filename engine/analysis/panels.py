"""Everything the live panels draw beyond an evaluation, in two bundles by cost.

:func:`curves` is cheap (a few milliseconds): bandwidth against message
size, link loads, buy against rent, a run's bill, goodput against the
checkpoint interval, cost over time under the plan, the seller's margin.
:func:`explore` re-estimates variants of the design (the scaling curve,
the parallelism search, the serving search's throughput-latency curve) and
can take a second on a large, fully searched
design, so the workbench runs it separately. Each
part that cannot be drawn for this design records its reason instead, as
the sections of :func:`engine.evaluate.evaluate` do; a part whose section
is missing gives that section's reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.analysis.alternatives import alternatives
from engine.analysis.bandwidth import BandwidthCurves, bandwidth_curves
from engine.analysis.checkpoint_curve import CheckpointCurve, checkpoint_curve
from engine.analysis.cost_curves import BuyRentCurve, RunCost, buy_rent_curve, run_cost
from engine.analysis.economics_curves import CostOverTime, SellerCurve, cost_over_time, seller_curve
from engine.analysis.link_loads import LinkLoads, link_loads
from engine.analysis.scaling import ScalingCurve, scaling_curve
from engine.analysis.serving_curve import ThroughputLatencyCurve, throughput_latency_curve
from engine.catalog import Catalog
from engine.cost import COST
from engine.design import Design
from engine.errors import EngineError
from engine.evaluate import Evaluation
from engine.layout import catalog_for
from engine.network import NETWORK
from engine.plan import PLAN
from engine.reliability import RELIABILITY
from engine.seller import SELLER
from engine.training import SearchResult


@dataclass(frozen=True)
class Curves:
    bandwidth: BandwidthCurves | None = None
    link_loads: LinkLoads | None = None
    buy_rent: BuyRentCurve | None = None
    run_cost: RunCost | None = None
    checkpoints: CheckpointCurve | None = None
    cost_over_time: CostOverTime | None = None
    seller: SellerCurve | None = None
    errors: dict[str, str] = field(default_factory=dict)


EXPLORED = ("scaling", "search", "serving")


@dataclass(frozen=True)
class Exploration:
    scaling: ScalingCurve | None = None
    search: SearchResult | None = None
    serving: ThroughputLatencyCurve | None = None
    errors: dict[str, str] = field(default_factory=dict)


def curves(evaluation: Evaluation) -> Curves:
    """The cheap curves of an evaluated design (all drawn from its sections)."""
    e = evaluation
    return Curves(**_parts({
        "bandwidth": lambda: bandwidth_curves(e.require(NETWORK)),
        "link_loads": lambda: link_loads(e.require(NETWORK)),
        "buy_rent": lambda: buy_rent_curve(e.require(COST)),
        "run_cost": lambda: run_cost(e.require(COST), e.result(RELIABILITY)),
        "checkpoints": lambda: checkpoint_curve(e.require(RELIABILITY)),
        "cost_over_time": lambda: cost_over_time(e.require(PLAN)),
        "seller": lambda: seller_curve(e.require(SELLER)),
    }))


def explore(design: Design, catalog: Catalog, evaluation: Evaluation,
            every_setting: bool = False, parts: tuple[str, ...] = EXPLORED) -> Exploration:
    """The scaling curve, the parallelism search and the throughput-latency curve of an
    evaluated design (those of them ``parts`` names: an overlaid design draws no search)."""
    catalog = catalog_for(design, catalog)
    network = evaluation.result(NETWORK)
    makers = {
        "scaling": lambda: scaling_curve(design, catalog,
                                         network.topology() if network else None),
        "search": lambda: alternatives(design, catalog, evaluation.require(NETWORK),
                                       every_setting),
        "serving": lambda: throughput_latency_curve(design, catalog, evaluation),
    }
    return Exploration(**_parts({name: makers[name] for name in parts}))


def _parts(makers: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """Each part made, or its reason under ``errors``."""
    out: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, make in makers.items():
        try:
            out[name] = make()
        except EngineError as exc:
            errors[name] = str(exc)
    return {**out, "errors": errors}
