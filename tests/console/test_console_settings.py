"""Settings are declared once with defaults; choices and UI state are separate
and persist in the file the console was given (never the user's)."""

from __future__ import annotations

from pathlib import Path

from console.qt import QByteArray
from console.settings import SETTINGS_PATH_ENV, Options, Settings, State, default_settings_path


def test_defaults_come_from_the_declarations(settings: Settings) -> None:
    assert settings.get(Options.THEME) == "system"
    assert settings.get(Options.SHORTCUTS) == {}
    assert settings.get(Options.PAGE_SIZE) == 100
    assert settings.get(State.GEOMETRY).isEmpty()


def test_values_survive_reopening(tmp_path: Path) -> None:
    first = Settings(tmp_path / "c.ini")
    first.set(Options.SHORTCUTS, {"list.refresh": "Ctrl+R"})
    first.set(Options.PAGE_SIZE, 150)
    first.set(State.columns("listings"), QByteArray(b"\x00\x01header"))
    first.sync()
    again = Settings(tmp_path / "c.ini")
    assert again.get(Options.SHORTCUTS) == {"list.refresh": "Ctrl+R"}
    assert again.get(Options.PAGE_SIZE) == 150
    assert bytes(again.get(State.columns("listings")).data()) == b"\x00\x01header"
    text = (tmp_path / "c.ini").read_text()
    assert "[options]" in text and "[state]" in text


def test_resetting_state_keeps_choices(settings: Settings) -> None:
    settings.set(Options.THEME, "dark")
    settings.set(State.LAST_SCREEN, "members")
    settings.remove_state()
    assert settings.get(Options.THEME) == "dark"
    assert settings.get(State.LAST_SCREEN) == "queue"


def test_a_damaged_value_falls_back_to_the_default(settings: Settings) -> None:
    settings._qsettings.setValue(Options.PAGE_SIZE.key, "lots")
    assert settings.get(Options.PAGE_SIZE) == 100


def test_settings_path_can_be_redirected(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(SETTINGS_PATH_ENV, str(tmp_path / "desk.ini"))
    assert default_settings_path() == tmp_path / "desk.ini"
