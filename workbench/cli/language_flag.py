"""``--lang``: the language of what ``report``, ``render`` and ``compare`` write for people
(the command line's own messages stay English)."""

from __future__ import annotations

import argparse

from workbench.i18n.codes import ENGLISH, LANGUAGES


def add_language_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=ENGLISH,
                        help="language of the headings, rows and verdicts (default en)")


def english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The text as written (the translation when the language is English)."""
    return text
