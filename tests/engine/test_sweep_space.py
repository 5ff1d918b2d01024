"""Design spaces: axes read and applied, points numbered, chunks evaluated into rows,
estimates before the cost reused across prices, the Pareto summary."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from engine.catalog import load_catalog
from engine.design_space.axes import FLOAT, INT, TEXT, Axis, AxisError, applied, read_axis
from engine.design_space.chunks import (
    PARALLELISM,
    POINT,
    PROBLEMS,
    axis_names,
    before_cost,
    columns,
    evaluate_chunk,
)
from engine.design_space.front import pareto_front, summarise
from engine.design_space.plan import Chunk, PlanError, SweepPlan, chunks
from engine.estimates import REGISTRY
from engine.evaluate import evaluate
from engine.layout import load_design
from engine.settings import leaves
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def h800(catalog):
    return load_design(str(ROOT / "examples" / "h800-1024.yaml"), catalog)


@pytest.fixture(scope="module")
def small(h800, catalog):
    """The design cut to one unit of 256 rented H100 training Llama 3 8B: quick to
    evaluate, and the catalog has an H100 rent."""
    axes = [read_axis(key, value, h800, catalog) for key, value in
            (("accelerator", "h100-sxm"), ("model", "llama3-8b"), ("gpus", "256"),
             ("cost.basis", "rent"))]
    return applied(h800, axes, [a.values[0] for a in axes])


@pytest.mark.parametrize(("text", "values"), [
    ("0.2..1.0/5", (0.2, 0.4, 0.6, 0.8, 1.0)),
    ("0.25,0.5", (0.25, 0.5)),
    ("0.1..0.3+0.1", (0.1, 0.2, 0.3)),
])
def test_number_axes_read_lists_and_ranges(h800, catalog, text, values):
    axis = read_axis("cost.discount", text, h800, catalog)
    assert axis.kind == FLOAT
    assert axis.values == pytest.approx(values)
    assert axis.prices_only


def test_geometric_gpu_axis_and_catalog_parts_by_any_name(h800, catalog):
    gpus = read_axis("gpus", "1024..16384x2", h800, catalog)
    assert (gpus.kind, gpus.values) == (INT, (1024, 2048, 4096, 8192, 16384))
    parts = read_axis("accelerator", "A800-80GB,H20", h800, catalog)
    assert (parts.kind, parts.values) == (TEXT, ("a800-80gb", "h20"))
    assert read_axis("model", ["Llama2-70B"], h800, catalog).values == ("llama2-70b",)
    assert read_axis("cost.basis", "rent,buy", h800, catalog).values == ("rent", "buy")
    assert not gpus.prices_only


@pytest.mark.parametrize(("key", "values", "message"), [
    ("cost.discount", "0.2..1.2/3", "cost.discount: must be a number >= 0.01 and <= 1, got 1.2"),
    ("cost.discounts", "0.2", "cost.discounts: no such setting to vary"),
    ("gpus", "1.5", "gpus: must be a whole number, got '1.5'"),
    ("accelerator", "x999", "accelerator: unknown accelerator 'x999'"),
    ("cost.basis", "lease", "cost.basis: must be one of rent, buy, got 'lease'"),
    ("model", "0.1..1/3", "model: a range needs a number setting"),
    ("gpus", "16..2x2", "gpus: a range runs upwards"),
])
def test_a_bad_axis_says_what_and_which(h800, catalog, key, values, message):
    with pytest.raises(AxisError, match=None) as caught:
        read_axis(key, values, h800, catalog)
    assert str(caught.value).startswith(message)


def test_parts_swap_every_box_and_drop_their_overrides(h800, catalog):
    tuned = dataclasses.replace(h800, nodes=tuple(
        dataclasses.replace(n, overrides=(("memory_gb", 64.0),)) if n.kind == "server" else n
        for n in h800.nodes))
    axes = (read_axis("accelerator_price", "100000", tuned, catalog),
            read_axis("accelerator", "h20", tuned, catalog))
    design = applied(tuned, axes, (100000.0, "h20"))
    boxes = [n for n in design.nodes if n.kind != "switch"]
    assert {(n.hardware, n.overrides) for n in boxes} == {("h20", ())}
    assert design.cost.accelerator_price_usd == pytest.approx(100000 / 7.1)   # CNY design


def test_points_are_numbered_with_price_axes_fastest_and_samples_are_seeded(h800, catalog):
    discount = read_axis("cost.discount", "0.5,1.0", h800, catalog)
    model = read_axis("model", "llama2-70b,llama3-8b,gpt3-13b", h800, catalog)
    plan = SweepPlan(h800, (discount, model))
    assert [plan.values(i) for i in range(3)] == [(0.5, "llama2-70b"), (1.0, "llama2-70b"),
                                                  (0.5, "llama3-8b")]
    assert [len(c) for c in chunks(plan, 4)] == [4, 2]
    sampled = dataclasses.replace(plan, sample=4, seed=3)
    places = [p for c in chunks(sampled, 3) for p in c.grid]
    assert places == sorted(set(places))
    assert len(places) == 4
    assert places == [p for c in chunks(sampled, 1) for p in c.grid]
    with pytest.raises(PlanError, match="sample of 7 points"):
        dataclasses.replace(plan, sample=7)
    with pytest.raises(PlanError, match="no headline figure speed"):
        dataclasses.replace(plan, figures=("speed",))


def test_reusing_estimates_across_any_cost_setting_changes_nothing(small, catalog):
    """Every cost setting read by a section that runs before the cost would make the
    sweep's reuse wrong: changing each gives the same evaluation either way."""
    base = evaluate(small, catalog)
    shared = before_cost(base)
    cost = next(s for s in REGISTRY.settings_sections() if s.key == "cost")
    for leaf in leaves(cost.cls):
        s = leaf.field
        if s.info.choices:
            value = next(c for c in s.info.choices if c != leaf.value(small.cost))
        elif s.kind is float:
            value = (s.info.minimum or 0.0) + 0.37 * ((s.info.maximum or 2.0) -
                                                      (s.info.minimum or 0.0))
        else:
            continue
        changed = dataclasses.replace(small, cost=dataclasses.replace(
            small.cost, **{leaf.path[0]: value}))
        assert evaluate(changed, catalog, shared).to_json() == \
            evaluate(changed, catalog).to_json(), leaf.path


