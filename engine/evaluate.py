"""Every estimate of a design, section by section.

Sections (:mod:`engine.sections`) run in the order they are registered and
each may read those it needs from the evaluation so far (training reads the
network, cost reads training). A section that cannot be computed for this
design (no configuration fits, say) records its reason instead of a result;
the other sections still run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from engine.catalog import Catalog, load_catalog
from engine.design import Design
from engine.errors import EngineError
from engine.layout import catalog_for
from engine.sections import Section, SectionResult, sections

R = TypeVar("R", bound=SectionResult)


@dataclass(frozen=True)
class Evaluation:
    """Results by section name, and the reason for each section that has none.

    Read a section's result with :meth:`result` (or :meth:`require`), which
    know its type; ``sections`` and ``errors`` are for loops over them all.
    """

    design: str
    sections: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)

    def result(self, section: Section[R]) -> R | None:
        """The section's result, ``None`` if it has none (see :meth:`error`)."""
        return self.sections.get(section.name)

    def require(self, section: Section[R]) -> R:
        """The section's result; raise :class:`EngineError` with the reason it has none."""
        if section.name not in self.sections:
            raise EngineError(f"needs the {section.name} section: "
                              f"{self.errors.get(section.name, 'not computed')}")
        return self.sections[section.name]

    def error(self, section: Section[Any]) -> str | None:
        """Why the section has no result (``None`` if it has one or did not run)."""
        return self.errors.get(section.name)

    def to_json(self) -> dict[str, Any]:
        """``design``, each section's result by name, and ``errors`` when there are any."""
        data: dict[str, Any] = {"design": self.design}
        data.update({name: result.to_json() for name, result in self.sections.items()})
        if self.errors:
            data["errors"] = dict(self.errors)
        return data


def evaluate(design: Design, catalog: Catalog | None = None,
             known: Evaluation | None = None) -> Evaluation:
    """Run every registered section on ``design``.

    Sections ``known`` holds a result or a reason for are taken from it, not run: it is
    an evaluation of a design those sections cannot tell from this one (a sweep keeps the
    training estimate of a design across prices: :mod:`engine.design_space.chunks`).
    """
    catalog = catalog_for(design, catalog if catalog is not None else load_catalog())
    done = Evaluation(design.name, dict(known.sections) if known else {},
                      dict(known.errors) if known else {})
    for section in sections():
        if section.name in done.sections or section.name in done.errors:
            continue
        try:
            result = section.compute(design, catalog, done)
        except section.problems as exc:
            done.errors[section.name] = str(exc)
            continue
        if not isinstance(result, section.result):
            raise TypeError(f"section {section.name!r} computed a {type(result).__name__}, "
                            f"not a {section.result.__name__}")
        done.sections[section.name] = result
    return done
