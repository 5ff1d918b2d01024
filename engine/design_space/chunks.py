"""A chunk of a sweep's points evaluated into rows: the one task every executor runs.

:func:`evaluate_chunk` is pure (the plan, the catalog and the chunk in, rows out,
nothing kept between calls) and picklable, so this process, a local process pool
and Dask workers run the same function, and a chunk evaluated twice (a Dask retry)
gives the same rows. A row is the point's number, its axis values, every recorded
headline figure, the money's currency, the parallel configuration the training
search chose, and the topology's warnings and the estimates' problems as text. A
point the design cannot take, or one no configuration fits, is a row saying why.

Neighbouring points that differ only in prices (plan order puts those axes last)
share every estimate that runs before the cost: the cost section and those that
need it are the only ones run again, which makes a price axis almost free.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count
from typing import Any

from engine.catalog import Catalog
from engine.cost import COST
from engine.design import Design
from engine.design_space.axes import BOOL, FLOAT, INT, TEXT, AxisError, Value, applied
from engine.design_space.plan import Chunk, SweepPlan
from engine.estimates import REGISTRY
from engine.evaluate import Evaluation, evaluate
from engine.headline import Figure, figure_keys, headline
from engine.network import NETWORK
from engine.training import TRAINING
from engine.training.result import ParallelismChoice

POINT, CURRENCY, WARNINGS, PROBLEMS = "point", "currency", "warnings", "problems"
PARALLELISM = "parallelism."
SEPARATOR = "; "
Rows = dict[str, list[Any]]
_KINDS = {int: INT, float: FLOAT, str: TEXT, bool: BOOL}


@dataclass(frozen=True)
class Column:
    """A column of the results: its name and the type of its cells (axes.INT ...)."""

    name: str
    kind: str


def columns(plan: SweepPlan) -> tuple[Column, ...]:
    """The columns of the plan's rows, in order."""
    hints = typing.get_type_hints(ParallelismChoice)
    return (Column(POINT, INT),
            *(Column(a.key, a.kind) for a in plan.axes),
            *(Column(key, FLOAT) for key in plan.recorded),
            Column(CURRENCY, TEXT),
            *(Column(PARALLELISM + f.name, _KINDS[hints[f.name]])
              for f in dataclasses.fields(ParallelismChoice)),
            Column(WARNINGS, TEXT), Column(PROBLEMS, TEXT))


def axis_names(names: Sequence[str]) -> list[str]:
    """Which of a results file's column names are axes (what a CSV file cannot mark)."""
    fixed = {POINT, CURRENCY, WARNINGS, PROBLEMS, *figure_keys()}
    return [n for n in names if n not in fixed and not n.startswith(PARALLELISM)]


def evaluate_chunk(plan: SweepPlan, catalog: Catalog, chunk: Chunk) -> Rows:
    """The rows of ``chunk``'s points, in point order, as columns."""
    names = [c.name for c in columns(plan)]
    rows: Rows = {name: [] for name in names}
    fixed = [a for a in plan.axes if not a.prices_only]
    priced = [a for a in plan.axes if a.prices_only]
    shared: _Shared | None = None
    for number, place in zip(count(chunk.first), chunk.grid, strict=False):
        values = dict(zip((a.key for a in plan.axes), plan.values(place), strict=True))
        structure = tuple(values[a.key] for a in fixed)
        try:
            if shared is None or shared.values != structure:
                shared = _Shared(structure, applied(plan.design, fixed, structure), None)
            design = applied(shared.design, priced, [values[a.key] for a in priced])
        except AxisError as exc:
            shared = None
            _append(rows, _row(number, values, plan, None, None, str(exc)))
            continue
        evaluation = evaluate(design, catalog, shared.before_cost)
        shared = dataclasses.replace(shared, before_cost=before_cost(evaluation))
        _append(rows, _row(number, values, plan, design, evaluation, ""))
    return rows


@dataclass(frozen=True)
class _Shared:
    """What neighbouring points with the same non-price values share."""

    values: tuple[Value, ...]
    design: Design
    before_cost: Evaluation | None


def before_cost(evaluation: Evaluation) -> Evaluation:
    """``evaluation`` without the cost section and every section that needs it: what a
    design that differs only in its cost settings shares with it."""
    stale = {COST.name}
    for section in REGISTRY.sections():
        if any(need.name in stale for need in section.needs):
            stale.add(section.name)
    return Evaluation(evaluation.design,
                      {k: v for k, v in evaluation.sections.items() if k not in stale},
                      {k: v for k, v in evaluation.errors.items() if k not in stale},
                      {k: v for k, v in evaluation.skipped.items() if k not in stale})


def _row(number: int, values: dict[str, Value], plan: SweepPlan, design: Design | None,
         evaluation: Evaluation | None, problem: str) -> dict[str, Any]:
    row: dict[str, Any] = {POINT: number, **values}
    figures = {f.key: f for f in headline(evaluation, design.cost.currency)} \
        if evaluation is not None and design is not None else {}
    for key in plan.recorded:
        row.update(_figure_cells(key, figures[key].value if key in figures else None))
    row[CURRENCY] = design.cost.currency if design is not None else ""
    training = evaluation.result(TRAINING) if evaluation is not None else None
    for f in dataclasses.fields(ParallelismChoice):
        row[PARALLELISM + f.name] = getattr(training.parallelism, f.name) if training else None
    network = evaluation.result(NETWORK) if evaluation is not None else None
    row[WARNINGS] = SEPARATOR.join(network.warnings) if network is not None else ""
    row[PROBLEMS] = SEPARATOR.join(_problems(evaluation, figures, plan) if evaluation
                                   is not None else [problem])
    return row


def _problems(evaluation: Evaluation, figures: dict[str, Figure], plan: SweepPlan) -> list[str]:
    """Each section's reason for having no result, then why a recorded figure is missing
    when its section did compute (no rent price, a single accelerator ...)."""
    found = [f"{name}: {reason}" for name, reason in evaluation.errors.items()]
    unasked = {spec.key for section, spec in REGISTRY.figures()
               if section.name in evaluation.skipped}
    found += [f"{key}: {figures[key].missing}" for key in plan.recorded
              if figures[key].value is None and not figures[key].failed and key not in unasked]
    return list(dict.fromkeys(found))


def _figure_cells(key: str, value: float | None) -> dict[str, float | None]:
    """A figure's cells in a row: its value under its key (a band, once figures carry
    one, adds its two ends here, with their columns in :func:`columns`)."""
    return {key: value}


def _append(rows: Rows, row: dict[str, Any]) -> None:
    for name, cells in rows.items():
        cells.append(row[name])
