"""The main window against the real service: screens, models, detail pane,
messages, shortcuts, persisted layout, and a screenshot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console import messages, theme
from console.client import SECRET_HEADER, ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.login import LoginDialog
from console.main_window import MainWindow
from console.qt import QDialog, QLabel
from console.settings import Settings, State
from console.tasks import TaskRunner

PAGE_TIMEOUT_MS = 15_000


@pytest.fixture
def context(signed_in_client: ApiClient, runner: TaskRunner, settings: Settings) -> Iterator[ConsoleContext]:
    monitor = ConnectionMonitor(signed_in_client, runner, interval_ms=60_000)
    monitor.start()
    staff = signed_in_client.me()
    yield ConsoleContext(settings, signed_in_client, runner, monitor, staff)
    monitor.stop()
    monitor.deleteLater()


@pytest.fixture
def window(qtbot: Any, context: ConsoleContext) -> MainWindow:
    main = MainWindow(context, server_label="test service")
    qtbot.addWidget(main)
    main.show()
    return main


def loaded(window: MainWindow, screen_id: str) -> Any:
    pane = window.screens[screen_id].current_pane()
    return lambda: pane.model.rowCount() > 0 and not pane.model.is_loading


def test_every_list_model_passes_the_model_tester(qtbot: Any, window: MainWindow, qtmodeltester: Any) -> None:
    for screen_id in ("queue", "listings", "members"):
        window.show_screen(screen_id)
        for pane in window.screens[screen_id].panes:
            pane.reload()
            qtbot.waitUntil(lambda p=pane: not p.model.is_loading, timeout=PAGE_TIMEOUT_MS)
            qtmodeltester.check(pane.model)
    history = window.history.transactions
    window.history.show_member(1, "member one")
    qtbot.waitUntil(lambda: not history.model.is_loading, timeout=PAGE_TIMEOUT_MS)
    qtmodeltester.check(history.model)


def test_status_bar_shows_staff_shift_and_connection(qtbot: Any, window: MainWindow) -> None:
    assert "Supervisor" in window.staff_label.text()
    qtbot.waitUntil(lambda: "clocked in" in window.shift_label.text(), timeout=PAGE_TIMEOUT_MS)  # the shift panel
    qtbot.waitUntil(lambda: window.connection_chip.state == "online")
    assert "test service" in window.connection_chip.text


def test_selecting_a_listing_shows_it_and_its_sellers_history(qtbot: Any, window: MainWindow) -> None:
    window.actions["screen.listings"].trigger()
    qtbot.waitUntil(loaded(window, "listings"), timeout=PAGE_TIMEOUT_MS)
    pane = window.screens["listings"].current_pane()
    pane.view.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.view.field_text("Price") is not None, timeout=PAGE_TIMEOUT_MS)
    assert window.detail.view.heading == pane.model.index(0, len(pane.spec.columns) - 1).data()
    qtbot.waitUntil(lambda: window.history.member_id is not None, timeout=PAGE_TIMEOUT_MS)


def test_paging_to_the_end_of_a_list(qtbot: Any, window: MainWindow, settings: Settings) -> None:
    window.actions["screen.members"].trigger()
    pane = window.screens["members"].current_pane()
    qtbot.waitUntil(loaded(window, "members"), timeout=PAGE_TIMEOUT_MS)
    while pane.model.canFetchMore():
        before = pane.model.rowCount()
        pane.view.scrollToBottom()
        qtbot.waitUntil(lambda b=before: pane.model.rowCount() > b or not pane.model.canFetchMore(),
                        timeout=PAGE_TIMEOUT_MS)
    ids = [pane.model.row_id(r) for r in range(pane.model.rowCount())]
    assert len(ids) == len(set(ids)) > 0
    assert "in all" in pane.count_label.text()


def test_a_failure_is_shown_once_with_what_to_do(qtbot: Any, window: MainWindow) -> None:
    window.detail.show_record("listing", 987654321)
    qtbot.waitUntil(lambda: not window.message_banner.isHidden(), timeout=PAGE_TIMEOUT_MS)
    assert "Not found" in window.message_banner.text and "refresh" in window.message_banner.text


def test_shortcut_help_lists_every_command(qtbot: Any, window: MainWindow) -> None:
    window.actions["help.shortcuts"].trigger()
    dialog = window.findChild(QDialog, "ShortcutHelp")
    assert dialog is not None and dialog.isVisible()
    texts = {dialog.tree.topLevelItem(i).child(j).text(0)
             for i in range(dialog.tree.topLevelItemCount())
             for j in range(dialog.tree.topLevelItem(i).childCount())}
    assert {"Refresh", "Queue", "Keyboard Shortcuts", "Sign Out"} <= texts
    dialog.close()


def test_layout_and_columns_persist(qtbot: Any, context: ConsoleContext, settings: Settings) -> None:
    first = MainWindow(context)
    qtbot.addWidget(first)
    first.show()
    first.show_screen("members")
    header = first.screens["members"].current_pane().view.horizontalHeader()
    header.resizeSection(1, 333)
    first.history_dock.hide()
    default_size = (first.width(), first.height())
    first.resize(760, 770)  # inside the offscreen screen (800 px) and above the docks' minimum height
    chosen = (first.width(), first.height())
    assert chosen != default_size
    first.close()
    assert settings.get(State.LAST_SCREEN) == "members"

    second = MainWindow(context)
    qtbot.addWidget(second)
    second.show()
    assert second.current_screen().screen_id == "members"
    assert second.screens["members"].current_pane().view.horizontalHeader().sectionSize(1) == 333
    assert second.history_dock.isHidden()
    assert (second.width(), second.height()) == chosen

    second.actions["view.reset_layout"].trigger()
    assert not second.history_dock.isHidden()
    assert second.screens["members"].current_pane().view.horizontalHeader().sectionSize(1) != 333
    second.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshot_of_the_main_window(qtbot: Any, qapp: Any, context: ConsoleContext, shots: Path,
                                       scheme: str) -> None:
    style = qapp.style().name()
    qapp.setStyle("Fusion")
    theme.apply_theme(qapp, scheme)
    window = MainWindow(context, server_label="bundled service (sqlite)")
    qtbot.addWidget(window)
    window.show()
    try:
        _shoot(qtbot, window, shots / f"anzen-main-window-{scheme}.png")
    finally:
        qapp.setStyleSheet("")
        qapp.styleHints().unsetColorScheme()
        qapp.setStyle(style)
        qapp.setPalette(qapp.style().standardPalette())


def _shoot(qtbot: Any, window: MainWindow, path: Path) -> None:
    qtbot.waitUntil(loaded(window, "queue"), timeout=PAGE_TIMEOUT_MS)
    pane = window.screens["queue"].current_pane()
    pane.view.selectRow(1)
    qtbot.waitUntil(lambda: window.detail.view.field_text("Policy") is not None, timeout=PAGE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.connection_chip.state == "online")
    qtbot.wait(200)
    assert window.grab().save(str(path))
    assert path.stat().st_size > 10_000


def test_messages_from_the_bus_reach_the_banner(window: MainWindow) -> None:
    messages.error("Could not save the note.", "Try again.")
    assert window.message_banner.text == "Could not save the note. Try again."
    assert window.message_banner.kind == "error"
    messages.info("Saved.")
    assert window.statusBar().currentMessage() == "Saved."


def test_find_focuses_the_search_box(qtbot: Any, window: MainWindow) -> None:
    window.show_screen("listings")
    window.activateWindow()
    window.actions["list.find"].trigger()
    assert window.focusWidget() is window.screens["listings"].current_pane().search


def test_an_ended_session_asks_for_the_password_again_and_keeps_the_work(
        qtbot: Any, window: MainWindow, context: ConsoleContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19: when the service ends the session (idle timeout, maximum age,
    signed out elsewhere) the console asks for the password over the same
    window; a typed, unsent reply and the open screen stay as they were."""
    client = context.client
    asked: list[dict[str, Any]] = []

    def ask(cls: Any, api: ApiClient, runner: TaskRunner, **kwargs: Any) -> Any:
        asked.append(kwargs)
        return api.login("supervisor", "supervisor-demo")  # what the dialog does when the password is typed

    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    window.show_screen("queue")
    draft = window.screens["queue"].workspace.reply_edit
    draft.setPlainText("Half-written reply to the buyer")
    window.show_screen("members")

    elsewhere = ApiClient(client.base_url, secret=client._session.headers.get(SECRET_HEADER))
    elsewhere._session.headers["Authorization"] = client._session.headers["Authorization"]
    elsewhere.logout()  # the service no longer knows this console's token
    elsewhere.close()

    pane = window.screens["members"].current_pane()
    pane.reload()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=PAGE_TIMEOUT_MS)
    assert asked[0]["again"] is True and asked[0]["username"] == context.staff.username
    qtbot.waitUntil(loaded(window, "members"), timeout=PAGE_TIMEOUT_MS)  # the failed page is loaded again
    assert window.isVisible() and window.current_screen() is window.screens["members"]
    assert draft.toPlainText() == "Half-written reply to the buyer"
    assert window.message_banner.isHidden()  # asked, not shown as an error
    assert client.me().username == "supervisor"
    assert len(asked) == 1


def test_the_password_dialog_for_an_ended_session_keeps_the_user(qtbot: Any, signed_in_client: ApiClient,
                                                                 runner: TaskRunner) -> None:
    dialog = LoginDialog(signed_in_client, runner, username="supervisor", again=True)
    qtbot.addWidget(dialog)
    assert dialog.username.isReadOnly() and dialog.username.text() == "supervisor"
    assert "session has ended" in dialog.findChild(QLabel, "LoginTitle").text()
    assert dialog.demo_accounts.isHidden()
