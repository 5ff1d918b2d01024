"""The one place an importer's design is validated before anyone sees it.

A design an importer builds keeps every rule a layout file keeps: the one
rule set (:func:`engine.rules.problems`) the layout reader, the document's
edits and the command line ask. Problems are reported against the imported
file with the design's key paths (``links[2].type``): the importer named
the elements after the file's, so the user can find them there.
"""

from __future__ import annotations

from engine.catalog import Catalog, load_catalog
from engine.design import Design
from engine.errors import InteropError, Problem
from engine.rules import problems


def checked_design(design: Design, file: str, catalog: Catalog | None = None) -> Design:
    """``design`` if it keeps every rule; else :class:`InteropError` naming each problem."""
    found = problems(design, catalog or load_catalog())
    if found:
        raise InteropError([Problem(p.path, f"the imported design breaks a rule: {p.message}",
                                    code=p.code) for p in found], file)
    return design
