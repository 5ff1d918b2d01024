"""Reading another tool's file with a size limit, as one-line errors.

The layout reader has its own (engine/yamlio.py); these are the same checks
for files that are not YAML layouts: the size is looked at before the file
is read, and text must be UTF-8.
"""

from __future__ import annotations

import os
from pathlib import Path

from engine.errors import InteropError, Problem


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of ``path``; :class:`InteropError` if it is unreadable or over ``limit``."""
    name = str(path)
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise InteropError([Problem("", f"file is {size / 2**20:.1f} MiB, over the "
                                        f"{limit / 2**20:g} MiB limit")], name)
        return Path(path).read_bytes()
    except OSError as exc:
        raise InteropError([Problem("", f"cannot read: {exc.strerror or exc}")], name) from None


def decode(data: bytes, file: str) -> str:
    """``data`` as UTF-8 text; :class:`InteropError` naming the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InteropError([Problem("", f"not UTF-8 text (byte {exc.start})")], file) from None
