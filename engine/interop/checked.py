"""The one place an importer's design is validated before anyone sees it.

A design an importer builds must pass every rule a layout file must. Until
the engine has one rule set callable on a :class:`~engine.design.Design`,
the rules are the layout reader's: the design is written as layout text and
read back, which runs them all. Problems are reported against the imported
file (their key paths are the design's, the lines of the text are not
meaningful to the user, so they are dropped).
"""

from __future__ import annotations

from engine.catalog import Catalog
from engine.design import Design
from engine.errors import InteropError, LayoutError, Problem
from engine.layout import dumps_design, loads_design


def checked_design(design: Design, file: str, catalog: Catalog | None = None) -> Design:
    """``design`` as the layout reader reads it; :class:`InteropError` if any rule fails."""
    try:
        return loads_design(dumps_design(design), file, catalog)
    except LayoutError as exc:
        raise InteropError([Problem(p.path, f"the imported design breaks a rule: {p.message}")
                            for p in exc.problems], file) from None
