"""Light and dark themes. "System" follows the platform's colour scheme as it changes;
"light" and "dark" force one, with Qt's Fusion style so every platform looks the same."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def apply_theme(app: QApplication, theme: str) -> None:
    if app.property("system_style") is None:
        app.setProperty("system_style", app.style().name())
    if theme == "system":
        app.setStyle(str(app.property("system_style")))
        app.setPalette(QPalette())
        return
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, "#2b2d31"), (roles.WindowText, "#e6e6e6"),
                        (roles.Base, "#1f2125"), (roles.AlternateBase, "#272a2f"),
                        (roles.ToolTipBase, "#2b2d31"), (roles.ToolTipText, "#e6e6e6"),
                        (roles.Text, "#e6e6e6"), (roles.Button, "#33363b"),
                        (roles.ButtonText, "#e6e6e6"), (roles.BrightText, "#ff6b6b"),
                        (roles.Link, "#6aa9ff"), (roles.Highlight, "#3b82f6"),
                        (roles.HighlightedText, "#ffffff"), (roles.PlaceholderText, "#8b8f96"),
                        (roles.Mid, "#44474d"), (roles.Dark, "#1a1c1f"), (roles.Light, "#44474d")):
        palette.setColor(role, QColor(color))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.Text, roles.ButtonText, roles.WindowText):
        palette.setColor(disabled, role, QColor("#8b8f96"))
    return palette
