"""Every estimate of a design, section by section.

Sections run in order and each may use the ones before it (training uses
the network, cost uses training). A section that cannot be computed for this
design (no configuration fits, say) records its reason instead of a result;
the other sections still run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from engine.catalog import Catalog, load_catalog
from engine.cost import cost_section
from engine.design import Design
from engine.errors import EngineError
from engine.inventory import take_inventory
from engine.layout import catalog_for
from engine.network import network_section
from engine.reliability import reliability_section
from engine.training.section import training_section

Section = Callable[[Design, Catalog, dict[str, Any]], Any]


@dataclass(frozen=True)
class Evaluation:
    """Results by section name, and the reason for each section that has none."""

    design: str
    sections: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.sections[name]

    def get(self, name: str) -> Any:
        return self.sections.get(name)


def _inventory(design: Design, catalog: Catalog, done: dict[str, Any]) -> Any:
    return take_inventory(design, catalog)


def _network(design: Design, catalog: Catalog, done: dict[str, Any]) -> Any:
    return network_section(design, catalog)


def _cost(design: Design, catalog: Catalog, done: dict[str, Any]) -> Any:
    return cost_section(design, catalog, done["inventory"], done.get("network"),
                        done.get("training"))


def _reliability(design: Design, catalog: Catalog, done: dict[str, Any]) -> Any:
    return reliability_section(design, catalog, done["inventory"], done.get("training"),
                               done.get("cost"))


SECTIONS: tuple[tuple[str, Section], ...] = (
    ("inventory", _inventory),
    ("network", _network),
    ("training", training_section),
    ("cost", _cost),
    ("reliability", _reliability),
)


def evaluate(design: Design, catalog: Catalog | None = None) -> Evaluation:
    """Run every section on ``design``."""
    catalog = catalog_for(design, catalog if catalog is not None else load_catalog())
    done: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, section in SECTIONS:
        try:
            done[name] = section(design, catalog, done)
        except EngineError as exc:
            errors[name] = str(exc)
    return Evaluation(design.name, done, errors)
