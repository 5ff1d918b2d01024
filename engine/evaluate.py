"""Every estimate of a design, section by section.

Sections (:mod:`engine.sections`) run in the order they are registered
(:data:`engine.estimates.REGISTRY`) and
each may read those it needs from the evaluation so far (training reads the
network, cost reads training). A section that cannot be computed for this
design (no configuration fits, say) records its reason instead of a result;
the other sections still run. One the design asks nothing of (no serving
workload) is skipped with its reason, which is no failure. Each result's
trust (its bands, coverage and assumptions) is recorded beside it.
"""

from __future__ import annotations

from typing import Any

from engine.catalog import Catalog, load_catalog
from engine.design import Design
from engine.errors import NotRequested, message
from engine.estimates import REGISTRY
from engine.layout import catalog_for
from engine.sections import Evaluation, Section


def evaluate(design: Design, catalog: Catalog | None = None,
             known: Evaluation | None = None) -> Evaluation:
    """Run every registered section on ``design``.

    Sections ``known`` holds a result or a reason for are taken from it, not run: it is
    an evaluation of a design those sections cannot tell from this one (a sweep keeps the
    training estimate of a design across prices: :mod:`engine.design_space.chunks`).
    """
    catalog = catalog_for(design, catalog if catalog is not None else load_catalog())
    done = Evaluation(design.name, dict(known.sections) if known else {},
                      dict(known.errors) if known else {}, dict(known.skipped) if known else {},
                      unasked=frozenset(s.name for s in REGISTRY.sections()
                                        if not s.asks_figures(design)))
    for section in REGISTRY.sections():
        if section.name in done.sections:     # known: its trust may read this design's others
            judge(section, done, catalog)
            continue
        if section.name in done.errors or section.name in done.skipped:
            continue
        try:
            result = section.compute(design, catalog, done)
        except NotRequested as exc:
            done.skipped[section.name] = message(exc)
            continue
        except section.problems as exc:
            done.errors[section.name] = message(exc)
            continue
        if not isinstance(result, section.result):
            raise TypeError(f"section {section.name!r} computed a {type(result).__name__}, "
                            f"not a {section.result.__name__}")
        done.sections[section.name] = result
        judge(section, done, catalog)
    return done


def assess(name: str, results: dict[Section[Any], Any], catalog: Catalog) -> Evaluation:
    """An evaluation of results computed one by one (``estimate`` computes training and
    cost on flags alone), with what each registered section says of its own."""
    done = Evaluation(name, {section.name: result for section, result in results.items()})
    for section in REGISTRY.sections():
        judge(section, done, catalog)
    return done


def judge(section: Section[Any], done: Evaluation, catalog: Catalog) -> None:
    """Record what ``section`` says of its result's figures (if it has a result and says)."""
    result = done.sections.get(section.name)
    if result is not None and section.trust is not None:
        done.trust[section.name] = section.trust(result, catalog, done)
