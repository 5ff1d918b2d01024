"""What-if comparison: several designs' headline figures side by side, and who wins.

Every design is evaluated in one currency so money compares; its figures
are :func:`engine.headline.headline`'s. A figure a design cannot have is
``None`` with the reason, so a table can say "n/a" and why.

Who wins: the best of each figure is the highest or lowest value, as the
figure says which is better; ties are all best, and a figure every design
shares has no best. A design whose best configuration does not fit in
memory cannot train as estimated, so its training-dependent figures are
shown but not ranked; nor is a floor (a total missing parts with no
published figure), and no design is best where a floor could beat it. The
fastest design is the one with the shortest schedule counting failures
(without failures if any design lacks the reliability figure); the cheapest
the one with the lowest cost per run on the same footing. Differences are
fractions relative to the base (the first design) or to the best of the row.

A winner whose band overlaps another ranked design's band on the figure
that decided it is no clear winner: the verdict says so ("no clear winner on
time"), and ``fastest_overlaps`` and ``cheapest_overlaps`` name the designs
it cannot be told from. Every figure's row says the same: ``unclear`` maps a
figure to the designs whose band overlaps a best design's band on it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from engine.catalog import Catalog
from engine.design import Design
from engine.estimates import REGISTRY
from engine.evaluate import Evaluation, evaluate
from engine.headline import (
    HIGHER,
    LOWER,
    Figure,
    FigureSpec,
    asks,
    figure_keys,
    figure_spec,
    headline,
)
from engine.inventory import INVENTORY
from engine.training import TRAINING

Evaluate = Callable[[Design, Catalog], Evaluation]
BASE, BEST = "base", "best"
_TIE = 1e-9
_FOOTING = {"time_to_train_days_with_failures": "counting failures",
            "time_to_train_days": "without failures",
            "cost_per_run_with_failures": "counting failures",
            "cost_per_run": "without failures"}


@dataclass(frozen=True)
class Row:
    """One design's figures; ``missing`` says why a value is ``None``."""

    design: str
    name: str
    accelerators: int
    accelerator: str
    currency: str
    basis: str
    values: dict[str, float | None]
    missing: dict[str, str] = field(default_factory=dict)
    fits_in_memory: bool | None = None      # None: no training estimate
    bands: dict[str, tuple[float, float]] = field(default_factory=dict)
    fidelity: dict[str, dict[str, str]] = field(default_factory=dict)   # key -> label, reason
    covers: dict[str, str] = field(default_factory=dict)
    assumed: dict[str, str] = field(default_factory=dict)
    figures: tuple[Figure, ...] = field(default=(), metadata={"json": False})
    evaluation: Evaluation | None = field(default=None, compare=False,
                                          metadata={"json": False})
    evaluated: Design | None = field(default=None, compare=False,     # in the common currency
                                     metadata={"json": False})

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)

    def ranked(self, key: str) -> bool:
        """Whether this design's ``key`` competes for best: it is known (not a floor) and,
        if it depends on training, the design trains as estimated."""
        figure = self.figure(key)
        return figure.value is not None and not figure.floor and not (
            figure_spec(key).needs_training and self.fits_in_memory is False)


@dataclass(frozen=True)
class Comparison:
    rows: tuple[Row, ...]
    fastest: str | None          # a row's design label
    fastest_by: str              # the figure that decided it
    cheapest: str | None
    cheapest_by: str
    best: dict[str, tuple[str, ...]] = field(default_factory=dict)   # key -> design labels
    fastest_overlaps: tuple[str, ...] = ()    # designs whose band overlaps the fastest's
    cheapest_overlaps: tuple[str, ...] = ()
    unclear: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key -> overlapping

    def is_best(self, key: str, design: str) -> bool:
        return design in self.best.get(key, ())

    def change(self, key: str, design: str, relative_to: str = BASE) -> float | None:
        """``design``'s ``key`` relative to the base design's or the row's best, as a
        fraction (+0.25: a quarter more); ``None`` when either value is missing, zero or
        a floor (a difference to a lower bound means nothing)."""
        figure = next(r.figure(key) for r in self.rows if r.design == design)
        if relative_to == BASE:
            reference = self.rows[0].figure(key) if self.rows else None
        else:
            best = self.best.get(key, ())
            reference = next((r.figure(key) for r in self.rows if r.design in best), None)
        if reference is None or figure.value is None or not reference.value \
                or figure.floor or reference.floor:
            return None
        return (figure.value - reference.value) / abs(reference.value)


