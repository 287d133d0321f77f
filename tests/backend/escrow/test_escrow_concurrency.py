"""Two agents acting on one transaction at the same moment, on real threads
against the real database (SQLite or PostgreSQL): the row lock serialises
them, so exactly one succeeds and the ledger invariant holds.

Each ledger append sleeps briefly inside the critical section, so without the
lock both threads would read "disputed, all held" before either wrote.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.db import Database
from backend.errors import ServiceError
from backend.escrow import actions
from backend.escrow import service as escrow_service
from backend.escrow.models import LedgerEntry, RefundApproval, Transaction
from backend.staff.models import Staff
from tests.backend.escrow.conftest import MakeTx


@pytest.fixture
def slow_appends(monkeypatch: pytest.MonkeyPatch) -> None:
    original = escrow_service._append

    def slow(*args, **kwargs):
        time.sleep(0.15)
        return original(*args, **kwargs)

    monkeypatch.setattr(escrow_service, "_append", slow)


@pytest.fixture
def two_agents(db: Database, role_staff: dict[str, int]) -> tuple[int, int]:
    with db.transaction() as s:
        second = s.scalar(select(Staff).where(Staff.username == "test-agent-2"))
        if second is None:
            second = Staff(username="test-agent-2", display_name="Second Agent", role="agent", password_hash="-")
            s.add(second)
            s.flush()
        return role_staff["agent"], second.id


def _race(db: Database, jobs: list[Callable[[object], object]]) -> list[object]:
    """Run each job in its own thread and database transaction, released together."""
    start = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def run(i: int) -> None:
        start.wait()
        try:
            with db.transaction() as s:
                results[i] = jobs[i](s)
        except ServiceError as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def _check_ledger(db: Database, tx_id: int) -> tuple[str, int, int, int]:
    with db.session() as s:
        entries = list(s.scalars(select(LedgerEntry).where(LedgerEntry.transaction_id == tx_id)
                                 .order_by(LedgerEntry.seq)))
        status = s.scalar(select(Transaction.status).where(Transaction.id == tx_id))
        b = escrow_service.current_balance(s, tx_id)
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    assert b.held >= 0
    return status, b.released, b.refunded, b.held


def _refund(staff_id: int, tx_id: int, amount: int | None = None) -> Callable[[object], object]:
    def job(s):
        return actions.act(s, transaction_id=tx_id, action=actions.StaffAction.refund, staff=s.get(Staff, staff_id),
                           reason="race", amount=amount).transaction.status
    return job


def test_two_full_refunds_at_once_one_wins(db: Database, make_tx: MakeTx, two_agents, slow_appends) -> None:
    tx_id = make_tx("disputed", 20_000)
    results = _race(db, [_refund(two_agents[0], tx_id), _refund(two_agents[1], tx_id)])
    wins = [r for r in results if r == "refunded"]
    losses = [r for r in results if isinstance(r, ServiceError)]
    assert len(wins) == 1 and len(losses) == 1
    assert losses[0].code == "illegal_transition"
    assert _check_ledger(db, tx_id) == ("refunded", 0, 20_000, 0)


def test_two_partial_refunds_cannot_overdraw(db: Database, make_tx: MakeTx, two_agents, slow_appends) -> None:
    tx_id = make_tx("disputed", 25_000)
    results = _race(db, [_refund(two_agents[0], tx_id, 15_000), _refund(two_agents[1], tx_id, 15_000)])
    losses = [r for r in results if isinstance(r, ServiceError)]
    assert results.count("disputed") == 1 and len(losses) == 1
    assert losses[0].code == "insufficient_held"
    assert _check_ledger(db, tx_id) == ("disputed", 0, 15_000, 10_000)


def test_refund_and_release_race(db: Database, make_tx: MakeTx, two_agents, slow_appends) -> None:
    tx_id = make_tx("disputed", 18_000)

    def release(s):
        return actions.act(s, transaction_id=tx_id, action=actions.StaffAction.release,
                           staff=s.get(Staff, two_agents[1]), reason="race").transaction.status

    results = _race(db, [_refund(two_agents[0], tx_id), release])
    assert len([r for r in results if isinstance(r, ServiceError)]) == 1
    status, released, refunded, held = _check_ledger(db, tx_id)
    assert held == 0 and {released, refunded} == {0, 18_000}  # never both
    assert status in ("refunded", "released")


def test_two_supervisors_approving_one_request(db: Database, make_tx: MakeTx, role_staff, slow_appends) -> None:
    tx_id = make_tx("disputed", 40_000)
    with db.transaction() as s:
        outcome = actions.act(s, transaction_id=tx_id, action=actions.StaffAction.refund,
                              staff=s.get(Staff, role_staff["agent"]), reason="big")
        approval_id = outcome.approval.id

    def approve(s):
        return actions.decide(s, approval_id=approval_id, approve=True, staff=s.get(Staff, role_staff["supervisor"]),
                              reason="ok").status

    results = _race(db, [approve, approve])
    assert results.count("approved") == 1
    assert [r.code for r in results if isinstance(r, ServiceError)] == ["already_decided"]
    assert _check_ledger(db, tx_id) == ("refunded", 0, 40_000, 0)
    with db.session() as s:
        assert s.get(RefundApproval, approval_id).status == "approved"


def test_concurrent_http_refunds(client: TestClient, headers, db: Database, make_tx: MakeTx,
                                 slow_appends) -> None:
    tx_id = make_tx("disputed", 22_000)
    start = threading.Barrier(2)
    codes: list[int] = []

    def post(role: str) -> None:
        start.wait()
        response = client.post(f"/api/v1/transactions/{tx_id}/refund", json={"reason": "race"},
                               headers=headers[role])
        codes.append(response.status_code)

    threads = [threading.Thread(target=post, args=(role,)) for role in ("agent", "supervisor")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(codes) == [200, 409]
    assert _check_ledger(db, tx_id) == ("refunded", 0, 22_000, 0)
