"""Sign-in against the real service: demo accounts, success, failure."""

from __future__ import annotations

from typing import Any

from console.client import ApiClient
from console.login import LoginDialog
from console.tasks import TaskRunner


def make_dialog(qtbot: Any, client: ApiClient, runner: TaskRunner, **kwargs: Any) -> LoginDialog:
    dialog = LoginDialog(client, runner, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_demo_account_signs_in(qtbot: Any, client: ApiClient, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, client, runner, demo=True)
    qtbot.waitUntil(lambda: dialog.demo_accounts.isEnabled(), timeout=10_000)
    labels = [dialog.demo_accounts.itemText(i) for i in range(dialog.demo_accounts.count())]
    moderator = next(i for i, text in enumerate(labels) if "(moderator)" in text)
    dialog.demo_accounts.activated.emit(moderator)
    assert dialog.username.text() == "moderator" and dialog.password.text()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.submit()
    assert dialog.sign_in is not None and dialog.sign_in.staff.role == "moderator"


def test_wrong_password_is_explained_and_keeps_the_form(qtbot: Any, client: ApiClient, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, client, runner, username="agent")
    dialog.password.setText("not-the-password")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=10_000)
    assert "Wrong user name or password" in dialog.error_label.text()
    assert dialog.username.text() == "agent" and dialog.sign_in_button.isEnabled()
    assert dialog.result() == 0 and dialog.sign_in is None
    assert not client.signed_in


def test_empty_form_is_not_sent(qtbot: Any, client: ApiClient, runner: TaskRunner) -> None:
    dialog = make_dialog(qtbot, client, runner)
    dialog.submit()
    assert dialog.error_label.isVisible() and runner.pending == 0


def test_ask_is_the_patchable_entry_point(qtbot: Any, client: ApiClient, runner: TaskRunner, monkeypatch: Any) -> None:
    monkeypatch.setattr(LoginDialog, "exec", lambda self: LoginDialog.DialogCode.Rejected)
    assert LoginDialog.ask(client, runner) is None