def compare(designs: Sequence[tuple[str, Design]], catalog: Catalog,
            currency: str | None = None, run: Evaluate = evaluate) -> Comparison:
    """Evaluate ``(label, design)`` pairs in ``currency`` (default: the first design's)."""
    currency = currency or (designs[0][1].cost.currency if designs else "USD")
    rows = []
    for label, design in designs:
        design = dataclasses.replace(design, cost=dataclasses.replace(design.cost,
                                                                      currency=currency))
        rows.append(_row(label, design, run(design, catalog)))
    fastest_by = _footing(rows, "time_to_train_days_with_failures", "time_to_train_days")
    cheapest_by = _footing(rows, "cost_per_run_with_failures", "cost_per_run")
    best = {key: _best_of(rows, key) for key in figure_keys()}
    fastest, cheapest = _lowest(rows, fastest_by), _lowest(rows, cheapest_by)
    unclear = {key: overlaps for key, winners in best.items()
               if (overlaps := tuple(dict.fromkeys(d for w in winners
                                                   for d in _overlapping(rows, w, key)
                                                   if d not in winners)))}
    return Comparison(tuple(rows), fastest, fastest_by, cheapest, cheapest_by, best,
                      _overlapping(rows, fastest, fastest_by),
                      _overlapping(rows, cheapest, cheapest_by), unclear)


def figures_asked(result: Comparison) -> tuple[FigureSpec, ...]:
    """The headline figures, in order, less those no design asks for
    (:func:`~engine.headline.asks`: serving when no design serves, a run's cost when none
    trains, the seller's when no design sets seller settings): the rows a table of the
    comparison shows."""
    return tuple(spec for section, spec in REGISTRY.figures()
                 if any(r.evaluation is None or asks(r.evaluation, section, spec)
                        for r in result.rows))


#: The verdict's sentences, for a display that writes them in another language.
#: The serving figures a verdict names where no design trains.
SERVED, SERVED_COST = "output_tokens_per_s", "cost_per_million_output_tokens"
VERDICT_TEXTS = (
    "Fastest: cannot tell, no design has a training time.",
    "Fastest: {design}, {value} {footing}{unclear}.",
    "Cheapest: cannot tell, no design has a cost per run.",
    "Cheapest: {design}, {value} per run {footing} ({basis}){unclear}.",
    "Most output: {design}, {value} serving{unclear}.",
    "Cheapest to serve: {design}, {value} per million output tokens{unclear}.",
    "bought", "rented", "time", "cost", "throughput",
    "; no clear winner on {what}: its band overlaps {others}'s", " and ",
    *dict.fromkeys(_FOOTING.values()))


def _same(text: str) -> str:
    return text


def verdict(result: Comparison, say: Callable[[str], str] = _same,
            value: Callable[[Figure], str] | None = None) -> tuple[str, str]:
    """Which design trains fastest and which is cheapest: two sentences (where no design
    trains, which serves most output and which serves it cheapest). ``say`` gives each of
    :data:`VERDICT_TEXTS` in the reader's language and ``value`` writes a figure (the
    engine's English by default)."""
    rows = {r.design: r for r in result.rows}
    ranged = value or (lambda figure: figure.ranged_text)
    if result.fastest is None and result.cheapest is None and _serves(result):
        return _serving_verdict(result, rows, ranged, say)
    if result.fastest is None:
        fastest = say("Fastest: cannot tell, no design has a training time.")
    else:
        fastest = say("Fastest: {design}, {value} {footing}{unclear}.").format(
            design=result.fastest, value=ranged(rows[result.fastest].figure(result.fastest_by)),
            footing=say(_FOOTING[result.fastest_by]),
            unclear=_unclear(say("time"), result.fastest_overlaps, say))
    if result.cheapest is None:
        cheapest = say("Cheapest: cannot tell, no design has a cost per run.")
    else:
        row = rows[result.cheapest]
        cheapest = say("Cheapest: {design}, {value} per run {footing} ({basis}){unclear}.") \
            .format(design=result.cheapest, value=ranged(row.figure(result.cheapest_by)),
                    footing=say(_FOOTING[result.cheapest_by]),
                    basis=say("bought" if row.basis == "buy" else "rented"),
                    unclear=_unclear(say("cost"), result.cheapest_overlaps, say))
    return fastest, cheapest


