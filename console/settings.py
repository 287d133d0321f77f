"""Every persisted setting, declared once with its default (Picard's
``options.py`` style).

User choices (:class:`Options`) and remembered UI state (:class:`State`:
geometry, dock layout, column widths) live in separate groups, so "reset
layout" never touches a choice and a choice is never mistaken for state.
Nothing else in the console spells a settings key.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs

from console.qt import QByteArray, QSettings

T = TypeVar("T")

#: Points the console at another settings file (tests, benchmarks, a kiosk desk).
SETTINGS_PATH_ENV = "ANZEN_CONSOLE_SETTINGS"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One persisted value: its key, default and how it is stored."""

    key: str
    default: T
    #: "bool", "int", "str", "bytes" or "json" (dicts/lists stored as text so
    #: the ini file stays readable and hand-editable).
    kind: str = "str"


class Options:
    """Choices the user makes."""

    #: "system" follows the desktop's light/dark scheme; "light" or "dark" force one.
    THEME = Option("options/theme", "system")
    #: "system" (Japanese when the desktop's locale is Japanese, else English), "ja" or "en".
    LANGUAGE = Option("options/language", "system")
    #: IANA time zone every date and time is shown in (labelled, e.g. "JST").
    TIME_ZONE = Option("options/time_zone", "Asia/Tokyo")
    #: Action id -> key sequence text, overriding the defaults in ``console.actions``.
    SHORTCUTS: Option[dict[str, str]] = Option("options/shortcuts", {}, "json")
    #: Rows asked for per page of a list (the service allows 1..200).
    PAGE_SIZE = Option("options/page_size", 100, "int")
    #: How often the connection is checked while online, in milliseconds.
    HEALTH_INTERVAL_MS = Option("options/health_interval_ms", 5000, "int")
    #: How often the queue asks the service what changed, in milliseconds.
    QUEUE_POLL_MS = Option("options/queue_poll_ms", 3000, "int")


class State:
    """What the console remembers about itself between runs."""

    GEOMETRY = Option("state/geometry", QByteArray(), "bytes")
    WINDOW_STATE = Option("state/window_state", QByteArray(), "bytes")
    LAST_SCREEN = Option("state/last_screen", "queue")
    LAST_USERNAME = Option("state/last_username", "")
    #: The "no font can show Japanese" notice was shown (it is shown once).
    FONT_NOTICE_SHOWN = Option("state/font_notice_shown", False, "bool")
    #: The queue screen's split between the list and the opened item.
    QUEUE_SPLITTER = Option("state/queue_splitter", QByteArray(), "bytes")

    @staticmethod
    def columns(table_id: str) -> Option[QByteArray]:
        """Header (column order, widths, sort) of the table ``table_id``."""
        return Option(f"state/columns/{table_id}", QByteArray(), "bytes")


def default_settings_path() -> Path:
    """The per-user ini file, unless :data:`SETTINGS_PATH_ENV` names another."""
    override = os.environ.get(SETTINGS_PATH_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("anzen", appauthor=False)) / "console.ini"


class Settings:
    """Typed access to one ini file."""

    def __init__(self, path: Path | str) -> None:
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> str:
        return self._qsettings.fileName()

    def get(self, option: Option[T]) -> T:
        raw = self._qsettings.value(option.key)
        if raw is None:
            return _copy(option.default)
        try:
            return _decode(option.kind, raw)
        except (TypeError, ValueError):
            return _copy(option.default)

    def set(self, option: Option[T], value: T) -> None:
        self._qsettings.setValue(option.key, _encode(option.kind, value))

    def remove_state(self) -> None:
        """Forget remembered UI state (the "reset layout" action)."""
        self._qsettings.remove("state")

    def sync(self) -> None:
        self._qsettings.sync()


def _copy(value: Any) -> Any:
    if isinstance(value, (dict, list)):
        return json.loads(json.dumps(value))
    if isinstance(value, QByteArray):
        return QByteArray(value)
    return value


def _decode(kind: str, raw: Any) -> Any:
    if kind == "bool":
        return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
    if kind == "int":
        return int(raw)
    if kind == "json":
        return json.loads(raw)
    if kind == "bytes":
        return raw if isinstance(raw, QByteArray) else QByteArray(raw)
    return str(raw)


def _encode(kind: str, value: Any) -> Any:
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value
