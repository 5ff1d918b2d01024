"""How a figure's band, coverage and assumptions read in a view: a short line and a tooltip.

The tiles, the comparison cells and the HTML report all write them from
the headline :class:`~engine.headline.Figure` with these two functions, so
they say the same thing: the 80% range, whether it is extrapolated, that the
figure covers only part of the design, that it rests on an assumed value.
"""

from __future__ import annotations

from engine.headline import Figure

PART_MARK = "†"     # beside a value computed on part of the design


def detail(figure: Figure) -> str:
    """``80%: 17.0-21.6 · extrapolated · part of the design · assumed`` (what applies)."""
    band = figure.band
    parts = (figure.range_text and f"80%: {figure.range_text}",
             band is not None and band.label == "extrapolated" and not figure.unfit
             and "extrapolated",
             figure.covers and "part of the design",
             figure.assumed and "assumed")
    return " · ".join(part for part in parts if part)


def tooltip(figure: Figure) -> str:
    """The band and every note, one a line: fidelity, coverage, assumption."""
    lines = [f"80% band: {figure.range_text}"] if figure.range_text else []
    return "\n".join([*lines, *figure.notes])
