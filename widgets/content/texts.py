"""Texts in the language the person reads, for the Qt-free views (tiles, comparison cells,
the report's rows).

These modules run without Qt (tests, the report's plain data), so they cannot
call ``QCoreApplication.translate`` themselves. They call :func:`translate`
instead, which is that function once the application has chosen a language
(:func:`use`) and gives the English text back until then. ``pyside6-lupdate``
finds ``translate("Context", "text")`` calls by name, so these texts reach
the ``.ts`` file like any other.
"""

from __future__ import annotations

from collections.abc import Callable

from engine.phrases import Phrase

Translator = Callable[..., str]


def _english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text


_translator: Translator = _english


def use(translator: Translator) -> None:
    """Translate through ``translator`` (``QCoreApplication.translate``) from now on."""
    global _translator
    _translator = translator


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` of ``context`` in the chosen language (as ``QCoreApplication.translate``)."""
    return _translator(context, text, disambiguation, n)


def engine_text(text: str) -> str:
    """A text the engine wrote (a figure's label, a section's name, a unit, a
    :class:`~engine.phrases.Phrase` with its values), translated where the catalogue
    (``workbench/i18n/engine_texts.py``) lists it."""
    if isinstance(text, Phrase):
        return text.said(_engine_template)
    return _engine_template(text) if text else text


def _engine_template(text: str) -> str:
    return _translator("engine", text, None, -1)