def _serves(result: Comparison) -> bool:
    return bool(result.best.get(SERVED) or result.best.get(SERVED_COST))


def _serving_verdict(result: Comparison, rows: dict[str, Row],
                     ranged: Callable[[Figure], str],
                     say: Callable[[str], str]) -> tuple[str, str]:
    """Which design serves most output tokens per second, and which serves a million
    output tokens cheapest (the first of a tie)."""
    sentences = []
    for key, text, what in ((SERVED, "Most output: {design}, {value} serving{unclear}.",
                             "throughput"),
                            (SERVED_COST, "Cheapest to serve: {design}, {value} per million "
                             "output tokens{unclear}.", "cost")):
        winners = result.best.get(key, ())
        sentences.append("" if not winners else say(text).format(
            design=winners[0], value=ranged(rows[winners[0]].figure(key)),
            unclear=_unclear(say(what), result.unclear.get(key, ()), say)))
    return sentences[0], sentences[1]


def _unclear(what: str, overlaps: tuple[str, ...], say: Callable[[str], str]) -> str:
    """``; no clear winner on time: its band overlaps B's``, or nothing."""
    if not overlaps:
        return ""
    return say("; no clear winner on {what}: its band overlaps {others}'s").format(
        what=what, others=say(" and ").join(overlaps))


def _overlapping(rows: list[Row], winner: str | None, key: str) -> tuple[str, ...]:
    """The other ranked designs whose band on ``key`` overlaps the winner's."""
    won = next((r for r in rows if r.design == winner), None)
    band = won.figure(key).band if won is not None else None
    if band is None:
        return ()
    return tuple(r.design for r in rows if r is not won and r.ranked(key)
                 and (other := r.figure(key).band) is not None
                 and other.low <= band.high and other.high >= band.low)


def _row(label: str, design: Design, result: Evaluation) -> Row:
    inventory = result.result(INVENTORY)
    by_type = inventory.accelerators_by_type if inventory else {}
    figures = headline(result, design.cost.currency)
    training = result.result(TRAINING)
    return Row(label, design.name, inventory.accelerators if inventory else 0,
               ", ".join(by_type) or "-", design.cost.currency, design.cost.basis,
               {f.key: f.value for f in figures},
               {f.key: f.missing for f in figures if f.value is None},
               training.fits_in_memory if training is not None else None,
               {f.key: (f.band.low, f.band.high) for f in figures if f.band},
               {f.key: {"label": f.band.label, "reason": f.band.reason}
                for f in figures if f.band},
               {f.key: f.covers for f in figures if f.covers},
               {f.key: f.assumed for f in figures if f.assumed}, figures, result, design)


def _footing(rows: list[Row], preferred: str, fallback: str) -> str:
    """``preferred`` when every row has it, else ``fallback``."""
    return preferred if all(r.values[preferred] is not None for r in rows) else fallback


def _lowest(rows: list[Row], key: str) -> str | None:
    known = [r for r in rows if r.ranked(key)]
    return min(known, key=lambda r: r.values[key]).design if known else None


def _best_of(rows: list[Row], key: str) -> tuple[str, ...]:
    """Designs whose ``key`` is best (ties included); none if all ranked values are equal,
    or if a floor could beat the best (a floor is only a lower bound of its true value)."""
    better = figure_spec(key).better
    ranked = [r for r in rows if r.ranked(key)]
    values = [r.values[key] for r in ranked]
    if better not in (HIGHER, LOWER) or len(ranked) < 2 or max(values) == min(values):
        return ()
    top = max(values) if better == HIGHER else min(values)
    floors = [r.values[key] for r in rows if r.figure(key).floor and r.values[key] is not None]
    if floors and (better == HIGHER or min(floors) < top):
        return ()
    return tuple(r.design for r, v in zip(ranked, values, strict=True)
                 if abs(v - top) <= _TIE * max(abs(top), 1.0))

