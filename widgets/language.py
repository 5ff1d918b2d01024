"""Texts that follow the language the person chose, while the window stays open.

Each part that shows texts sets them in one function and hands it to
:func:`follow_language`: it runs now and again after every change of
language (Qt's ``LanguageChange``, which installing or removing a
translator sends to the application). It is dropped when its owner is
destroyed. This works alike for widgets, for actions and for the
controllers that fill widgets from data (they re-show what they last
showed), so nothing is rebuilt: the document, its undo history, the
selection and the panels stay as they are.

A change of language is made inside :func:`one_change` (installing or
removing translators there: Qt's own and ours, each sending
``LanguageChange``); the texts are set once, after the last. One watcher per
application calls the functions in the order they were given; it filters the
application's events only inside :func:`one_change`, because a Python filter
on every event of the application makes the UI thread wait for the
interpreter lock once per event while an analysis runs on a worker thread
(about 160 ms of a 5,000-node edit).
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

_NAME = "workbench-language-watcher"


class _Watcher(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_NAME)
        self._texts: dict[int, tuple[weakref.ref[QObject], Callable[[], None]]] = {}
        self._keys = itertools.count()
        self.held = 0                # depth of one_change blocks: note changes, set texts after
        self.pending = False

    def add(self, owner: QObject, apply: Callable[[], None]) -> None:
        key = next(self._keys)
        self._texts[key] = (weakref.ref(owner), apply)
        owner.destroyed.connect(lambda _=None: self._texts.pop(key, None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is self.parent():
            self.pending = True
        return False

    def apply_all(self) -> None:
        for key, (owner, apply) in list(self._texts.items()):
            alive = owner()
            if alive is not None and shiboken6.isValid(alive):
                apply()
            else:               # gone without a word (its wrapper was collected)
                self._texts.pop(key, None)


def _watcher() -> _Watcher | None:
    app = QCoreApplication.instance()
    if app is None:
        return None
    watcher = app.findChild(_Watcher, _NAME)
    return watcher if watcher is not None else _Watcher(app)


@contextmanager
def one_change() -> Iterator[None]:
    """Translators installed and removed in the block are one change of language: every
    part sets its texts once, at the end. Outside such a block a new translator changes
    no text already shown."""
    watcher = _watcher()
    if watcher is None:
        yield
        return
    app = watcher.parent()
    if not watcher.held:
        app.installEventFilter(watcher)
    watcher.held += 1
    try:
        yield
    finally:
        watcher.held -= 1
        if not watcher.held:
            app.removeEventFilter(watcher)
            if watcher.pending:
                watcher.pending = False
                watcher.apply_all()


def follow_language(owner: QObject, apply: Callable[[], None]) -> None:
    """Run ``apply`` (which sets ``owner``'s texts) now and after every change of language,
    for as long as ``owner`` lives. ``owner`` is what ``apply`` writes on, or an object
    that dies no later: a text set on a widget already gone crashes Qt."""
    apply()
    watcher = _watcher()
    if watcher is not None:
        watcher.add(owner, apply)
