"""The estimate sections of an evaluation, each declared once, and their registry.

A :class:`Section` is everything the rest of the engine needs to know about
one estimate: its name (its JSON key), its label, the sections whose results
it reads, how it is computed, the type of its result, its headline figures,
its settings (the layout file's key for them) and the errors it records as
the reason it has no result. :func:`~engine.evaluate.evaluate`,
:func:`~engine.headline.headline`, :func:`~engine.compare.compare`, the
layout reader and writer and the command line loop over a :class:`Registry`
(the engine's is :data:`engine.estimates.REGISTRY`), so a new estimate is
one package that declares its section and one line in
:mod:`engine.estimates`. A test can add a section for a while with
:meth:`Registry.registered`. An :class:`Evaluation` holds the results by
section.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from engine.design import Design
from engine.errors import EngineError
from engine.trust.fidelity import Trust

if TYPE_CHECKING:
    from engine.catalog import Catalog

HIGHER, LOWER, NEITHER = "higher", "lower", ""


class SectionResult(Protocol):
    """What a section computes: a value with its JSON form."""

    def to_json(self) -> dict[str, Any]: ...


R = TypeVar("R", bound=SectionResult)
S = TypeVar("S")


@dataclass(frozen=True)
class Evaluation:
    """Results by section name, and the reason for each section that has none.

    Read a section's result with :meth:`result` (or :meth:`require`), which
    know its type; ``sections`` and ``errors`` are for loops over them all.
    ``skipped`` holds the sections the design asks nothing of (a design with
    no serving workload skips serving): their reason, but neither a result
    nor a failure, so they are left out of the JSON. ``unasked`` names the
    sections computed but whose headline figures the design does not ask for
    (:attr:`Section.figures_on_request`).
    """

    design: str
    sections: dict[str, Any]
    errors: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    trust: dict[str, Trust] = field(default_factory=dict)   # by section name
    unasked: frozenset[str] = frozenset()

    def asks_figures_of(self, section: Section[Any]) -> bool:
        """Whether the design's summary lists ``section``'s headline figures: it is neither
        skipped nor computed only from defaults the design never set."""
        return section.name not in self.skipped and section.name not in self.unasked

    def result(self, section: Section[R]) -> R | None:
        """The section's result, ``None`` if it has none (see :meth:`error`)."""
        return self.sections.get(section.name)

    def require(self, section: Section[R]) -> R:
        """The section's result; raise :class:`EngineError` with the reason it has none."""
        if section.name not in self.sections:
            raise EngineError(f"needs the {section.name} section: "
                              f"{self.error(section) or 'not computed'}")
        return self.sections[section.name]

    def error(self, section: Section[Any]) -> str | None:
        """Why the section has no result, failed or skipped (``None`` if it has one or
        did not run)."""
        return self.errors.get(section.name) or self.skipped.get(section.name)

    def trust_of(self, section: Section[Any]) -> Trust:
        """What the section says of its figures (nothing if it has not said)."""
        return self.trust.get(section.name, Trust())

    def section_json(self, name: str) -> dict[str, Any]:
        """The JSON of section ``name``'s result, its bands and notes beside its figures."""
        return {**self.sections[name].to_json(), **self.trust.get(name, Trust()).to_json()}

    def to_json(self) -> dict[str, Any]:
        """``design``, each section's result by name with its bands and notes beside its
        figures (:meth:`Trust.to_json`), and ``errors`` when there are any."""
        data: dict[str, Any] = {"design": self.design}
        data.update({name: self.section_json(name) for name in self.sections})
        if self.errors:
            data["errors"] = dict(self.errors)
        return data


@dataclass(frozen=True)
class FigureSpec:
    """A headline figure of a section: where it comes from and how it reads.

    ``read`` takes the section's result and returns the value (``None`` if
    it has none); the reason is then the ``unavailable`` key of the result's
    ``unavailable`` mapping, else ``missing``. ``needs_training`` figures
    are not ranked for a design whose workload does not fit in memory.
    ``qualifier`` says what the figure is of (the precision of peak
    compute); ``floor`` what a total leaves out for want of published
    figures (empty when nothing), which makes it a lower bound. Headline
    figures are listed by ``order``, lowest first, whatever their section.
    ``tile``: the window shows it as a headline tile (when the design asks for its
    section).
    """

    key: str
    label: str
    unit: str                  # "money" means the evaluation's currency
    better: str                # HIGHER, LOWER or NEITHER
    read: Callable[[Any], float | None]
    order: int
    needs_training: bool = False
    unavailable: str = "run"
    missing: str = "not computed"
    style: str = "number"      # number, count, fraction, money, power
    qualifier: Callable[[Any], str] | None = None
    floor: Callable[[Any], str] | None = None
    banded: bool = True
    tile: bool = False


