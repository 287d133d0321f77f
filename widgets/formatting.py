"""How service values read in the console: yen, local times, statuses."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def yen(value: Any) -> str:
    """JPY prices are integers: ``12800`` -> ``¥12,800``."""
    if value is None or value == "":
        return ""
    try:
        return f"¥{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def when(value: Any) -> str:
    """An ISO timestamp in the desk's local time, to the minute."""
    if not value:
        return ""
    try:
        stamp = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone()
    return stamp.strftime("%Y-%m-%d %H:%M")


def label(value: Any) -> str:
    """``waiting_on_member`` -> ``waiting on member``."""
    return "" if value is None else str(value).replace("_", " ")


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
