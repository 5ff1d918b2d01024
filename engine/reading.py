"""Reading a file a user named: a regular file only, and never more bytes than a limit.

Every file the engine reads (layouts, catalogs, sweep files, other tools' files) comes
through :func:`read_bounded`. A size from ``stat`` alone is not enough: a named pipe
reports 0 bytes and blocks the reader until a writer comes, ``/dev/zero`` reports 0 and
never ends, and a file may grow after it was looked at. So the file is opened without
waiting for a writer, refused unless it is a regular file, and read up to one byte past
the limit.
"""

from __future__ import annotations

import os
import stat

from engine.errors import InputError, Problem

_NOT_REGULAR = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                (stat.S_ISSOCK, "a socket"))
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def read_bounded(path: str | os.PathLike[str], limit: int,
                 error: type[InputError] = InputError) -> bytes:
    """The bytes of ``path``; ``error`` if it is not a regular file, is unreadable or holds
    more than ``limit`` bytes."""
    name = str(path)
    try:
        fd = os.open(path, _FLAGS)
        try:
            status = os.fstat(fd)
            regular = stat.S_ISREG(status.st_mode)
            data = _read(fd, limit + 1) if regular and status.st_size <= limit else b""
        finally:
            os.close(fd)
    except OSError as exc:
        raise error([Problem("", f"cannot read: {exc.strerror or exc}")], name) from None
    if not regular:
        kind = next((what for test, what in _NOT_REGULAR if test(status.st_mode)), "not a file")
        raise error([Problem("", f"is {kind}, not a regular file")], name)
    if status.st_size > limit or len(data) > limit:
        size = f"{status.st_size / 2**20:.1f} MiB" if status.st_size > limit else "growing"
        raise error([Problem("", f"file is {size}, over the {limit / 2**20:g} MiB limit")],
                    name)
    return data


def _read(fd: int, most: int) -> bytes:
    """Up to ``most`` bytes of ``fd``, fewer at its end."""
    chunks, left = [], most
    while left > 0:
        chunk = os.read(fd, min(left, 2**20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
