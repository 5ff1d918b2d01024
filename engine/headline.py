"""The headline figures of a design: the dozen numbers people compare designs by.

Each section declares its headline figures (:class:`~engine.sections.FigureSpec`:
where each is read from in its result, its unit, which direction is
better, its place in the list); this module reads them from an
:class:`~engine.evaluate.Evaluation`, says why one is missing when it is,
and writes them. The GUI's tiles, ``compare``, the comparison view, sweeps and the
HTML report all take their figures from :func:`headline`, so they agree to
the digit.

A figure the design cannot have is ``None`` with the reason: the section's
error, the missing training estimate it depends on, or what the section
says it could not price.

Each figure carries what its section says of it (:class:`~engine.trust.Trust`):
its band and fidelity label, the part of the design it covers when not all
of it, the assumed value it rests on. A figure that needs a training
estimate whose workload does not fit in memory keeps its number but reads
"does not fit: needs X GiB of Y" (:attr:`Figure.text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from engine.cost import COST
from engine.estimates import REGISTRY
from engine.evaluate import Evaluation
from engine.phrases import Template
from engine.sections import HIGHER, LOWER, NEITHER, FigureSpec, Section
from engine.training import TRAINING
from engine.trust import Band
from engine.units import number

__all__ = ["HIGHER", "LOWER", "NEITHER", "Figure", "FigureSpec", "asks", "by_key", "figure_keys",
           "figure_spec", "figure_specs", "figure_text", "headline"]

_MONEY_SCALES = ((1e9, " bn"), (1e6, " M"), (1e3, " k"))
# What is said beside a figure and why one is missing, as a display may translate it.
FIDELITY = Template("{label}: {reason}")
COVERS = Template("covers {part}")
RESTS_ON = Template("rests on {assumption}")
SECTION_REASON = Template("{section}: {reason}")
NO_ESTIMATE = Template("no {section} estimate")
#: Each section's name as a reason names it ("training: no training workload").
SECTION_NAMES = {section.name: Template(section.name) for section in REGISTRY.sections()}


@dataclass(frozen=True)
class Figure:
    """One headline figure of one design."""

    key: str
    label: str
    unit: str
    better: str
    value: float | None
    missing: str = ""          # why ``value`` is None
    failed: bool = False       # ... because a section of the evaluation failed
    qualifier: str = ""        # what the figure is of, e.g. the precision of peak compute
    floor: bool = False        # a lower bound: some parts have no published figure
    note: str = ""             # what a floor leaves out
    style: str = "number"
    band: Band | None = None   # where the true value lies about 80% of the time
    covers: str = ""           # the part of the design it is of, when not all of it
    assumed: str = ""          # the assumed value it rests on
    unfit: str = ""            # "does not fit: needs X GiB of Y": shown instead of the value

    @property
    def text(self) -> str:
        """The value as people read it, with its unit (``n/a`` when missing; what the
        workload needs when it does not fit in memory)."""
        return self.unfit or figure_text(self.value, self.style, self.unit, self.floor)

    @property
    def range_text(self) -> str:
        """The band in the value's style, without the unit: ``17.0-21.6`` (``""``: none)."""
        if self.band is None or self.value is None or self.unfit:
            return ""
        return band_text(self.band, self.style, self.value)

    @property
    def ranged_text(self) -> str:
        """The value and its band: ``19.1 days (17.0-21.6)``."""
        return f"{self.text} ({self.range_text})" if self.range_text else self.text

    @property
    def notes(self) -> tuple[str, ...]:
        """What to say beside the figure: its fidelity, the part it covers, its assumption."""
        fidelity = FIDELITY(label=self.band.label, reason=self.band.reason) \
            if self.band and not self.unfit else ""
        return tuple(note for note in (fidelity, self.covers and COVERS(part=self.covers),
                                       self.assumed and RESTS_ON(assumption=self.assumed))
                     if note)


def figure_specs() -> tuple[FigureSpec, ...]:
    """Every headline figure's spec, in headline order."""
    return tuple(spec for _, spec in REGISTRY.figures())


def figure_keys() -> tuple[str, ...]:
    """Every headline figure's key, in headline order."""
    return tuple(spec.key for _, spec in REGISTRY.figures())


def figure_spec(key: str) -> FigureSpec:
    """The spec of the headline figure ``key``."""
    return next(spec for _, spec in REGISTRY.figures() if spec.key == key)


def headline(evaluation: Evaluation, currency: str = "") -> tuple[Figure, ...]:
    """Every headline figure of ``evaluation``, in headline order.

    Money is in the cost section's currency (``currency`` when the design
    has no cost section).
    """
    cost = evaluation.result(COST)
    money = cost.currency if cost is not None else currency
    return tuple(_figure(evaluation, section, spec, money) for section, spec in REGISTRY.figures())


