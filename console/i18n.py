"""The console's languages, through Qt's translation system.

Every user-visible string of ``console/``, ``widgets/`` and ``resources/`` is
written in English inside :func:`tr` (or :func:`QT_TR_NOOP` where a constant
is declared and :func:`tr` is applied where it is shown). ``pyside6-lupdate``
collects them into ``resources/translations/anzen_ja.ts``; ``pyside6-lrelease``
builds the ``.qm`` that :func:`install` loads with a ``QTranslator``, together
with Qt's own ``qtbase_ja`` for the standard dialogs (Picard loads its Qt
translations the same way). ``tests/console/test_translations.py`` keeps the
``.qm`` current with the ``.ts`` and the ``.ts`` complete.

All strings share one translation context (the empty one, which lupdate gives
a bare ``tr("…")`` call): the same English words read the same everywhere, and
a string that must read differently in two places carries a disambiguation
(``tr("Open", "inquiry status")``).

Placeholders are ``{name}`` fields filled with :meth:`str.format` after
translation, so a translator can move them: ``tr("Signed in as {user}").format(user=…)``.

Codes the service sends (statuses, policies, error codes) are worded here in
the console: see :mod:`widgets.wording`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from console.qt import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("anzen.console.i18n")

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
#: The settings value -> what it means; "system" follows the desktop's locale.
LANGUAGE_CHOICES = ("system", "ja", "en")
#: Languages the console is translated into, besides its source English.
TRANSLATED = ("ja",)
#: Translation context of every string (see the module docstring).
CONTEXT = ""

_installed: list[QTranslator] = []
_current = "en"


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the console's language (English when there is no translation)."""
    return QCoreApplication.translate(CONTEXT, text, disambiguation)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 — the name lupdate looks for
    """Mark ``text`` for translation where it is declared; :func:`tr` it where it is shown."""
    return text


def language_name(code: str) -> str:
    """How a language is offered in the language menu: in its own words."""
    return {"system": tr("System default"), "ja": "日本語", "en": "English"}.get(code, code)


def system_language(locale: QLocale | None = None) -> str:
    """``"ja"`` when the desktop's locale is Japanese, else ``"en"``."""
    locale = locale or QLocale.system()
    for name in [locale.name(), *locale.uiLanguages()]:
        if name.replace("_", "-").lower().split("-")[0] == "ja":
            return "ja"
    return "en"


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language a setting means: ``"ja"`` or ``"en"``."""
    if choice in ("ja", "en"):
        return choice
    return system_language(locale)


def current_language() -> str:
    """The language installed last by :func:`install` (``"en"`` before)."""
    return _current


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"anzen_{language}.qm"


def install(choice: str = "system", app: QCoreApplication | None = None) -> str:
    """Load the translators for ``choice`` (replacing any loaded before);
    returns the language in use. Widgets made afterwards speak it."""
    global _current
    app = app or QCoreApplication.instance()
    language = resolve(choice)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language in TRANSLATED:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, directory in ((f"qtbase_{language}", qt_dir), (f"anzen_{language}", str(TRANSLATIONS_DIR))):
            translator = QTranslator(app)
            if translator.load(name, directory):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("no translation %s in %s", name, directory)
        QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    _current = language
    return language


def trn(n: int, one: str, many: str, **fields: object) -> str:
    """``one`` or ``many`` (both marked with :func:`QT_TR_NOOP`) by ``n``,
    translated and filled in with ``n`` and ``fields``. Japanese has one
    form; English picks by number."""
    return tr(one if n == 1 else many).format(n=n, **fields)
