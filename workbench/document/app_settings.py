"""What the workbench remembers between runs (QSettings): recent files, window layout, theme,
language, the canvas heat overlay.

The settings object is passed in, never looked up globally, so tests give
each window a throw-away file and never touch the user's own settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "cluster-workbench"
APPLICATION = "Cluster Workbench"
MAX_RECENT = 10


def user_settings() -> QSettings:
    """The user's own settings store."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION,
                     APPLICATION)


class AppSettings:
    """Typed access to the keys the workbench uses."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def recent_files(self) -> list[Path]:
        value = self.store.value("recent_files", [])
        values = [value] if isinstance(value, str) else list(value or [])
        return [Path(v) for v in values]

    def add_recent(self, path: Path) -> None:
        paths = [p for p in self.recent_files() if p != path.resolve()]
        self.store.setValue("recent_files",
                            [str(p) for p in [path.resolve(), *paths][:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        self.store.setValue("recent_files", [str(p) for p in self.recent_files() if p != path])

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.store.value("window/geometry"), self.store.value("window/state")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def theme(self) -> str:
        return str(self.store.value("theme", "system"))

    def set_theme(self, theme: str) -> None:
        self.store.setValue("theme", theme)

    def language(self) -> str:
        """The View > Language choice: "system" (the first start's), "en" or "zh_CN"."""
        return str(self.store.value("language", "system"))

    def set_language(self, language: str) -> None:
        self.store.setValue("language", language)

    def heat_overlay(self) -> bool:
        return str(self.store.value("heat_overlay", "false")).lower() == "true"

    def set_heat_overlay(self, on: bool) -> None:
        self.store.setValue("heat_overlay", on)