def asked(evaluation: Evaluation, currency: str = "") -> tuple[Figure, ...]:
    """The headline figures less those the design asks nothing of (:func:`asks`): what a
    design's own summary lists."""
    return tuple(figure for (section, spec), figure in zip(REGISTRY.figures(),
                                                             headline(evaluation, currency),
                                                             strict=True)
                 if asks(evaluation, section, spec))


def asks(evaluation: Evaluation, section: Section[Any], spec: FigureSpec) -> bool:
    """Whether the design asks for the figure: not when it skips its section (serving, for
    a design with no serving workload) or, for a figure that needs a training estimate,
    the training section (a run's cost, for a design that only serves), nor when the
    section's figures are on request and the design sets none of its settings (the
    seller's, the plan's: :attr:`~engine.sections.Section.figures_on_request`)."""
    skipped = evaluation.skipped
    return evaluation.asks_figures_of(section) and not (spec.needs_training and
                                                        TRAINING.name in skipped)


def by_key(figures: tuple[Figure, ...]) -> dict[str, Figure]:
    return {f.key: f for f in figures}


def _figure(evaluation: Evaluation, section: Section[Any], spec: FigureSpec,
            money: str) -> Figure:
    unit = money if spec.unit == "money" else spec.unit
    found = evaluation.result(section)
    value = spec.read(found) if found is not None else None
    qualifier = spec.qualifier(found) if spec.qualifier and found is not None else ""
    floor_note = spec.floor(found) if spec.floor and found is not None else ""
    if value is None:
        reason = floor_note or _reason(evaluation, section, spec, found)
        failed = any(reason.startswith(f"{name}: ") for name in evaluation.errors)
        return Figure(spec.key, spec.label, unit, spec.better, None, reason, failed,
                      qualifier, style=spec.style)
    trust = evaluation.trust_of(section)
    training = evaluation.result(TRAINING) if spec.needs_training else None
    return Figure(spec.key, spec.label, unit, spec.better, float(value), "", False, qualifier,
                  bool(floor_note), floor_note, spec.style, trust.bands.get(spec.key),
                  trust.covers.get(spec.key, ""), trust.assumed.get(spec.key, ""),
                  training.does_not_fit if training is not None else "")


def _reason(evaluation: Evaluation, section: Section[Any], spec: FigureSpec,
            found: Any) -> str:
    """The section's error, else the missing training estimate, else the section's own word."""
    error = evaluation.error(section)
    if error is not None:
        return SECTION_REASON(section=SECTION_NAMES[section.name](), reason=error)
    if found is None:
        return NO_ESTIMATE(section=SECTION_NAMES[section.name]())
    if spec.needs_training and evaluation.result(TRAINING) is None:
        training = evaluation.error(TRAINING)
        return SECTION_REASON(section=SECTION_NAMES[TRAINING.name](), reason=training) \
            if training else NO_ESTIMATE(section=SECTION_NAMES[TRAINING.name]())
    return getattr(found, "unavailable", {}).get(spec.unavailable, spec.missing)


def band_text(band: Band, style: str, value: float) -> str:
    """``band``'s ends as the value is written, without the unit: 17.0-21.6, 6.30-8.12 M."""
    if style == "fraction":
        return f"{band.low * 100:.1f}-{band.high * 100:.1f}"
    if style == "money":
        scale, suffix = next(((s, x) for s, x in _MONEY_SCALES if abs(value) >= s), (1.0, ""))
        return f"{number(band.low / scale)}-{number(band.high / scale)}{suffix}"
    return f"{number(band.low)}-{number(band.high)}"


def figure_text(value: float | None, style: str, unit: str, floor: bool = False) -> str:
    """``value`` written with its unit: 1,024 · 45.8 days · 70.3 % · 7.15 M CNY · 1.2 MW."""
    if value is None:
        return "n/a"
    if style == "count":
        text = f"{round(value):,}"
    elif style == "fraction":
        text = f"{value * 100:.1f} %"
    elif style == "money":
        scale, suffix = next(((s, x) for s, x in _MONEY_SCALES if abs(value) >= s), (1.0, ""))
        text = f"{number(value / scale)}{suffix} {unit}".strip()
    elif style == "power":
        text = f"{number(value / 1e3)} MW" if value >= 1000 else f"{number(value)} kW"
    else:
        text = f"{number(value)} {unit}".strip()
    return f"≥ {text}" if floor else text

