"""Engine invariants over random connected designs: every figure sane, monotone where it must be."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.catalog import load_catalog
from engine.cost import COST
from engine.design import Design, Group, Link, Node, Workload
from engine.evaluate import evaluate
from engine.inventory import INVENTORY
from engine.network import NETWORK
from engine.training import TRAINING
from engine.training.search import TIE

CATALOG = load_catalog(user=False)
# A training search per example: a fifth of the profile's examples keeps `make test` quick.
TRAINING_EXAMPLES = max(10, settings.default.max_examples // 5)
PAIRS = [("h100-sxm", "qm9700", "ib-ndr"), ("a100-80gb", "qm8700", "ib-hdr"),
         ("h800", "qm9700", "ib-ndr"), ("mi300x", "sn5600", "roce-400g"),
         ("ascend-910b", "eth-51t", "roce-200g")]


@st.composite
def clusters(draw: st.DrawFn) -> Design:
    """Servers in optional pods, a leaf layer, optionally a spine layer above."""
    accel, switch, link = draw(st.sampled_from(PAIRS))
    pods = draw(st.integers(1, 4))
    servers = draw(st.integers(1, 16))
    nics = draw(st.sampled_from([1, 2, 4, 8]))
    leaves = draw(st.sampled_from([1, 2, 4, 8]))
    group = "pod" if pods > 1 else None
    nodes = [Node("s", "server", accel, replicas=servers,
                  accelerators=CATALOG.accelerator(accel).server.accelerators, group=group),
             Node("leaf", "switch", switch, replicas=leaves, accelerators=0, group=group)]
    links = [Link("nic", "s", "leaf", link, nics)]
    if pods > 1:
        nodes.append(Node("spine", "switch", switch, replicas=draw(st.integers(1, 8)),
                          accelerators=0))
        links.append(Link("up", "leaf", "spine", link, draw(st.integers(1, 16))))
    groups = (Group("pod", replicas=pods),) if pods > 1 else ()
    return Design("random", nodes=tuple(nodes), links=tuple(links), groups=groups,
                  workload=Workload(model="llama3-8b"))


def _busbw(design: Design) -> float:
    network = evaluate(design, CATALOG).require(NETWORK).main()
    return network.machine["all_reduce"].busbw_GBps if network.machine else 0.0


@given(clusters())
def test_figures_are_finite_and_non_negative(design):
    result = evaluate(design, CATALOG)
    assert "inventory" not in result.errors
    inventory = result.require(INVENTORY)
    assert inventory.accelerators > 0
    assert inventory.peak_pflops > 0
    assert inventory.power_kw >= 0
    if "network" in result.errors:       # only a network that cannot join its units
        assert "joins at most" in result.error(NETWORK)
        return
    for island in result.require(NETWORK).islands:
        assert island.topology.bisection_TBps > 0
        for figure in [*island.machine.values(), *island.scale_up_domain.values()]:
            assert figure.time_s > 0
            assert figure.busbw_GBps > 0


@given(clusters(), st.integers(2, 4))
def test_more_nics_never_lower_the_all_reduce_bandwidth(design, factor):
    if "network" in evaluate(design, CATALOG).errors:
        return
    nic = design.links[0]
    wider = replace(design, links=(replace(nic, count=nic.count * factor), *design.links[1:]))
    if "network" in evaluate(wider, CATALOG).errors:
        return
    assert _busbw(wider) >= _busbw(design) * (1 - 1e-9)


@given(clusters(), st.integers(2, 4))
def test_more_servers_never_lower_peak_compute(design, factor):
    bigger = replace(design, nodes=(replace(design.nodes[0],
                                            replicas=design.nodes[0].replicas * factor),
                                    *design.nodes[1:]))
    assert evaluate(bigger, CATALOG).require(INVENTORY).peak_pflops >= \
        evaluate(design, CATALOG).require(INVENTORY).peak_pflops


def test_more_nics_that_add_a_network_level_do_not_cost_latency():
    """Found by hypothesis: 4 -> 8 NICs made the leaves a level of their own, and the
    deeper path's latency was charged only in the second design."""
    two_pods = Design("x", nodes=(
        Node("s", "server", "h800", replicas=2, accelerators=8, group="pod"),
        Node("leaf", "switch", "qm9700", replicas=8, accelerators=0, group="pod"),
        Node("spine", "switch", "qm9700", replicas=1, accelerators=0)),
        links=(Link("nic", "s", "leaf", "ib-ndr", 4), Link("up", "leaf", "spine", "ib-ndr", 1)),
        groups=(Group("pod", replicas=2),), workload=Workload(model="llama3-8b"))
    wider = replace(two_pods, links=(replace(two_pods.links[0], count=8), two_pods.links[1]))
    assert _busbw(wider) >= _busbw(two_pods)


