"""Typed errors of the engine.

Every error a user can cause says what is wrong and where: the file, the key
path inside it and, when known, the line. The command line prints
``str(error)`` (one line per problem) and exits non-zero; the GUI shows the
same lines in a dialog. Tracebacks are for bugs only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from engine.phrases import Phrase, Template

#: Why a section has no result when the design does not ask for it (NotRequested).
NO_TRAINING_WORKLOAD = Template("no training workload")
NO_SERVING_WORKLOAD = Template("no serving workload")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located by key path and line.

    ``code`` says what sort of rule it breaks (:mod:`engine.rules` lists them),
    so an editor can refuse an edit with a matching error; problems of
    reading a file (a string where a number goes) have none.
    """

    path: str
    message: str
    line: int | None = None
    code: str = ""

    def located(self, file: str | None = None) -> str:
        """The problem as one line: ``file:line: path: message``."""
        where = [part for part in (file, str(self.line) if self.line else None) if part]
        prefix = ":".join(where)
        body = f"{self.path}: {self.message}" if self.path else self.message
        return f"{prefix}: {body}" if prefix else body


class EngineError(Exception):
    """Base of every error the engine raises on purpose."""


def message(error: BaseException) -> str:
    """``str(error)``, except that a phrase it was raised with stays a phrase (so a display
    can write it in the reader's language)."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, Phrase) else str(error)


class NotRequested(EngineError):
    """The design asks nothing of a section (no serving workload, no training workload).

    Recorded as the section's reason, like any error, but it is not a failure:
    :class:`~engine.sections.Evaluation` keeps it apart from ``errors``.
    """


class InputError(EngineError):
    """An input (file, flag, value) is invalid; holds every problem found."""

    def __init__(self, problems: Iterable[Problem], file: str | None = None) -> None:
        self.problems = tuple(problems)
        self.file = file
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(p.located(self.file) for p in self.problems)

    def lines(self) -> list[str]:
        """One self-contained line per problem."""
        return [p.located(self.file) for p in self.problems]


class CatalogError(InputError):
    """A catalog file or entry is invalid."""


class LayoutError(InputError):
    """A layout file is invalid."""


class UnsupportedFormatError(LayoutError):
    """A layout file was written by a newer version, or is not a layout file."""


class InteropError(InputError):
    """A file of another tool (InfraGraph, NCCL topology, nccl-tests, ASTRA-sim) is invalid."""


class LookupFailed(EngineError):
    """A name (accelerator, link, switch, model) is not in the catalog."""


class InfeasibleConfig(EngineError):
    """A parallel configuration cannot run; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)
