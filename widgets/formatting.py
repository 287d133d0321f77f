"""How service values read in the console: yen, local times, statuses."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from widgets import wording


def yen(value: Any) -> str:
    """JPY prices are integers: ``12800`` -> ``¥12,800``."""
    if value is None or value == "":
        return ""
    try:
        return f"¥{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


#: The staff member's time zone (``Options.TIME_ZONE``; JST unless changed).
DEFAULT_ZONE = "Asia/Tokyo"
_zone: tzinfo = ZoneInfo(DEFAULT_ZONE)


def set_time_zone(name: str) -> None:
    """Show times in the IANA zone ``name`` (unknown names keep JST)."""
    global _zone
    try:
        _zone = ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        _zone = ZoneInfo(DEFAULT_ZONE)


def time_zone() -> tzinfo:
    return _zone


def _stamp(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:  # the service sends UTC
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.astimezone(_zone)


def zone_name(stamp: datetime | None = None) -> str:
    """The zone's abbreviation ("JST"), or its UTC offset when it has none."""
    stamp = stamp or datetime.now(_zone)
    name = stamp.strftime("%Z")
    return name if name and not name.startswith(("+", "-")) else "UTC" + stamp.strftime("%z")[:3]


def when(value: Any) -> str:
    """An ISO timestamp in the staff member's zone, to the minute and labelled:
    ``2026-11-20 19:00 JST``. The one date-time format of the console."""
    stamp = _stamp(value)
    if stamp is None:
        return "" if not value else str(value)
    return f"{stamp:%Y-%m-%d %H:%M} {zone_name(stamp)}"


def day(value: Any) -> str:
    """The date alone, in the staff member's zone: ``2026-11-20``."""
    stamp = _stamp(value)
    if stamp is None:
        return "" if not value else str(value)[:10]
    return f"{stamp:%Y-%m-%d}"


def clock(value: Any) -> str:
    """The time of day alone, labelled: ``19:00 JST``."""
    stamp = _stamp(value)
    if stamp is None:
        return "" if not value else str(value)
    return f"{stamp:%H:%M} {zone_name(stamp)}"


def label(value: Any) -> str:
    """A service code in the console's words: ``waiting_on_member`` -> "waiting on member"."""
    return wording.label(value)


def fold(text: Any) -> str:
    """Text as the console compares it: full-width and half-width alike (NFKC),
    case ignored, katakana read as hiragana (ペツル and ぺつる sort and match together)."""
    folded = unicodedata.normalize("NFKC", "" if text is None else str(text)).casefold()
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in folded)


def search_text(text: str) -> str:
    """A search box's text as sent to the service: trimmed, widths normalised
    (ＭＸ－Ｘ４８ -> MX-X48); the service folds kana and scripts itself."""
    return unicodedata.normalize("NFKC", text).strip()


def person(name: Any) -> str:
    """A person's name as the service holds it. Japanese names are stored
    family name first (田中 葵), which is how they are shown; nothing is reordered."""
    return "" if name is None else str(name)


def score(value: Any) -> str:
    try:
        return f"{float(value):.2f}"
    except (TypeError, ValueError):
        return "" if value is None else str(value)


def reasons(value: Any) -> str:
    """Detector reasons: strings, or objects with a human-readable text."""
    if not value:
        return ""
    if isinstance(value, str):
        return value
    parts = []
    for reason in value:
        if isinstance(reason, dict):
            text = reason.get("text") or reason.get("message") or reason.get("reason") or reason.get("signal")
            parts.append(str(text if text is not None else reason))
        else:
            parts.append(str(reason))
    return "; ".join(parts)
