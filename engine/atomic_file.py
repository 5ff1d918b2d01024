"""Files written whole or not at all: every file the app writes goes through here.

A write goes to a temporary file beside the target (so the rename stays on one
file system), is flushed to disk, then renamed over the target: a crash, a kill
or a full disk leaves the old file or the new one, never part of one, and the
temporary file is removed on any failure. A killed writer cannot remove its
own temporary file, so temporaries carry the writer's process id in a name of
their own (``.NAME.cwPID-XXXXXXXX.tmp``) and the next write beside them, or
the app's next start, removes those whose writer is gone.

What users expect of a save is kept too: a symlink is written through to its
target (the link stays a link), a read-only file is refused rather than
replaced, a new file gets the usual mode (0666 less the umask, which the
kernel applies because the temporary file is created with 0666) and an
existing file keeps its mode and, where allowed, its owner.

Every failure is a :class:`WriteError` of one line that names the file and
says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from engine.errors import EngineError

_TEMP = re.compile(r"^\..*\.cw(\d+)-[0-9a-f]{8}\.tmp$")
_NAME_KEPT = 160             # of the target's name in a temporary's, so it stays under 255


class WriteError(EngineError):
    """A file could not be written; the message is one line: the file, why, what to do."""


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace (or create) ``path`` with ``data``, atomically."""
    with AtomicFile(path) as out:
        out.file.write(data)


def write_text(path: str | os.PathLike[str], text: str) -> None:
    """Replace (or create) ``path`` with ``text`` as UTF-8, atomically."""
    write_bytes(path, text.encode("utf-8"))


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise :class:`WriteError` now if ``path`` is sure to be refused, so a long job
    (a report, a render) fails before it starts rather than after."""
    target = _resolved(Path(path))
    _existing_mode(Path(path), target)
    if not target.parent.is_dir():
        missing = errno.ENOTDIR if target.parent.exists() else errno.ENOENT
        raise WriteError(_message(Path(path), OSError(missing, os.strerror(missing)),
                                  target.parent))


def make_folder(folder: str | os.PathLike[str]) -> None:
    """Create ``folder`` and its parents if missing (for outputs that are folders)."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise WriteError(f"{path}: cannot create: it is a file, not a folder; "
                         "choose another name") from None
    except OSError as exc:
        raise WriteError(_message(path, exc, _nearest_existing(path.parent), "create")) from None


def remove_stale_temps(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files in ``folder`` whose writer is no longer running
    (killed mid-write); returns what was removed."""
    try:
        with os.scandir(folder) as entries:
            stale = [Path(e.path) for e in entries
                     if (match := _TEMP.match(e.name)) and not _running(int(match.group(1)))]
    except OSError:
        return []
    removed = []
    for temp in stale:
        with contextlib.suppress(OSError):
            temp.unlink()
            removed.append(temp)
    return removed


class AtomicFile:
    """A replacement of ``path`` being written: bytes go to :attr:`file` (or a library
    writes :attr:`temp` by name); :meth:`commit` puts it in place, :meth:`discard`
    drops it. As a context manager it commits on success and discards on any
    exception, which it raises as a :class:`WriteError` when it is an ``OSError``.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.target = _resolved(self.path)
        existing = _existing_mode(self.path, self.target)
        remove_stale_temps(self.target.parent)
        name = f".{self.target.name[:_NAME_KEPT]}.cw{os.getpid()}-{secrets.token_hex(4)}.tmp"
        self.temp = self.target.with_name(name)
        try:
            fd = os.open(self.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise WriteError(_message(self.path, exc, self.target.parent)) from None
        try:
            if existing is not None:
                os.fchmod(fd, stat.S_IMODE(existing.st_mode))
                if (existing.st_uid, existing.st_gid) != (os.getuid(), os.getgid()):
                    with contextlib.suppress(OSError):
                        os.fchown(fd, existing.st_uid, existing.st_gid)
        except BaseException:
            os.close(fd)
            self._unlink_temp()
            raise
        self.file: BinaryIO = os.fdopen(fd, "wb")

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
            return
        self.discard()
        if isinstance(exc, OSError):
            raise WriteError(_message(self.path, exc, self.target.parent)) from None

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Writing to :attr:`file` or :attr:`temp` inside this block: an ``OSError``
        (a full disk) drops the temporary file and becomes a :class:`WriteError`."""
        try:
            yield
        except OSError as exc:
            self.discard()
            raise WriteError(_message(self.path, exc, self.target.parent)) from None

    def commit(self) -> None:
        """Flush the file to disk and rename it over the target."""
        with self.errors():
            if self.file.closed:           # a wrapper (a text writer) closed it: sync by name
                fd = os.open(self.temp, os.O_RDONLY | os.O_CLOEXEC)
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
            else:
                self.file.flush()
                os.fsync(self.file.fileno())
                self.file.close()
            os.replace(self.temp, self.target)
        _sync_folder(self.target.parent)

    def discard(self) -> None:
        """Drop the temporary file; the target is left as it was."""
        with contextlib.suppress(OSError):
            self.file.close()
        self._unlink_temp()

    def _unlink_temp(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temp)


def _resolved(path: Path) -> Path:
    """Where the bytes go: through symlinks (a dangling one makes its target)."""
    return Path(os.path.realpath(path))


def _existing_mode(path: Path, target: Path) -> os.stat_result | None:
    """The target's status if it exists; refuse what must not be replaced."""
    try:
        status = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WriteError(_message(path, exc, target.parent)) from None
    if not stat.S_ISREG(status.st_mode):
        what = "a folder" if stat.S_ISDIR(status.st_mode) else "not a regular file"
        raise WriteError(f"{path}: cannot write: it is {what}; give a file name")
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError(f"{path}: cannot write: the file is read-only; make it writable "
                         "or choose another name")
    return status


def _message(path: Path, exc: OSError, folder: Path, verb: str = "write") -> str:
    """One line: ``path: cannot write: why; what to do``."""
    if exc.errno == errno.ENOENT and not folder.exists():
        why = f"there is no folder {folder}; create it or choose another folder"
    elif exc.errno == errno.ENOENT:
        why = f"{folder} does not take new files; choose another folder"
    elif exc.errno == errno.ENOTDIR:
        why = f"{_nearest_existing(folder)} is a file, not a folder; choose another folder"
    elif exc.errno in (errno.EACCES, errno.EPERM):
        why = f"no permission to write in {folder}; choose another folder"
    elif exc.errno == errno.EROFS:
        why = f"{folder} is on a read-only disk; choose another folder"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full; free some space or choose another disk"
    elif exc.errno == errno.EFBIG:
        why = "the file is larger than this disk or process allows; choose another disk"
    else:
        why = f"{(exc.strerror or str(exc)).lower()} (in {folder})"
    return f"{path}: cannot {verb}: {why}"


def _nearest_existing(folder: Path) -> Path:
    """``folder`` or the nearest of its parents that exists (a file, when a write
    failed with ENOTDIR)."""
    for part in (folder, *folder.parents):
        if part.exists():
            return part
    return folder


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True                      # someone else's process: alive
    except (OverflowError, ValueError):
        return False
    return True


def _sync_folder(folder: Path) -> None:
    """The rename itself on disk (best effort: some file systems cannot sync a folder)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
