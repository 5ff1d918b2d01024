"""Typed errors for edits the document refuses.

The document checks every edit before applying it and raises one of these;
the UI asks first (``Document.check``) and shows ``str(error)``, a sentence a
user can act on, in the status bar or the inspector.
"""

from __future__ import annotations


class EditError(Exception):
    """An edit that would make the design invalid."""


class DuplicateIdError(EditError):
    """Another item of the same kind already has this id."""


class UnknownIdError(EditError):
    """An id names no node, link or group of the design."""


class UnknownHardwareError(EditError):
    """A catalog id names no accelerator, switch or link type."""


class IncompatibleLinkError(EditError):
    """A link's type cannot connect to one of its ends (or its pattern does not fit)."""


class InvalidValueError(EditError):
    """A count, position or override is out of range."""


class StillReferencedError(EditError):
    """A node still has links, or a group still has members."""