def test_a_chunk_gives_the_rows_of_its_points_whatever_the_chunking(small, catalog):
    plan = SweepPlan(small, (read_axis("cost.discount", "0.5,1.0", small, catalog),
                             read_axis("cost.basis", "rent", small, catalog),
                             read_axis("gpus", "256,512", small, catalog)))
    whole = evaluate_chunk(plan, catalog, Chunk(0, range(plan.size)))
    ones = [evaluate_chunk(plan, catalog, c) for c in chunks(plan, 1)]
    assert whole == {k: [v for rows in ones for v in rows[k]] for k in whole}
    assert list(whole) == [c.name for c in columns(plan)]
    assert whole[POINT] == [0, 1, 2, 3]
    assert whole["gpus"] == [256, 256, 512, 512]
    assert whole["cost_per_run"][0] == pytest.approx(0.5 * whole["cost_per_run"][1])
    assert whole[PARALLELISM + "dp"][0] >= 1
    assert whole[PROBLEMS] == [""] * 4
    assert axis_names(list(whole)) == ["cost.discount", "cost.basis", "gpus"]


def test_invalid_points_are_rows_with_their_reason(h800, catalog):
    no_split = read_axis("workload.parallelism.tp", "3", h800, catalog)   # 64 heads
    unchecked = Axis("cost.discount", (0.5, 2.0), FLOAT)    # made in Python, never read
    plan = SweepPlan(h800, (no_split, unchecked))
    rows = evaluate_chunk(plan, catalog, Chunk(0, range(plan.size)))
    assert rows["time_to_train_days"][0] is None
    assert rows[PROBLEMS][0].startswith("training: ")
    assert rows[PROBLEMS][1] == "cost.discount: must be a number >= 0.01 and <= 1, got 2"
    assert "tp must divide the 64 attention heads" in rows[PROBLEMS][0]
    assert rows["accelerators"][1] is None
    assert rows[POINT] == [0, 1]


def test_the_front_keeps_what_nothing_beats_and_the_best_per_value():
    time = np.array([1.0, 2.0, 2.0, 3.0, np.nan, 0.5, 4.0])
    cost = np.array([9.0, 5.0, 6.0, 5.0, 1.0, 12.0, 1.0])
    assert pareto_front(time, cost).tolist() == [5, 0, 1, 6]
    table = {"time_to_train_days": time, "cost_per_run": cost,
             "accelerator": np.array(["a", "b", "a", "b", "a", "a", "c"], dtype=object)}
    summary = summarise(table, ["accelerator"])
    assert (summary.points, summary.complete, summary.front) == (7, 6, (5, 0, 1, 6))
    best = {b.value: b for b in summary.best["accelerator"]}
    assert (best["a"].points, best["a"].cheapest, best["a"].fastest) == (4, 2, 5)
    assert (best["b"].cheapest, best["b"].fastest) == (1, 1)
    assert best["c"].cheapest == 6
