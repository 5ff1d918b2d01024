"""Layout files: the versioned YAML form of a :class:`~engine.design.Design`."""

from engine.layout.reader import (
    FORMAT_VERSION,
    calibrated,
    catalog_for,
    load_design,
    loads_design,
    read_settings,
)
from engine.layout.writer import dumps_design, save_design, settings_data

__all__ = [
    "FORMAT_VERSION",
    "calibrated",
    "catalog_for",
    "dumps_design",
    "load_design",
    "loads_design",
    "read_settings",
    "save_design",
    "settings_data",
]
