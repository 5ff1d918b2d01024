"""Canvas colours, derived from the application palette so light and dark themes both read.

Kind and link colours are fixed hues chosen to stay distinguishable on both
backgrounds; surfaces and text follow the palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

#: Accent of each kind of box (servers, single accelerators, switches, groups).
KIND_ACCENTS = {"server": "#3b82f6", "accelerator": "#10b981", "switch": "#f59e0b",
                "group": "#8b5cf6"}
#: Colour of each link kind (catalog ``kind``); unknown kinds are grey.
LINK_COLORS = {"nvlink": "#65a30d", "pcie": "#a855f7", "infiniband": "#2563eb",
               "roce": "#ea580c", "ethernet": "#64748b", "efa": "#d97706", "ici": "#0ea5e9",
               "neuronlink": "#f97316", "hccs": "#dc2626", "xgmi": "#e11d48"}


def kind_accent(kind: str) -> QColor:
    return QColor(KIND_ACCENTS.get(kind, "#64748b"))


def link_color(kind: str) -> QColor:
    return QColor(LINK_COLORS.get(kind, "#64748b"))


@dataclass(frozen=True)
class CanvasTheme:
    """The colours items paint with."""

    dark: bool
    background: QColor
    grid_minor: QColor
    grid_major: QColor
    surface: QColor           # node body
    border: QColor
    text: QColor
    subtext: QColor
    selection: QColor
    group_fill: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> CanvasTheme:
        dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        if dark:
            return cls(dark=True, background=QColor("#1e2127"), grid_minor=QColor("#262a31"),
                       grid_major=QColor("#30353d"), surface=QColor("#2b3039"),
                       border=QColor("#4b5361"), text=QColor("#e5e7eb"),
                       subtext=QColor("#9ca3af"),
                       selection=palette.color(QPalette.ColorRole.Highlight).lighter(130),
                       group_fill=QColor(139, 92, 246, 22))
        return cls(dark=False, background=QColor("#f7f8fa"), grid_minor=QColor("#eceef2"),
                   grid_major=QColor("#dde1e7"), surface=QColor("#ffffff"),
                   border=QColor("#c3c9d2"), text=QColor("#111827"), subtext=QColor("#4b5563"),
                   selection=palette.color(QPalette.ColorRole.Highlight),
                   group_fill=QColor(139, 92, 246, 16))
