"""Escrow actions through the HTTP API: reasons, versions, claims, idempotent
retries, per-role refund limits and supervisor approval, all audited."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.escrow import service as escrow_service
from backend.escrow.models import LedgerEntry, Transaction
from backend.inquiries.models import Inquiry
from tests.backend.escrow.conftest import MakeTx

API = "/api/v1"


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def _ledger(db: Database, tx_id: int) -> list[tuple[str, int]]:
    with db.session() as s:
        return [(e.kind, e.amount) for e in s.scalars(
            select(LedgerEntry).where(LedgerEntry.transaction_id == tx_id).order_by(LedgerEntry.seq))]


def test_hold_then_release_shows_the_timeline(client: TestClient, headers, db: Database, make_tx: MakeTx) -> None:
    tx_id = make_tx("shipped", 12_000)
    held = client.post(f"{API}/transactions/{tx_id}/hold", json={"reason": "buyer says box was empty"},
                       headers=headers["agent"])
    assert held.status_code == 200, held.text
    body = held.json()
    assert body["outcome"] == "done" and body["approval"] is None
    assert body["transaction"]["status"] == "disputed" and body["transaction"]["held"] == 12_000
    assert body["transaction"]["actions"] == ["release", "refund", "cancel"]
    assert body["transaction"]["ledger"][-1]["kind"] == "dispute"
    assert body["transaction"]["ledger"][-1]["actor_label"] == "test-agent"

    released = client.post(f"{API}/transactions/{tx_id}/release", json={"reason": "tracking shows delivered"},
                           headers=headers["supervisor"])
    detail = released.json()["transaction"]
    assert detail["status"] == "released" and detail["held"] == 0 and detail["released"] == 12_000
    assert [e["kind"] for e in detail["ledger"]] == ["payment", "shipped", "dispute", "release"]
    assert detail["actions"] == []
    assert [e.reason for e in _events(db, "escrow.dispute")] == ["buyer says box was empty"]


def test_illegal_action_is_refused_clearly(client: TestClient, headers, make_tx: MakeTx) -> None:
    tx_id = make_tx("completed")
    response = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "late"}, headers=headers["agent"])
    assert response.status_code == 409
    assert response.json()["error"] == {"code": "illegal_transition", "field": None,
                                        "message": "Cannot refund a transaction that is completed."}


def test_bad_input_is_a_4xx_with_a_field(client: TestClient, headers, make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed")
    no_reason = client.post(f"{API}/transactions/{tx_id}/refund", json={}, headers=headers["agent"])
    assert no_reason.status_code == 422 and no_reason.json()["error"]["field"] == "reason"
    blank = client.post(f"{API}/transactions/{tx_id}/hold", json={"reason": "   "}, headers=headers["agent"])
    assert blank.status_code == 422 and blank.json()["error"]["field"] == "reason"
    negative = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "x", "amount": -1},
                           headers=headers["agent"])
    assert negative.status_code == 422 and negative.json()["error"]["field"] == "amount"
    too_much = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "x", "amount": 99_999},
                           headers=headers["supervisor"])
    assert too_much.status_code == 409 and too_much.json()["error"]["code"] == "insufficient_held"
    missing = client.post(f"{API}/transactions/999999/hold", json={"reason": "x"}, headers=headers["agent"])
    assert missing.status_code == 404


def test_stale_version_is_refused(client: TestClient, headers, make_tx: MakeTx) -> None:
    tx_id = make_tx("paid")
    version = client.get(f"{API}/transactions/{tx_id}", headers=headers["agent"]).json()["version"]
    assert client.post(f"{API}/transactions/{tx_id}/hold", json={"reason": "a", "version": version},
                       headers=headers["agent"]).status_code == 200
    stale = client.post(f"{API}/transactions/{tx_id}/release", json={"reason": "b", "version": version},
                        headers=headers["agent"])
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"


def test_idempotent_retry_acts_once(client: TestClient, headers, db: Database, make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed", 20_000)
    key = {"Idempotency-Key": "refund-7f3a"}
    first = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "not as described", "amount": 5_000},
                        headers=headers["agent"] | key)
    again = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "not as described", "amount": 5_000},
                        headers=headers["agent"] | key)
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert again.json() == first.json()
    assert _ledger(db, tx_id).count(("refund", 5_000)) == 1
    assert len(_events(db, "escrow.refund")) == 1
    other_body = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "different", "amount": 1},
                             headers=headers["agent"] | key)
    assert other_body.status_code == 422 and other_body.json()["error"]["field"] == "Idempotency-Key"


def test_agent_refund_within_limit_runs(client: TestClient, headers, db: Database, make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed", 30_000)
    response = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "exactly the limit"},
                           headers=headers["agent"])
    assert response.status_code == 200
    assert response.json()["transaction"]["status"] == "refunded"
    assert response.json()["transaction"]["refund_limit"] == 30_000


def test_supervisor_has_no_limit(client: TestClient, headers, make_tx: MakeTx) -> None:
    tx_id = make_tx("received", 480_000)
    response = client.post(f"{API}/transactions/{tx_id}/cancel", json={"reason": "counterfeit watch"},
                           headers=headers["supervisor"])
    assert response.status_code == 200
    assert response.json()["transaction"]["status"] == "cancelled"
    assert response.json()["transaction"]["refund_limit"] is None


def test_refund_above_limit_waits_for_a_supervisor(client: TestClient, headers, db: Database,
                                                   make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed", 45_000)
    request = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "item broken"},
                          headers=headers["agent"] | {"Idempotency-Key": "big-refund"})
    assert request.status_code == 202, request.text
    body = request.json()
    approval = body["approval"]
    assert body["outcome"] == "approval_requested"
    assert approval["status"] == "pending" and approval["amount"] == 45_000 and approval["action"] == "refund"
    assert approval["requested_by_name"] == "test-agent"
    assert body["transaction"]["held"] == 45_000 and body["transaction"]["status"] == "disputed"
    assert body["transaction"]["pending_approval"]["id"] == approval["id"]
    assert body["transaction"]["actions"] == []  # nothing but a hold while a decision is pending
    assert _ledger(db, tx_id)[-1] == ("dispute", 0)  # no money moved
    assert _events(db, "escrow.refund_requested")[0].after["limit"] == 30_000

    retry = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "item broken"},
                        headers=headers["agent"] | {"Idempotency-Key": "big-refund"})
    assert retry.status_code == 202 and retry.json() == body
    second = client.post(f"{API}/transactions/{tx_id}/release", json={"reason": "meanwhile"},
                         headers=headers["supervisor"])
    assert second.status_code == 409 and second.json()["error"]["code"] == "approval_pending"

    listed = client.get(f"{API}/refund-approvals", params={"status": "pending"}, headers=headers["supervisor"])
    assert [a["id"] for a in listed.json()["items"]] == [approval["id"]]
    assert client.post(f"{API}/refund-approvals/{approval['id']}/approve", json={"reason": "ok"},
                       headers=headers["agent"]).status_code == 403

    approved = client.post(f"{API}/refund-approvals/{approval['id']}/approve",
                           json={"reason": "photos confirm damage", "version": approval["version"]},
                           headers=headers["supervisor"])
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "approved" and approved.json()["decided_by_name"] == "test-supervisor"
    detail = client.get(f"{API}/transactions/{tx_id}", headers=headers["agent"]).json()
    assert detail["status"] == "refunded" and detail["refunded"] == 45_000 and detail["held"] == 0
    assert detail["pending_approval"] is None
    assert [e.reason for e in _events(db, "escrow.refund_approved")] == ["photos confirm damage"]
    refund_event = _events(db, "escrow.refund")[0]
    assert refund_event.actor_label == "test-supervisor" and refund_event.after["held"] == 0

    twice = client.post(f"{API}/refund-approvals/{approval['id']}/reject", json={"reason": "changed my mind"},
                        headers=headers["supervisor"])
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "already_decided"


def test_rejected_request_moves_no_money(client: TestClient, headers, db: Database, make_tx: MakeTx) -> None:
    tx_id = make_tx("paid", 60_000)
    request = client.post(f"{API}/transactions/{tx_id}/cancel", json={"reason": "buyer changed mind"},
                          headers=headers["agent"])
    assert request.status_code == 202
    approval = request.json()["approval"]
    assert approval["action"] == "cancel" and approval["amount"] == 60_000
    rejected = client.post(f"{API}/refund-approvals/{approval['id']}/reject",
                           json={"reason": "seller already shipped"}, headers=headers["supervisor"])
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    detail = client.get(f"{API}/transactions/{tx_id}", headers=headers["agent"]).json()
    assert detail["status"] == "paid" and detail["held"] == 60_000
    assert detail["actions"] == ["hold", "cancel"]
    assert _events(db, "escrow.refund_rejected")[0].reason == "seller already shipped"


def test_partial_refund_within_limit_on_a_large_sale(client: TestClient, headers, make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed", 80_000)
    response = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "scratch", "amount": 8_000},
                           headers=headers["agent"])
    assert response.status_code == 200
    detail = response.json()["transaction"]
    assert (detail["status"], detail["refunded"], detail["held"]) == ("disputed", 8_000, 72_000)


def test_approval_is_refused_when_the_escrow_moved_on(client: TestClient, headers, db: Database,
                                                      make_tx: MakeTx) -> None:
    tx_id = make_tx("paid", 50_000)
    approval = client.post(f"{API}/transactions/{tx_id}/cancel", json={"reason": "fraud suspected"},
                           headers=headers["agent"]).json()["approval"]
    with db.transaction() as s:  # the sale completes meanwhile (member-side actions)
        for action in ("ship", "receive", "complete"):
            escrow_service.apply(s, transaction_id=tx_id, action=action, actor_id=None, actor_label="member",
                                 reason="member action")
    approve = client.post(f"{API}/refund-approvals/{approval['id']}/approve", json={"reason": "ok"},
                          headers=headers["supervisor"])
    assert approve.status_code == 409 and approve.json()["error"]["code"] == "illegal_transition"
    listed = client.get(f"{API}/refund-approvals", params={"transaction_id": tx_id}, headers=headers["agent"])
    assert listed.json()["items"][0]["status"] == "pending"  # still there for a supervisor to reject


def test_no_action_on_a_sale_another_agent_is_working(client: TestClient, headers, db: Database, role_staff,
                                                      make_tx: MakeTx) -> None:
    tx_id = make_tx("paid")
    with db.transaction() as s:
        tx = s.get(Transaction, tx_id)
        s.add(Inquiry(member_id=tx.buyer_id, category="payment", subject="refund?", transaction_id=tx_id,
                      first_response_due=utcnow(), resolution_due=utcnow(),
                      claimed_by_id=role_staff["supervisor"], claim_expires_at=utcnow() + timedelta(minutes=10)))
    refused = client.post(f"{API}/transactions/{tx_id}/hold", json={"reason": "x"}, headers=headers["agent"])
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "claimed_by_other"
    assert client.post(f"{API}/transactions/{tx_id}/hold", json={"reason": "x"},
                       headers=headers["supervisor"]).status_code == 200


def test_read_only_roles_see_no_actions(client: TestClient, headers, make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed")
    for role in ("moderator", "safety_officer"):
        detail = client.get(f"{API}/transactions/{tx_id}", headers=headers[role]).json()
        assert detail["actions"] == [] and detail["refund_limit"] == 0
        assert client.post(f"{API}/transactions/{tx_id}/release", json={"reason": "x"},
                           headers=headers[role]).status_code == 403


def test_split_refunds_count_against_the_limit(client: TestClient, headers, make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed", 45_000)
    first = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "part 1", "amount": 25_000},
                        headers=headers["agent"])
    assert first.status_code == 200
    second = client.post(f"{API}/transactions/{tx_id}/refund", json={"reason": "part 2", "amount": 10_000},
                         headers=headers["agent"])
    assert second.status_code == 202 and second.json()["approval"]["amount"] == 10_000
    assert second.json()["transaction"]["refunded"] == 25_000


def test_ids_beyond_the_column_range_are_refused_not_crashed(client: TestClient, headers, db: Database) -> None:
    huge = 2**31
    for method, path in [("GET", f"{API}/transactions/{huge}"), ("POST", f"{API}/transactions/{huge}/hold"),
                         ("GET", f"{API}/members/{huge}/summary"), ("GET", f"{API}/members/{huge}/ratings/summary"),
                         ("POST", f"{API}/refund-approvals/{huge}/approve"),
                         ("GET", f"{API}/transactions?member_id={huge}")]:
        response = client.request(method, path, json={"reason": "x"}, headers=headers["supervisor"])
        assert response.status_code == 422, (path, response.text)
    assert client.get(f"{API}/lookup/{huge}", headers=headers["agent"]).json() == []