@dataclass(frozen=True)
class SectionSettings(Generic[S]):
    """A section's settings: a settings dataclass (:mod:`engine.settings`) under ``key``.

    The layout file holds them under ``key``. The workload, cost and
    reliability settings are fields of :class:`~engine.design.Design` of that
    name; a section added since keeps its settings in
    ``Design.section_settings`` under its key. ``optional`` settings are a
    question the design may not ask (a serving workload): a design has them
    only once they are set, defaults included, and the file holds the key
    only then.
    """

    key: str
    label: str
    cls: type[S]
    optional: bool = False

    def of(self, design: Design) -> S:
        """The settings in ``design`` (the defaults when it has none)."""
        if self.key in _DESIGN_FIELDS:
            return getattr(design, self.key)
        value = dict(design.section_settings).get(self.key)
        return value if value is not None else self.cls()

    def present(self, design: Design) -> bool:
        """Whether ``design`` asks for these settings: the training workload when it trains,
        optional ones once set, the others always."""
        if self.key == "workload":
            return design.trains
        return not self.optional or self.key in dict(design.section_settings)

    @property
    def can_leave_out(self) -> bool:
        """Whether a design may ask nothing of these settings: the optional ones, and the
        training workload (a design may only serve)."""
        return self.optional or self.key == "workload"

    def added(self, design: Design) -> Design:
        """``design`` asking for these settings, at their defaults."""
        if self.key == "workload":
            return dataclasses.replace(design, trains=True, workload=self.cls())
        return self.with_value(design, self.cls())

    def removed(self, design: Design) -> Design:
        """``design`` asking nothing of these settings (:attr:`can_leave_out` ones only);
        the training workload goes back to its defaults, as a file without one reads."""
        if self.key == "workload":
            return dataclasses.replace(design, trains=False, workload=self.cls())
        if not self.optional:
            raise ValueError(f"the {self.key} settings cannot be left out")
        pairs = tuple((k, v) for k, v in design.section_settings if k != self.key)
        return dataclasses.replace(design, section_settings=pairs)

    def with_value(self, design: Design, value: S) -> Design:
        """``design`` with these settings set to ``value``.

        Defaults of settings that are not optional are kept as no entry, so a
        design that never set them equals one read from a file that has them.
        """
        if self.key in _DESIGN_FIELDS:
            field: dict[str, Any] = {self.key: value}
            return dataclasses.replace(design, **field)
        pairs = {k: v for k, v in design.section_settings if k != self.key}
        if self.optional or value != self.cls():
            pairs[self.key] = value
        return dataclasses.replace(design, section_settings=tuple(sorted(pairs.items())))


_DESIGN_FIELDS = frozenset(f.name for f in dataclasses.fields(Design))


@dataclass(frozen=True, eq=False)
class Section(Generic[R]):
    """One estimate of an evaluation.

    ``compute(design, catalog, evaluation)`` returns the result, reading the
    results of ``needs`` from the evaluation so far
    (:meth:`Evaluation.result` or ``require``); an error of
    one of the ``problems`` types is recorded as the section's reason
    instead of a result, and the other sections still run. ``trust(result,
    catalog, evaluation)`` says how far to trust the result's figures: their
    bands, the part of the design each covers, the assumed values they rest
    on (:class:`~engine.trust.fidelity.Trust`); it may read what the
    sections it needs said (:meth:`Evaluation.trust_of`).
    ``figures_on_request``: the section runs for every design (from its
    settings' defaults), but its headline figures are listed only for a design
    that sets some of its settings (the seller's and the plan's: a question
    only some designs ask, whose rows would crowd every comparison).
    """

    name: str
    label: str
    result: type[R]
    compute: Callable[[Design, Catalog, Evaluation], R]
    needs: tuple[Section[Any], ...] = ()
    figures: tuple[FigureSpec, ...] = ()
    settings: SectionSettings[Any] | None = None
    problems: tuple[type[Exception], ...] = (EngineError,)
    trust: Callable[[R, Catalog, Evaluation], Trust] | None = None
    figures_on_request: bool = False

    def asks_figures(self, design: Design) -> bool:
        """Whether ``design`` asks for this section's headline figures (when computed)."""
        return (not self.figures_on_request or self.settings is None
                or self.settings.key in dict(design.section_settings))


class Registry:
    """The sections an evaluation runs, in order: the engine's own
    (:data:`engine.estimates.REGISTRY`) and any added since."""

    def __init__(self, built_in: tuple[Section[Any], ...] = ()) -> None:
        self._sections: list[Section[Any]] = []
        for section in built_in:
            self.register(section)

    def sections(self) -> tuple[Section[Any], ...]:
        """Every registered section, in the order they run."""
        return tuple(self._sections)

    def settings_sections(self) -> tuple[SectionSettings[Any], ...]:
        """The settings of every registered section that has some, in section order."""
        return tuple(s.settings for s in self._sections if s.settings is not None)

    def figures(self) -> tuple[tuple[Section[Any], FigureSpec], ...]:
        """Every headline figure with its section, in headline order."""
        placed = [(section, spec) for section in self._sections for spec in section.figures]
        return tuple(sorted(placed, key=lambda pair: pair[1].order))

    def register(self, section: Section[Any]) -> None:
        """Run ``section`` after the registered ones; what it needs must be registered."""
        _check_new(section, self._sections)
        self._sections.append(section)

    def unregister(self, section: Section[Any]) -> None:
        """Stop running ``section``; no registered section may need it."""
        needing = [s.name for s in self._sections if section in s.needs]
        if needing:
            raise ValueError(f"cannot unregister {section.name!r}: {', '.join(needing)} "
                             "need it")
        self._sections.remove(section)

    @contextmanager
    def registered(self, section: Section[R]) -> Iterator[Section[R]]:
        """``section`` registered for the ``with`` block (for tests and experiments)."""
        self.register(section)
        try:
            yield section
        finally:
            self.unregister(section)


def _check_new(section: Section[Any], registry: list[Section[Any]]) -> None:
    """A section's name, settings key and figure keys are new; what it needs runs before."""
    if any(s.name == section.name for s in registry):
        raise ValueError(f"a section named {section.name!r} is registered already")
    missing = [s.name for s in section.needs if s not in registry]
    if missing:
        raise ValueError(f"section {section.name!r} needs {', '.join(missing)}, "
                         "which is not registered")
    keys = {s.settings.key for s in registry if s.settings is not None}
    if section.settings is not None and section.settings.key in keys:
        raise ValueError(f"settings key {section.settings.key!r} is taken")
    taken = {spec.key for s in registry for spec in s.figures}
    clashes = [spec.key for spec in section.figures if spec.key in taken]
    if clashes:
        raise ValueError(f"headline figures {', '.join(clashes)} exist already")
