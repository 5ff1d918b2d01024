"""Texts that follow the language the person chose, while the window stays open.

Each part that shows texts sets them in one function and hands it to
:func:`follow_language`: it runs now and again after every change of
language (Qt's ``LanguageChange``, which installing or removing a
translator sends to the application). It is dropped when its owner is
destroyed. This works alike for widgets, for actions and for the
controllers that fill widgets from data (they re-show what they last
showed), so nothing is rebuilt: the document, its undo history, the
selection and the panels stay as they are.

One watcher per application filters the application's events and calls
the functions in the order they were given.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

_NAME = "workbench-language-watcher"


class _Watcher(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_NAME)
        self._texts: dict[int, tuple[weakref.ref[QObject], Callable[[], None]]] = {}
        self._keys = itertools.count()
        app.installEventFilter(self)

    def add(self, owner: QObject, apply: Callable[[], None]) -> None:
        key = next(self._keys)
        self._texts[key] = (weakref.ref(owner), apply)
        owner.destroyed.connect(lambda _=None: self._texts.pop(key, None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is self.parent():
            for key, (owner, apply) in list(self._texts.items()):
                alive = owner()
                if alive is not None and shiboken6.isValid(alive):
                    apply()
                else:           # gone without a word (its wrapper was collected)
                    self._texts.pop(key, None)
        return False


def follow_language(owner: QObject, apply: Callable[[], None]) -> None:
    """Run ``apply`` (which sets ``owner``'s texts) now and after every change of language,
    for as long as ``owner`` lives. ``owner`` is what ``apply`` writes on, or an object
    that dies no later: a text set on a widget already gone crashes Qt."""
    apply()
    app = QCoreApplication.instance()
    if app is None:
        return
    watcher = app.findChild(_Watcher, _NAME)
    if watcher is None:
        watcher = _Watcher(app)
    watcher.add(owner, apply)
