"""Menus, toolbar and shortcut help come from one registry; shortcuts can be
overridden from settings."""

from __future__ import annotations

from typing import Any

import pytest

from console.actions import ACTIONS, ActionRegistry, ActionSpec
from console.qt import QKeySequence, QMainWindow, QMenu
from console.settings import Options, Settings


@pytest.fixture
def window(qtbot: Any) -> QMainWindow:
    main = QMainWindow()
    qtbot.addWidget(main)
    return main


def handlers(calls: list[str]) -> dict[str, Any]:
    return {spec.id: (lambda action_id=spec.id: calls.append(action_id)) for spec in ACTIONS}


def test_every_action_is_in_a_menu_and_frequent_ones_have_keys(window: QMainWindow, settings: Settings) -> None:
    registry = ActionRegistry(settings, handlers([]), window)
    registry.build_menus(window.menuBar())
    in_menus = {a.objectName() for menu in window.menuBar().findChildren(QMenu)
                for a in menu.actions()}
    assert {spec.id for spec in ACTIONS} <= in_menus
    frequent = ("screen.queue", "screen.listings", "list.refresh", "list.find", "help.shortcuts", "app.quit")
    assert all(not registry[action_id].shortcut().isEmpty() for action_id in frequent)
    assert registry["help.shortcuts"].shortcut() == QKeySequence("?")


def test_shortcuts_are_unique(window: QMainWindow, settings: Settings) -> None:
    registry = ActionRegistry(settings, handlers([]), window)
    keys = [a.shortcut().toString() for a in registry if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys))


def test_a_settings_override_replaces_the_default(window: QMainWindow, settings: Settings) -> None:
    settings.set(Options.SHORTCUTS, {"list.refresh": "Ctrl+R", "no.such.action": "Ctrl+K"})
    calls: list[str] = []
    registry = ActionRegistry(settings, handlers(calls), window)
    assert registry["list.refresh"].shortcut() == QKeySequence("Ctrl+R")
    assert ("View", "Refresh", "Ctrl+R") in registry.shortcut_rows()
    registry["list.refresh"].trigger()
    assert calls == ["list.refresh"]


def test_a_missing_handler_is_an_error(window: QMainWindow, settings: Settings) -> None:
    with pytest.raises(ValueError, match="no handler"):
        ActionRegistry(settings, {}, window, specs=(ActionSpec("x.y", "X", "&File"),))
