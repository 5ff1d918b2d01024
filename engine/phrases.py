"""Texts the engine writes with values in them, kept so that a display can write them in
another language.

The engine writes English. A :class:`Phrase` is that English text (a ``str``: it goes
wherever a text goes, JSON and the command line included) that also keeps the
:class:`Template` it was written from and the values put in it, so a view translates the
template and puts in the same values (:meth:`Phrase.said`) instead of taking the English
apart. Values that are phrases are said too; other values (numbers, ids, names) stay as
written. Declaring a template lists it in :data:`TEMPLATES`, from which
``workbench/i18n/engine_texts.py`` is generated for the translators.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

#: Every declared template's text, in the order the modules declared them.
TEMPLATES: dict[str, None] = {}


class Template:
    """An English text with ``{name}`` fields, written by calling it with their values."""

    def __init__(self, text: str) -> None:
        self.text = text
        TEMPLATES[text] = None

    def __call__(self, **values: Any) -> Phrase:
        return Phrase(self.text, values)

    def __repr__(self) -> str:
        return f"Template({self.text!r})"


class Phrase(str):
    """The English text of ``template`` with ``values`` put in (module docstring)."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, values: dict[str, Any]) -> Phrase:
        phrase = super().__new__(cls, template.format(**values))
        phrase.template, phrase.values = template, values
        return phrase

    def said(self, say: Callable[[str], str]) -> str:
        """The text in the reader's language: ``say`` gives a template in that language."""
        return say(self.template).format(**{
            name: value.said(say) if isinstance(value, Phrase) else value
            for name, value in self.values.items()})

    def __reduce__(self) -> tuple[type[Phrase], tuple[str, dict[str, Any]]]:
        return Phrase, (self.template, self.values)


AND = Template("{first}; {second}")


def joined(texts: Iterable[str]) -> str:
    """The texts that are not empty, one after another: ``a; b; c``."""
    out = ""
    for text in texts:
        out = AND(first=out, second=text) if out and text else out or text
    return out
