"""Which language the workbench speaks, and the switch to another while it runs.

The translations are Qt's: ``zh_CN.ts`` beside this module is kept with
``pyside6-lupdate`` and compiled to ``zh_CN.qm`` with ``pyside6-lrelease``
(``make translations``); the ``.qm`` is committed and shipped as package data,
so ``pip install .`` has it without Qt's tools at build time, and a test
fails when it falls behind the ``.ts``. Qt's own ``qtbase`` translation
(standard buttons and dialogs) is loaded beside ours when Qt ships it.

"system" follows the system's locale (the first start's choice); a language
set while the window is open applies at once: installing a translator sends
``LanguageChange``, and every part re-sets its texts
(:func:`widgets.language.follow_language`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from engine.design import CostSettings, Design
from widgets.content import texts
from workbench.i18n.codes import CHINESE, ENGLISH, LANGUAGES

HERE = Path(__file__).parent
_OURS = "workbench-translator"
_PROPERTY = "workbench-language"


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language ``choice`` means: itself, or for "system" (and anything unknown) Chinese
    where the system's locale is Chinese, else English."""
    if choice in LANGUAGES:
        return choice
    locale = system if system is not None else QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def translation_file(language: str) -> Path:
    """The compiled translation of ``language`` shipped with the package."""
    return HERE / f"{language}.qm"


def use_language(language: str) -> str:
    """Speak ``language`` from now on (an application object is made if there is none);
    returns it. English removes the translators (the texts are the source texts). Each
    installed or removed translator sends ``LanguageChange``."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: choose one of "
                         f"{', '.join(LANGUAGES)}")
    app = QCoreApplication.instance() or QCoreApplication([])
    for old in app.findChildren(QTranslator, _OURS):
        QCoreApplication.removeTranslator(old)
        old.deleteLater()
    texts.use(QCoreApplication.translate)
    app.setProperty(_PROPERTY, language)
    if language == ENGLISH:
        return language
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_folder), (language, str(HERE))):
        translator = QTranslator(app)
        translator.setObjectName(_OURS)
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
        elif folder == str(HERE):
            raise FileNotFoundError(f"{translation_file(language)}: translation missing; "
                                    "run make translations")
    return language



def translator(language: str) -> Callable[..., str]:
    """``QCoreApplication.translate`` speaking ``language`` (for the command line, which
    imports no Qt until it needs to)."""
    use_language(language)
    return QCoreApplication.translate


def current_language() -> str:
    """The language the workbench speaks now (English until one is chosen)."""
    app = QCoreApplication.instance()
    language = app.property(_PROPERTY) if app is not None else None
    return language if language in LANGUAGES else ENGLISH


def has_chinese_font() -> bool:
    """Some installed font writes Simplified Chinese (else its texts are drawn as boxes)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def new_design() -> Design:
    """A new design in the language's money: CNY where the workbench speaks Chinese."""
    if current_language() == CHINESE:
        return Design(cost=CostSettings(currency="CNY"))
    return Design()
