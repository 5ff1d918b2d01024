"""Every estimate of a design, section by section.

Sections (:mod:`engine.sections`) run in the order they are registered
(:data:`engine.estimates.REGISTRY`) and
each may read those it needs from the evaluation so far (training reads the
network, cost reads training). A section that cannot be computed for this
design (no configuration fits, say) records its reason instead of a result;
the other sections still run. One the design asks nothing of (no serving
workload) is skipped with its reason, which is no failure.
"""

from __future__ import annotations

from engine.catalog import Catalog, load_catalog
from engine.design import Design
from engine.errors import NotRequested
from engine.estimates import REGISTRY
from engine.layout import catalog_for
from engine.sections import Evaluation


def evaluate(design: Design, catalog: Catalog | None = None) -> Evaluation:
    """Run every registered section on ``design``."""
    catalog = catalog_for(design, catalog if catalog is not None else load_catalog())
    done = Evaluation(design.name, {}, {}, {})
    for section in REGISTRY.sections():
        try:
            result = section.compute(design, catalog, done)
        except NotRequested as exc:
            done.skipped[section.name] = str(exc)
            continue
        except section.problems as exc:
            done.errors[section.name] = str(exc)
            continue
        if not isinstance(result, section.result):
            raise TypeError(f"section {section.name!r} computed a {type(result).__name__}, "
                            f"not a {section.result.__name__}")
        done.sections[section.name] = result
    return done
