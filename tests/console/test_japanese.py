"""The console in Japanese (issue 16): the main window, each screen, pane and
dialog against the real service, switching language, dates in JST, and the
missing-font notice. Screenshots of every screen and dialog go to
``$ANZEN_SCREENSHOT_DIR`` (see conftest ``shots``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console import fonts, i18n
from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.context_panes import GoToDialog
from console.enforcement import (
    AppealDialog,
    BulkConfirmDialog,
    ReasonDialog,
    SanctionDialog,
    SecondConfirmation,
    TakedownDialog,
)
from console.escrow_actions import EscrowActionDialog
from console.login import LoginDialog
from console.main_window import LanguageSwitch, MainWindow
from console.qt import QApplication, QLabel, QLineEdit, QMessageBox, QWidget
from console.recalls_screen import DecisionDialog, RecallForm
from console.screens.queue_screen import HandoffDialog
from console.settings import Options, Settings, State
from console.shift_panel import HandoverNoteDialog
from console.shortcut_help import ShortcutHelp
from console.startup import StartupWindow
from console.tasks import TaskRunner
from widgets import formatting as fmt

PAGE_TIMEOUT_MS = 15_000
#: Latin letters in a run of three or more: English left in a Japanese window
#: (names, data, codes and key names are allowed below).
ENGLISH = re.compile(r"[A-Za-z]{3,}")
ALLOWED_LATIN = {"Anzen", "Ctrl", "Shift", "Alt", "Return", "SLA", "CSV", "JSON", "CPSC", "PNG", "RMT", "JAN",
                 "EAN", "UPC", "YYYY", "CJK", "JST", "UTC", "English", "Enter", "Esc", "http", "https"}


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    i18n.install("ja")
    yield
    i18n.install("en")


@pytest.fixture
def context(signed_in_client: ApiClient, runner: TaskRunner, settings: Settings) -> Iterator[ConsoleContext]:
    monitor = ConnectionMonitor(signed_in_client, runner, interval_ms=60_000)
    monitor.start()
    yield ConsoleContext(settings, signed_in_client, runner, monitor, signed_in_client.me())
    monitor.stop()
    monitor.deleteLater()


@pytest.fixture
def window(qtbot: Any, japanese: None, context: ConsoleContext) -> MainWindow:
    main = MainWindow(context, server_label="test service")
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def english_words(text: str) -> set[str]:
    text = re.sub(r"\{.*?\}|[\w.]+/[\w./]+", " ", text)  # settings keys and JSON examples are code
    return {word for word in ENGLISH.findall(text.replace("&", "")) if word not in ALLOWED_LATIN}


def visible_texts(widget: QWidget) -> list[str]:
    """The labels, buttons, titles and placeholders a person sees in ``widget``."""
    texts = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        getters = ("placeholderText",) if isinstance(child, QLineEdit) else ("text", "placeholderText", "title")
        for getter in getters:
            method = getattr(child, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:
                    continue
                if isinstance(value, str):
                    texts.append(value)
    return texts


def no_english(widget: QWidget) -> None:
    left = {word for text in visible_texts(widget) for word in english_words(re.sub(r"<[^>]+>", " ", text))}
    assert not left, f"English left in {type(widget).__name__}: {sorted(left)}"


def shoot(widget: QWidget, shots: Path, name: str) -> None:
    widget.grab().save(str(shots / f"ja-{name}.png"))


def test_dates_are_shown_in_jst_and_labelled() -> None:
    fmt.set_time_zone("Asia/Tokyo")
    assert fmt.when("2026-11-20T10:00:00Z") == "2026-11-20 19:00 JST"
    assert fmt.when("2026-11-20T16:30:00+00:00") == "2026-11-21 01:30 JST"
    assert fmt.day("2026-11-20T16:30:00Z") == "2026-11-21"
    assert fmt.clock("2026-11-20T16:30:00Z") == "01:30 JST"
    fmt.set_time_zone("Europe/London")
    try:
        assert fmt.when("2026-11-20T10:00:00Z") == "2026-11-20 10:00 GMT"
    finally:
        fmt.set_time_zone("Asia/Tokyo")
    assert fmt.yen(12345) == "¥12,345"


def test_system_default_is_japanese_on_a_japanese_desktop() -> None:
    from console.qt import QLocale

    assert i18n.resolve("system", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "ja"
    assert i18n.resolve("system", QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "en"
    assert i18n.resolve("en", QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)) == "en"
    assert i18n.resolve("ja") == "ja"


def test_service_codes_are_worded_in_japanese(japanese: None) -> None:
    from console import messages
    from console.client import ApiError

    assert fmt.label("waiting_on_member") == "会員の返信待ち"
    assert fmt.label("counterfeit") == "偽ブランド品"
    assert fmt.label("some_new_code") == "some new code"
    refusal = messages.describe(ApiError(409, "illegal_transition", "Cannot release a transaction that is paid"),
                                "支払い")
    assert "取引の状態がこの操作を許しません" in refusal.text and "Cannot" not in refusal.text
    invalid = messages.describe(ApiError(422, "invalid", "amount: must be positive", "amount"), "返金")
    assert "(項目: 金額)" in invalid.text and "must" not in invalid.text


def test_main_window_in_japanese(qtbot: Any, window: MainWindow, shots: Path) -> None:
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:3] == ["ファイル(&F)", "移動(&G)", "キュー(&Q)"] and "表示(&V)" in menus
    assert window.actions["queue.next"].text() == "次の項目(&N)"
    assert window.actions["enforce.take_down"].text() == "削除(&T)…"
    assert window.actions["app.quit"].statusTip() == "コンソールを閉じる"
    assert window.detail_dock.windowTitle() == "詳細" and window.history_dock.windowTitle() == "履歴"
    assert "スーパーバイザー" in window.staff_label.text()
    qtbot.waitUntil(lambda: window.connection_chip.state == "online", timeout=PAGE_TIMEOUT_MS)
    assert window.connection_chip.text.startswith("オンライン")
    for action in window.actions:
        assert not english_words(action.text()), action.text()
        assert not english_words(re.sub(r"\(.*?\)", "", action.statusTip())), action.statusTip()
    for screen_id in ("queue", "listings", "members", "recalls"):
        window.show_screen(screen_id)
        screen = window.screens[screen_id]
        screen.refresh()
        pane = screen.current_pane()
        if pane is not None:
            qtbot.waitUntil(lambda p=pane: not p.model.is_loading, timeout=PAGE_TIMEOUT_MS)
            headers = [pane.model.headerData(c, __import__("console.qt").qt.Qt.Orientation.Horizontal)
                       for c in range(pane.model.columnCount())]
            assert headers and not any(english_words(str(h)) for h in headers), headers
        qtbot.wait(300)
        shoot(window, shots, f"screen-{screen_id}")


def test_each_screen_shows_japanese_labels_and_jst(qtbot: Any, window: MainWindow, shots: Path) -> None:
    window.show_screen("listings")
    pane = window.screens["listings"].current_pane()
    pane.reload()
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0 and not pane.model.is_loading, timeout=PAGE_TIMEOUT_MS)
    listed = pane.model.index(0, 0).data()
    assert listed.endswith(" JST")
    status = pane.model.index(0, 1).data()
    assert status in {"公開中", "売却済み", "削除済み", "停止中"}
    assert pane.model.index(0, 2).data().startswith("¥")
    pane.view.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.view.field_text("価格") is not None, timeout=PAGE_TIMEOUT_MS)
    qtbot.wait(500)
    shoot(window, shots, "listing-selected")
    window.show_screen("members")
    members = window.screens["members"].current_pane()
    members.reload()
    qtbot.waitUntil(lambda: members.model.rowCount() > 0 and not members.model.is_loading, timeout=PAGE_TIMEOUT_MS)
    members.view.selectRow(0)
    qtbot.wait(800)
    shoot(window, shots, "member-selected")
    window.context_panes.docks["escrow"].show()
    window.context_panes.docks["escrow"].raise_()
    qtbot.wait(300)
    shoot(window, shots, "escrow-pane")


def test_each_dialog_in_japanese(qtbot: Any, window: MainWindow, client: ApiClient, runner: TaskRunner,
                                 shots: Path) -> None:
    preview = {"listings": 3, "open_transactions": 1, "held_yen": 12345, "already_down": []}
    dialogs: dict[str, tuple[QWidget, str]] = {
        "login": (LoginDialog(client, runner, demo=True, parent=window), "Anzen にサインイン"),
        "login-again": (LoginDialog(client, runner, again=True, username="agent", parent=window),
                        "Anzen にサインイン"),
        "shortcuts": (ShortcutHelp(window.actions, window), "キーボードショートカット"),
        "takedown": (TakedownDialog(window, subject="偽物の時計", preset="counterfeit", temporary=True), "出品を削除"),
        "reason": (ReasonDialog(window, title="出品を復元", prompt="理由", action="復元"), "出品を復元"),
        "bulk": (BulkConfirmDialog(window, scope="選択した出品 3 件を削除", preview=preview), "一括削除"),
        "bulk-second": (SecondConfirmation(window, preview=dict(preview, listings=150)), "大規模な削除の確認"),
        "sanction": (SanctionDialog(window, member="田中 葵", standing={"points": 6, "window_days": 90,
                                                                      "suggestion": "restrict"}), "出品者への制裁"),
        "appeal": (AppealDialog(window, appeal={"id": 7, "statement": "本物です。"}), "異議申し立て 7 の判断"),
        "escrow-refund": (EscrowActionDialog("refund", {"listing_title": "財布", "held": 12000,
                                                        "refund_limit": 30000}, window), "返金 — 財布"),
        "recall-form": (RecallForm(window), "新規リコール"),
        "recall-decision": (DecisionDialog("confirm", 2, window), "2 件の一致を確定"),
        "handover-note": (HandoverNoteDialog(window, 3), "退勤 — 引き継ぎメモ"),
        "handoff": (HandoffDialog(window, [{"id": 2, "display_name": "佐藤 健", "clocked_in": True}], "問い合わせ"),
                    "同僚に引き継ぐ"),
        "go-to": (GoToDialog(window), "移動"),
    }
    try:
        for name, (dialog, title) in dialogs.items():
            dialog.show()
            qtbot.waitExposed(dialog)
            qtbot.wait(50)
            assert dialog.windowTitle() == title, name
            no_english(dialog)
            shoot(dialog, shots, f"dialog-{name}")
    finally:
        for dialog, _title in dialogs.values():
            dialog.close()
            dialog.deleteLater()


def test_startup_window_and_standard_dialogs_in_japanese(qtbot: Any, japanese: None, shots: Path) -> None:
    startup = StartupWindow()
    qtbot.addWidget(startup)
    startup.set_progress(40, "出品")
    startup.show()
    assert startup.windowTitle() == "Anzen を起動中" and "デモデータを準備中" in startup.status.text()
    shoot(startup, shots, "startup")
    box = QMessageBox(QMessageBox.Icon.Question, "言語の変更", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    # Qt's own buttons come from qtbase_ja.
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "キャンセル"
    assert box.button(QMessageBox.StandardButton.Yes).text().startswith("はい")


def test_switching_language_rebuilds_in_japanese(qtbot: Any, context: ConsoleContext, settings: Settings,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    i18n.install("en")
    english = MainWindow(context, server_label="test service")
    qtbot.addWidget(english)
    assert english.actions["queue.next"].text() == "&Next Item"
    language_menu = english.findChild(QWidget, "language-menu")
    assert language_menu is not None
    monkeypatch.setattr(LanguageSwitch, "ask", classmethod(lambda cls, parent: True))
    try:
        with qtbot.waitSignal(english.rebuild_requested, timeout=2000):
            english.findChild(__import__("console.qt").qt.QAction, "language.ja").trigger()
        assert settings.get(Options.LANGUAGE) == "ja"
        english.close()
        assert i18n.install(settings.get(Options.LANGUAGE)) == "ja"
        japanese = MainWindow(context, server_label="test service")
        qtbot.addWidget(japanese)
        assert japanese.actions["queue.next"].text() == "次の項目(&N)"
        assert japanese.findChild(__import__("console.qt").qt.QAction, "language.ja").isChecked()
        # Back to English: "later" keeps the choice for the next start only.
        monkeypatch.setattr(LanguageSwitch, "ask", classmethod(lambda cls, parent: False))
        japanese.choose_language("en")
        assert settings.get(Options.LANGUAGE) == "en" and i18n.current_language() == "ja"
        japanese.close()
    finally:
        i18n.install("en")


def test_a_missing_japanese_font_is_announced_once(qtbot: Any, japanese: None, settings: Settings,
                                                   monkeypatch: pytest.MonkeyPatch, shots: Path) -> None:
    from widgets.banner import Banner

    banner = Banner()
    qtbot.addWidget(banner)
    monkeypatch.setattr(fonts, "japanese_families", lambda: [])
    assert fonts.notify_missing_font(settings, banner) is True
    text = banner.findChild(QLabel, "BannerText").text()
    # In English first: without a Japanese font the Japanese line would be boxes.
    assert text.startswith("No installed font can show Japanese") and "fonts-noto-cjk" in text
    assert settings.get(State.FONT_NOTICE_SHOWN) is True
    banner.resize(900, 120)
    shoot(banner, shots, "missing-font-notice")
    banner.hide()
    assert fonts.notify_missing_font(settings, banner) is False  # once: not again
    assert not banner.isVisible()


def test_sorting_and_search_treat_widths_and_kana_alike() -> None:
    assert fmt.fold("ペツル") == fmt.fold("ぺつる") == fmt.fold("ﾍﾟﾂﾙ")
    assert fmt.fold("ＭＸ－Ｘ４８") == fmt.fold("mx-x48")
    assert sorted(["タナカ", "さとう", "サトウ"], key=fmt.fold)[:2] in (["さとう", "サトウ"], ["サトウ", "さとう"])
    assert fmt.search_text(" ＭＸ－Ｘ４８ ") == "MX-X48"
