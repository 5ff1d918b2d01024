"""Reading another tool's file with a size limit, as one-line errors.

The same checks as the layout reader's (:mod:`engine.reading`: a regular
file, read up to a limit), with this package's error; text must be UTF-8.
"""

from __future__ import annotations

import os

from engine.errors import InteropError, Problem
from engine.reading import read_bounded


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of ``path``; :class:`InteropError` if it is not a regular file, is
    unreadable or is over ``limit``."""
    return read_bounded(path, limit, InteropError)


def decode(data: bytes, file: str) -> str:
    """``data`` as UTF-8 text; :class:`InteropError` naming the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InteropError([Problem("", f"not UTF-8 text (byte {exc.start})")], file) from None
