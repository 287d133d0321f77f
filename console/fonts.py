"""Fonts for Japanese text and emoji.

Listings, members and inquiries are mostly Japanese. On a desktop without a
font that covers Japanese every title would be drawn as boxes, so the console
says so once, with the fix, instead. Emoji in listing titles need nothing
here: Qt falls back to the system's emoji font by itself (fontconfig, Segoe UI
Emoji, Apple Color Emoji). Naming an emoji font among the UI font's families
made digits and spaces take its wide glyphs, as emoji fonts draw those too.
"""

from __future__ import annotations

import logging
import sys

from console.i18n import tr
from console.qt import QFontDatabase
from console.settings import Settings, State
from widgets.banner import Banner

log = logging.getLogger("anzen.console.fonts")

#: A line of Japanese every CJK font draws (kana, kanji, full-width digits).
JAPANESE_SAMPLE = "安全な取引のためにご協力ください。カタカナ１２３"


def japanese_families() -> list[str]:
    """Installed font families that can write Japanese."""
    return [family for family in QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)
            if not QFontDatabase.isPrivateFamily(family)]


def has_japanese_font() -> bool:
    return bool(japanese_families())


def install_command() -> str:
    """The command that installs a Japanese font on this system."""
    if sys.platform == "darwin":
        return tr("macOS ships Japanese fonts (Hiragino); reinstall them from Font Book")
    if sys.platform.startswith("win"):
        return tr("Settings → Time & language → Language → add Japanese (its fonts come with it)")
    return ("sudo apt install fonts-noto-cjk   (Debian/Ubuntu)\n"
            "sudo dnf install google-noto-sans-cjk-fonts   (Fedora)")


def missing_font_notice() -> tuple[str, str]:
    """(text, what to do) when no installed font writes Japanese. In English as
    well as the console's language: without the font, Japanese would be boxes."""
    english = ("No installed font can show Japanese, so Japanese titles and names would appear as boxes.",
               "Install a CJK font, then restart Anzen:\n" + install_command())
    translated = (tr("No installed font can show Japanese, so Japanese titles and names would appear as boxes."),
                  tr("Install a CJK font, then restart Anzen:") + "\n" + install_command())
    if translated[0] == english[0]:
        return english
    return english[0] + "\n" + translated[0], english[1]


def notify_missing_font(settings: Settings, banner: Banner) -> bool:
    """Show the missing-font notice on ``banner`` once per settings file; True when shown now."""
    if has_japanese_font() or settings.get(State.FONT_NOTICE_SHOWN):
        return False
    text, fix = missing_font_notice()
    banner.show_message(f"{text}\n{fix}", kind="warning")
    settings.set(State.FONT_NOTICE_SHOWN, True)
    return True