@given(clusters(), st.sampled_from(["all_reduce", "all_gather", "reduce_scatter",
                                    "all_to_all"]),
       st.floats(1e3, 1e10))
def test_no_link_carries_more_than_its_bandwidth(design, op, nbytes):
    """Every tier's load under any collective is between 0 and 1 (the model's own bound),
    and every design link of a level that joins more accelerators gets one."""
    from engine.analysis.link_loads import link_loads
    from engine.collectives import collective
    network = evaluate(design, CATALOG).result(NETWORK)
    if network is None or network.main().topology.fabric.ranks < 2:
        return
    loads = collective(network.main().topology.fabric, op, nbytes).tier_load()
    assert (loads >= 0).all()
    assert (loads <= 1 + 1e-9).all()
    island = network.main().topology
    joined = {link for level in island.levels if level.tier is not None for link in level.links}
    assert set(link_loads(network).loads) == joined | set(island.scale_up.links)


def _bought(design: Design, price_usd: float = 20_000.0) -> Design:
    return replace(design, cost=replace(design.cost, basis="buy",
                                        accelerator_price_usd=price_usd))


@settings(max_examples=TRAINING_EXAMPLES)
@given(clusters())
def test_training_time_and_costs_are_positive_and_the_chosen_setup_fits(design):
    result = evaluate(_bought(design), CATALOG)
    if "network" in result.errors:
        return
    training, cost = result.require(TRAINING), result.require(COST)
    assert training.fits_in_memory
    assert training.time_to_train_days > 0
    assert 0 < training.mfu <= 1
    assert cost.cost_per_run > 0
    assert all(line.amount >= 0 for line in (*cost.buy.capex_parts, *cost.buy.opex_parts))


@settings(max_examples=TRAINING_EXAMPLES)
@given(clusters(), st.integers(2, 4))
def test_more_nics_never_slow_training(design, factor):
    """Beyond the search's tie: found by hypothesis, a second NIC per server made plain data
    parallelism come within 2% of context parallelism, and the simpler one is chosen."""
    nic = design.links[0]
    wider = replace(design, links=(replace(nic, count=nic.count * factor), *design.links[1:]))
    narrow, wide = evaluate(design, CATALOG), evaluate(wider, CATALOG)
    if "network" in narrow.errors or "network" in wide.errors:
        return
    assert wide.require(TRAINING).time_to_train_days <= \
        narrow.require(TRAINING).time_to_train_days * (1 + TIE)


@settings(max_examples=TRAINING_EXAMPLES)
@given(clusters(), st.floats(1.01, 4.0))
def test_a_dearer_accelerator_never_makes_a_run_cheaper(design, factor):
    cheap, dear = (evaluate(_bought(design, price), CATALOG) for price in (2e4, 2e4 * factor))
    if "network" in cheap.errors:
        return
    assert dear.require(COST).cost_per_run > cheap.require(COST).cost_per_run
    assert dear.require(COST).capex > cheap.require(COST).capex
