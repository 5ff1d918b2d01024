"""Crash recovery: each session autosaves unsaved work; the next start offers it back.

Every running session holds a lock file in the recovery folder and writes
its unsaved design there (a layout file, written atomically, plus a small
JSON note of which file it came from). A clean exit removes all three. A
session that died leaves its files behind with a stale lock, which is how
the next start tells a crashed session from one still running in another
window; the next start also removes the temporary files of a session killed
mid-write. A folder that cannot be written does not stop the app: autosave
says so once (:attr:`Autosaver.failed`) and tries again at the next edit.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from engine.atomic_file import WriteError, make_folder, remove_stale_temps, write_text
from engine.catalog import Catalog
from engine.design import Design
from engine.layout import dumps_design, load_design
from workbench.document.document import Document

AUTOSAVE_EVERY_MS = 60_000
AUTOSAVE_AFTER_EDIT_MS = 1_000


@dataclass(frozen=True)
class Recovered:
    """Unsaved work a crashed session left behind."""

    design_file: Path
    original: Path | None        # the file it was opened from, if any
    saved_at: float              # seconds since the epoch

    @property
    def session(self) -> str:
        return self.design_file.stem


class RecoveryStore:
    """This session's recovery files, and the ones crashed sessions left."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        with contextlib.suppress(WriteError):   # autosave will say so, when it first saves
            make_folder(folder)
        remove_stale_temps(folder)
        self.session = uuid.uuid4().hex[:12]
        self._lock = QLockFile(str(self._path(self.session, ".lock")))
        self._lock.tryLock(0)

    def save(self, design: Design, original: Path | None) -> None:
        """Keep ``design`` (from ``original``) for recovery; raises :class:`WriteError`."""
        write_text(self._path(self.session, ".yaml"), dumps_design(design))
        note = {"original": str(original) if original else None, "saved_at": time.time()}
        write_text(self._path(self.session, ".json"), json.dumps(note))

    def has_saved(self) -> bool:
        return self._path(self.session, ".yaml").exists()

    def clear(self) -> None:
        """Nothing unsaved any more (saved, or undone back to the file)."""
        self._remove(self.session, (".yaml", ".json"))

    def close(self) -> None:
        """A clean exit: this session leaves nothing behind."""
        self.clear()
        self._lock.unlock()

    def orphans(self) -> list[Recovered]:
        """Unsaved work of sessions that are no longer running, newest first."""
        found = []
        for note in self.folder.glob("*.json"):
            session = note.stem
            if session == self.session or not self._path(session, ".yaml").exists():
                continue
            lock = QLockFile(str(self._path(session, ".lock")))
            if not lock.tryLock(0):
                continue                 # still running in another window
            lock.unlock()
            try:
                data = json.loads(note.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
            original = data.get("original") if isinstance(data, dict) else None
            saved_at = data.get("saved_at", 0.0) if isinstance(data, dict) else 0.0
            found.append(Recovered(self._path(session, ".yaml"),
                                   Path(original) if original else None, float(saved_at)))
        return sorted(found, key=lambda r: -r.saved_at)

    def load(self, recovered: Recovered, catalog: Catalog) -> Design:
        return load_design(str(recovered.design_file), catalog)

    def discard(self, recovered: Recovered) -> None:
        self._remove(recovered.session, (".yaml", ".json", ".lock"))

    def _path(self, session: str, suffix: str) -> Path:
        return self.folder / f"{session}{suffix}"

    def _remove(self, session: str, suffixes: tuple[str, ...]) -> None:
        for suffix in suffixes:
            with contextlib.suppress(OSError):
                self._path(session, suffix).unlink()


class Autosaver(QObject):
    """Writes the document to the recovery store a second after edits and every minute."""

    #: Autosave could not write (one line: where and why); sent once until a save succeeds.
    failed = Signal(str)

    def __init__(self, document: Document, store: RecoveryStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self._store = store
        self._unsaved_edits = False
        self._failing = False
        self._after_edit = QTimer(self)
        self._after_edit.setSingleShot(True)
        self._after_edit.setInterval(AUTOSAVE_AFTER_EDIT_MS)
        self._after_edit.timeout.connect(self.save_now)
        self._every = QTimer(self)
        self._every.setInterval(AUTOSAVE_EVERY_MS)
        self._every.timeout.connect(self.save_now)
        self._every.start()
        document.changed.connect(self._on_changed)
        document.modified_changed.connect(self._on_modified_changed)

    def save_now(self) -> None:
        if not (self._doc.is_modified() and self._unsaved_edits):
            return
        try:
            self._store.save(self._doc.file_design, self._doc.path)
        except WriteError as exc:
            if not self._failing:
                self._failing = True
                self.failed.emit(str(exc))
            return
        self._failing = False
        self._unsaved_edits = False

    def _on_changed(self) -> None:
        self._unsaved_edits = True
        self._after_edit.start()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self._after_edit.stop()
            self._unsaved_edits = False
            self._store.clear()
