"""The fixed hues of series and markers, as hex strings: the plots and the HTML report
colour a design the same way."""

from __future__ import annotations

#: Series colours in the order series are created (Tableau 10, colour-blind aware).
SERIES_COLORS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                 "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
MARKER_COLOR = "#d62728"


def series_hex(index: int) -> str:
    """The colour of series ``index`` (colours repeat after ten)."""
    return SERIES_COLORS[index % len(SERIES_COLORS)]
