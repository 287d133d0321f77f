"""Escrow actions from the escrow pane against the real service (a private
copy of the seeded database, one service for the module): hold, partial
refund and the balance, a refused transition, a refund above the agent's
limit and its approval by a supervisor."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.escrow_actions import ActionInput, EscrowActionDialog, EscrowPane, ReasonDialog
from console.settings import Settings
from console.tasks import TaskRunner
from tests.console.support import ServiceProcess, copy_database

TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def writable_service(shared_service: Any, seeded_database: Path,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A service of its own: these tests move money."""
    url = copy_database(seeded_database, tmp_path_factory.mktemp("anzen-escrow") / "anzen.db")
    service = ServiceProcess(url)
    service.start()
    yield service
    service.stop()


def _context(service: Any, username: str, runner: TaskRunner, settings: Settings) -> ConsoleContext:
    client = service.client()
    client.login(username, f"{username}-demo")
    monitor = ConnectionMonitor(client, runner, interval_ms=60_000)
    return ConsoleContext(settings, client, runner, monitor, client.me())


@pytest.fixture
def agent(writable_service: Any, runner: TaskRunner, settings: Settings) -> Iterator[ConsoleContext]:
    context = _context(writable_service, "agent", runner, settings)
    yield context
    context.monitor.deleteLater()
    context.client.close()


def _transaction(client: ApiClient, *, above: int = 0, below: int = 10**9) -> dict[str, Any]:
    cursor = None
    while True:
        page = client.page("/transactions", {"status": "paid"}, cursor=cursor, limit=200)
        for tx in page.items:
            if above < tx["amount"] < below:
                return tx
        if page.next_cursor is None:
            pytest.skip(f"no paid transaction between ¥{above} and ¥{below} in the seed")
        cursor = page.next_cursor


def _answer(monkeypatch: pytest.MonkeyPatch, given: ActionInput | None) -> list[str]:
    asked: list[str] = []

    def ask(cls: Any, parent: Any, action: str, detail: dict[str, Any]) -> ActionInput | None:
        asked.append(action)
        return given

    monkeypatch.setattr(EscrowActionDialog, "ask", classmethod(ask))
    return asked


def _pane(qtbot: Any, context: ConsoleContext, transaction_id: int) -> EscrowPane:
    pane = EscrowPane(context)
    qtbot.addWidget(pane)
    pane.show_transaction(transaction_id)
    qtbot.waitUntil(lambda: pane.detail is not None, timeout=TIMEOUT_MS)
    return pane


def test_hold_then_partial_refund_updates_the_balance(qtbot: Any, agent: ConsoleContext,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    tx = _transaction(agent.client, above=2_000, below=30_000)
    pane = _pane(qtbot, agent, tx["id"])
    assert pane.buttons["hold"].isEnabled() and not pane.buttons["refund"].isEnabled()
    keys: list[str | None] = []
    real_post = agent.client.post
    monkeypatch.setattr(agent.client, "post", lambda path, body=None, *, idempotency_key=None: keys.append(
        idempotency_key) or real_post(path, body, idempotency_key=idempotency_key))

    _answer(monkeypatch, ActionInput("Buyer reports the item never arrived"))
    pane.buttons["hold"].click()
    qtbot.waitUntil(lambda: pane.detail["status"] == "disputed", timeout=TIMEOUT_MS)
    assert pane.buttons["refund"].isEnabled() and not pane.buttons["hold"].isEnabled()
    assert pane.timeline.model.index(pane.timeline.model.rowCount() - 1, 1).data() == "Disputed — on hold"

    asked = _answer(monkeypatch, ActionInput("Partial refund: one part missing", amount=1_000))
    pane.buttons["refund"].click()
    qtbot.waitUntil(lambda: pane.detail["refunded"] == 1_000, timeout=TIMEOUT_MS)
    assert asked == ["refund"]
    assert pane.timeline.figure("held") == f"¥{tx['amount'] - 1_000:,}"
    assert pane.timeline.figure("refunded") == "¥1,000"
    assert "Done" in pane.notice.text
    assert len(keys) == 2 and all(keys) and keys[0] != keys[1]


def test_a_refused_transition_is_shown_in_words(qtbot: Any, agent: ConsoleContext,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    tx = _transaction(agent.client, above=0, below=30_000)
    pane = _pane(qtbot, agent, tx["id"])
    stale = dict(pane.detail, version=None)
    _answer(monkeypatch, ActionInput("first hold"))
    pane.act("hold")
    qtbot.waitUntil(lambda: pane.detail["status"] == "disputed", timeout=TIMEOUT_MS)
    pane.detail = stale  # as a console that had not seen the hold would still show it
    pane.act("hold")
    qtbot.waitUntil(lambda: pane.notice.kind == "error" and not pane.notice.isHidden(), timeout=TIMEOUT_MS)
    assert "Refused" in pane.notice.text and "disputed" in pane.notice.text
    qtbot.waitUntil(lambda: pane.detail is not stale and pane.detail["status"] == "disputed", timeout=TIMEOUT_MS)

    pane.detail = dict(pane.detail, actions=[])
    pane.act("hold")  # not offered now: said so, nothing sent
    assert "“Hold” is not possible" in pane.notice.text


def test_a_refund_above_the_limit_waits_for_a_supervisor(qtbot: Any, agent: ConsoleContext,
                                                         writable_service: Any, runner: TaskRunner,
                                                         settings: Settings,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    tx = _transaction(agent.client, above=30_000)
    pane = _pane(qtbot, agent, tx["id"])
    _answer(monkeypatch, ActionInput("dispute"))
    pane.act("hold")
    qtbot.waitUntil(lambda: pane.detail["status"] == "disputed", timeout=TIMEOUT_MS)
    _answer(monkeypatch, ActionInput("Item not as described: full refund"))
    pane.act("refund")
    qtbot.waitUntil(lambda: pane.detail.get("pending_approval") is not None, timeout=TIMEOUT_MS)
    assert "above your limit" in pane.notice.text and "supervisor" in pane.approval_banner.text
    assert pane.timeline.figure("held") == f"¥{tx['amount']:,}"
    assert pane.approve_button.isHidden()  # agents do not approve

    supervisor = _context(writable_service, "supervisor", runner, settings)
    try:
        from console.escrow_actions import ApprovalsPane
        approvals = ApprovalsPane(supervisor)
        qtbot.addWidget(approvals)
        approvals.reload()
        qtbot.waitUntil(lambda: approvals.model.rowCount() > 0, timeout=TIMEOUT_MS)
        assert tx["id"] in [approvals.model.record(r)["transaction_id"] for r in range(approvals.model.rowCount())]
        boss = _pane(qtbot, supervisor, tx["id"])
        assert not boss.approve_button.isHidden()
        monkeypatch.setattr(ReasonDialog, "ask", classmethod(lambda cls, *a, **k: "Photos confirm the damage"))
        boss.approve_button.click()
        qtbot.waitUntil(lambda: boss.detail is not None and boss.detail["status"] == "refunded", timeout=TIMEOUT_MS)
        assert boss.timeline.figure("held") == "¥0"
    finally:
        supervisor.monitor.deleteLater()
        supervisor.client.close()
