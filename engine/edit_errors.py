"""Typed errors for edits the document refuses.

The document checks every edit with the design's rules (:mod:`engine.rules`)
before applying it and raises one of these for the first problem found, the
class chosen by the problem's code; the UI shows ``str(error)``, a sentence a
user can act on, in the status bar or the inspector.
"""

from __future__ import annotations

import re

from engine import rules
from engine.design import Design
from engine.errors import Problem
from engine.estimates import REGISTRY
from engine.settings import leaves


class EditError(Exception):
    """An edit that would make the design invalid."""


class DuplicateIdError(EditError):
    """Another item of the same kind already has this id."""


class UnknownIdError(EditError):
    """An id names no node, link or group of the design."""


class UnknownHardwareError(EditError):
    """A catalog id names no accelerator, switch, link type or model."""


class IncompatibleLinkError(EditError):
    """A link's type cannot connect to one of its ends (or its torus does not fit)."""


class InvalidValueError(EditError):
    """A count, position, setting or override is out of range."""


class StillReferencedError(EditError):
    """A node still has links, or a group still has members."""


_ERRORS: dict[str, type[EditError]] = {
    rules.VALUE: InvalidValueError, rules.DUPLICATE: DuplicateIdError,
    rules.REFERENCE: UnknownIdError, rules.CATALOG: UnknownHardwareError,
    rules.INCOMPATIBLE: IncompatibleLinkError}
_ITEM = re.compile(r"^(groups|nodes|links)\[(\d+)\](?:\.(.*))?$")


def refusal(design: Design, problem: Problem) -> EditError:
    """The error refusing an edit that would give ``design``, which has ``problem``."""
    return _ERRORS.get(problem.code, InvalidValueError)(
        f"{_subject(design, problem.path)}: {problem.message}")


def _subject(design: Design, path: str) -> str:
    """What a key path names, in the words the window uses: ``Server 1 replicas``."""
    match = _ITEM.match(path)
    if match:
        item = getattr(design, match.group(1))[int(match.group(2))]
        label = getattr(item, "name", "") or item.id
        return f"{label} {match.group(3)}" if match.group(3) else label
    return _setting_labels().get(path, path)


def _setting_labels() -> dict[str, str]:
    return {".".join((settings.key, *leaf.path)): leaf.field.info.label
            for settings in REGISTRY.settings_sections() for leaf in leaves(settings.cls)}
