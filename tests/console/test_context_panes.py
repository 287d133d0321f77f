"""Context panes against the real service: they follow the selection, drop a
stale answer, look records up by id, and reveal contact details only with a reason."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.context_panes import GoToDialog, LookupChoice
from console.escrow_actions import ReasonDialog
from console.main_window import MainWindow
from console.settings import Settings
from console.tasks import TaskRunner

TIMEOUT_MS = 15_000


@pytest.fixture
def context(signed_in_client: ApiClient, runner: TaskRunner, settings: Settings) -> Iterator[ConsoleContext]:
    monitor = ConnectionMonitor(signed_in_client, runner, interval_ms=60_000)
    monitor.start()
    yield ConsoleContext(settings, signed_in_client, runner, monitor, signed_in_client.me())
    monitor.stop()
    monitor.deleteLater()


@pytest.fixture
def window(qtbot: Any, context: ConsoleContext) -> MainWindow:
    main = MainWindow(context, server_label="test service")
    qtbot.addWidget(main)
    main.show()
    return main


def busiest_disputed(client: ApiClient) -> dict[str, Any]:
    return client.page("/transactions", {"status": "disputed"}, limit=1).items[0]


def filled(window: MainWindow, member_id: int) -> Any:
    panes = window.context_panes

    def check() -> bool:
        return (panes.member.summary is not None and panes.member.summary["member"]["id"] == member_id
                and panes.ratings.summary is not None and panes.ratings.summary["member_id"] == member_id
                and panes.transactions.model.member_id == member_id and not panes.transactions.model.is_loading
                and (panes.escrow.detail is not None or panes.transactions.model.rowCount() == 0))
    return check


def test_panes_follow_the_selected_transaction_and_member(qtbot: Any, window: MainWindow,
                                                          qtmodeltester: Any) -> None:
    tx = busiest_disputed(window.context.client)
    window.show_record("transaction", tx["id"])
    qtbot.waitUntil(filled(window, tx["seller_id"]), timeout=TIMEOUT_MS)
    panes = window.context_panes
    assert panes.escrow.detail["id"] == tx["id"]
    assert panes.escrow.timeline.model.rowCount() >= 2
    assert panes.transactions.model.rowCount() >= 1
    qtmodeltester.check(panes.transactions.model)
    qtmodeltester.check(panes.ratings.model)
    qtmodeltester.check(panes.escrow.timeline.model)
    assert "masked" in panes.member.text()

    # the other party of the transaction
    panes.member.other_button.click()
    qtbot.waitUntil(lambda: panes.member.summary is not None
                    and panes.member.summary["member"]["id"] == tx["buyer_id"], timeout=TIMEOUT_MS)

    # a member from the members screen: escrow shows their latest transaction
    window.show_record("member", tx["buyer_id"])
    qtbot.waitUntil(filled(window, tx["buyer_id"]), timeout=TIMEOUT_MS)
    assert panes.escrow.detail["id"] == panes.transactions.model.row_id(0)

    # a transaction row in the pane drives the escrow pane
    panes.transactions.view.selectRow(panes.transactions.model.rowCount() - 1)
    last = panes.transactions.model.row_id(panes.transactions.model.rowCount() - 1)
    qtbot.waitUntil(lambda: panes.escrow.detail is not None and panes.escrow.detail["id"] == last,
                    timeout=TIMEOUT_MS)


def test_escrow_shows_the_latest_transaction_named_by_the_summary(qtbot: Any, window: MainWindow) -> None:
    member = busiest_disputed(window.context.client)["buyer_id"]
    window.show_record("member", member)
    qtbot.waitUntil(filled(window, member), timeout=TIMEOUT_MS)
    panes = window.context_panes
    shown = panes.escrow.detail
    assert shown["id"] == panes.member.summary["latest_transaction_id"] == panes.transactions.model.row_id(0)

    # Listing only the other side reloads the transactions; the escrow pane stays where it was.
    panes.transactions.side.setCurrentIndex(2 if shown["buyer_id"] == member else 1)
    qtbot.waitUntil(lambda: not panes.transactions.model.is_loading and window.context.runner.pending == 0,
                    timeout=TIMEOUT_MS)
    qtbot.wait(100)
    assert panes.escrow.detail["id"] == shown["id"]


def test_a_slow_answer_for_the_previous_member_never_shows(qtbot: Any, window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    client = window.context.client
    members = client.page("/members", limit=2).items
    slow, fast = members[0]["id"], members[1]["id"]
    real_get = client.get
    slow_answered = threading.Event()

    def get(path: str, params: Any = None) -> Any:
        result = real_get(path, params)
        if path.startswith(f"/members/{slow}/"):
            time.sleep(0.6)  # the service answered; the answer is only late
            slow_answered.set()
        return result

    monkeypatch.setattr(client, "get", get)
    panes = window.context_panes
    shown: list[int] = []
    panes.member.member_loaded.connect(lambda member_id, _name: shown.append(member_id))
    window.show_record("member", slow)
    window.show_record("member", fast)
    qtbot.waitUntil(filled(window, fast), timeout=TIMEOUT_MS)
    qtbot.waitUntil(slow_answered.is_set, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.context.runner.pending == 0, timeout=TIMEOUT_MS)
    assert shown == [fast]
    assert panes.member.summary["member"]["id"] == fast
    assert panes.ratings.summary["member_id"] == fast


def test_go_to_looks_up_an_id(qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    client = window.context.client
    member = client.page("/members", limit=1).items[0]
    monkeypatch.setattr(GoToDialog, "ask", classmethod(lambda cls, parent: member["external_id"]))
    window.actions["context.go_to"].trigger()
    qtbot.waitUntil(filled(window, member["id"]), timeout=TIMEOUT_MS)
    assert window.detail.view.field_text("Member no.") == member["external_id"]

    picked: list[Any] = []

    def choose(cls: Any, parent: Any, key: str, hits: list[dict[str, Any]]) -> Any:
        picked.append([h["kind"] for h in hits])
        return next(h for h in hits if h["kind"] == "transaction")

    monkeypatch.setattr(LookupChoice, "ask", classmethod(choose))
    window.context_panes.look_up("1")  # member 1, listing 1 and transaction 1 all exist
    qtbot.waitUntil(lambda: window.context_panes.escrow.detail is not None
                    and window.context_panes.escrow.detail["id"] == 1, timeout=TIMEOUT_MS)
    assert "transaction" in picked[0] and len(picked[0]) > 1

    window.context_panes.look_up("no-such-key")
    qtbot.waitUntil(lambda: not window.message_banner.isHidden(), timeout=TIMEOUT_MS)
    assert "no-such-key" in window.message_banner.text


def test_revealing_contact_details_needs_a_reason(qtbot: Any, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ReasonDialog("Reveal", "Why?", "Reveal")
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.ok.isEnabled()
    dialog.reason.setPlainText("Buyer asked for the seller's address for a return")
    assert dialog.ok.isEnabled()

    member = window.context.client.page("/members", limit=1).items[0]
    window.show_record("member", member["id"])
    pane = window.context_panes.member
    qtbot.waitUntil(lambda: pane.summary is not None and pane.reveal_button.isEnabled(), timeout=TIMEOUT_MS)
    calls: list[str] = []
    real_post = window.context.client.post
    monkeypatch.setattr(window.context.client, "post",
                        lambda path, body=None, **kw: calls.append(path) or real_post(path, body, **kw))
    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *args, **kw: None))
    pane.reveal_button.click()
    qtbot.wait(100)
    assert calls == [] and pane.revealed is None and "masked" in pane.text()

    monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *args, **kw: "Return address for inquiry"))
    window.actions["member.reveal_contact"].trigger()
    qtbot.waitUntil(lambda: pane.revealed is not None, timeout=TIMEOUT_MS)
    assert calls == [f"/members/{member['id']}/contact/reveal"]
    assert pane.revealed["email"] and "*" not in pane.revealed["email"]
    assert pane.revealed["email"] in pane.text() and "audited" in pane.text()
