"""How a figure reads in a view: its label and value in the chosen language, and a short line
and a tooltip on its band, coverage and assumptions.

The tiles, the comparison cells and the HTML report all write them from
the headline :class:`~engine.headline.Figure` with these functions, so
they say the same thing: the 80% range, whether it is extrapolated, that the
figure covers only part of the design, that it rests on an assumed value.
The engine writes English; the label, the unit and the notes are translated here
(:func:`~widgets.content.texts.engine_text`), the number stays as written.
"""

from __future__ import annotations

from engine.headline import Figure, figure_text
from widgets.content.texts import engine_text, translate

PART_MARK = "†"     # beside a value computed on part of the design


def label(figure: Figure) -> str:
    """``Peak compute, bf16``: the figure's label and what it is of."""
    name = engine_text(figure.label)
    return f"{name}, {figure.qualifier}" if figure.qualifier else name


def value_text(figure: Figure) -> str:
    """The value with its unit (``n/a`` when missing), as :attr:`Figure.text` in the chosen
    language."""
    if figure.unfit:
        return engine_text(figure.unfit)
    if figure.value is None:
        return translate("Figures", "n/a")
    return figure_text(figure.value, figure.style, engine_text(figure.unit), figure.floor)


def ranged_text(figure: Figure) -> str:
    """The value and its band: ``19.1 days (17.0-21.6)``, in the chosen language."""
    text = value_text(figure)
    return f"{text} ({figure.range_text})" if figure.range_text else text


def detail(figure: Figure) -> str:
    """``80%: 17.0-21.6 · extrapolated · part of the design · assumed`` (what applies)."""
    band = figure.band
    parts = (figure.range_text
             and translate("Figures", "80%: {range}").format(range=figure.range_text),
             band is not None and band.label == "extrapolated" and not figure.unfit
             and translate("Figures", "extrapolated"),
             figure.covers and translate("Figures", "part of the design"),
             figure.assumed and translate("Figures", "assumed"))
    return " · ".join(part for part in parts if part)


def tooltip(figure: Figure) -> str:
    """The band and every note, one a line: fidelity, coverage, assumption."""
    lines = [translate("Figures", "80% band: {range}").format(range=figure.range_text)] \
        if figure.range_text else []
    return "\n".join([*lines, *map(engine_text, figure.notes)])
