"""The hardware and model catalog: shipped YAML files, user additions, lookups."""

from engine.catalog.loader import load_catalog, user_catalog_dir
from engine.catalog.registry import Catalog, name_key
from engine.catalog.specs import (
    AcceleratorSpec,
    CloudPrice,
    LinkSpec,
    ModelSpec,
    PricePoint,
    Provenance,
    SwitchSpec,
)

__all__ = [
    "AcceleratorSpec",
    "Catalog",
    "CloudPrice",
    "LinkSpec",
    "ModelSpec",
    "PricePoint",
    "Provenance",
    "SwitchSpec",
    "load_catalog",
    "name_key",
    "user_catalog_dir",
]
