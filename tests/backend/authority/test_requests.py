"""Authority requests: four eyes, legal holds, closing, and member erasure (issue 17)."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.escrow import verify as escrow_verify
from backend.escrow.models import LedgerEntry, Transaction
from backend.inquiries.models import InquiryMessage
from backend.members.models import Member

API = "/api/v1"


def _register(client: TestClient, headers: dict[str, str], sample, **scope) -> dict:  # type: ignore[no-untyped-def]
    body = {"agency": "Tokyo Metropolitan Police", "officer": "Insp. Tanaka", "reference": "警視庁-2026-117",
            "legal_basis": "investigation_inquiry", "due_at": (utcnow() + timedelta(days=10)).isoformat(),
            "note": "art. 197(2) written inquiry",
            "scope": scope or {"member_ids": [sample.seller], "listing_ids": [sample.listing],
                               "transaction_ids": [sample.transaction]}}
    response = client.post(f"{API}/authority-requests", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_four_eyes_a_second_supervisor_decides(client: TestClient, headers, second_supervisor, sample, db) -> None:
    sup = headers["supervisor"]
    created = _register(client, sup, sample)
    assert created["status"] == "pending_approval" and created["holds"] == []
    rid = created["id"]
    own = client.post(f"{API}/authority-requests/{rid}/approve", json={"reason": "lawful"}, headers=sup)
    assert own.status_code == 403 and own.json()["error"]["code"] == "four_eyes"
    assert client.post(f"{API}/authority-requests/{rid}/decline", json={"reason": "no"}, headers=sup).status_code == 403
    no_reason = client.post(f"{API}/authority-requests/{rid}/approve", json={"reason": "  "}, headers=second_supervisor)
    assert no_reason.status_code == 422
    approved = client.post(f"{API}/authority-requests/{rid}/approve", json={"reason": "Basis checked."},
                           headers=second_supervisor)
    assert approved.status_code == 200, approved.text
    body = approved.json()
    assert body["status"] == "approved" and body["decision_reason"] == "Basis checked."
    held = {(h["target_type"], h["target_id"]) for h in body["holds"] if h["released_at"] is None}
    assert held == {("member", sample.seller), ("listing", sample.listing), ("transaction", sample.transaction)}
    again = client.post(f"{API}/authority-requests/{rid}/decline", json={"reason": "changed my mind"},
                        headers=sup)
    assert again.status_code == 409
    with db.transaction() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.action.like("authority_request.%")).order_by(AuditEvent.id)))
        places = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "legal_hold.place"))
    assert actions == ["authority_request.register", "authority_request.approve"] and places == 3


def test_decline_places_no_hold(client: TestClient, headers, second_supervisor, sample) -> None:
    rid = _register(client, headers["supervisor"], sample)["id"]
    declined = client.post(f"{API}/authority-requests/{rid}/decline", json={"reason": "No legal basis given."},
                           headers=second_supervisor)
    assert declined.status_code == 200 and declined.json()["status"] == "declined"
    assert declined.json()["holds"] == []
    package = client.get(f"{API}/authority-requests/{rid}/package", headers=headers["supervisor"])
    assert package.status_code == 409


def test_register_refuses_unknown_records_and_bad_basis(client: TestClient, headers, sample) -> None:
    sup = headers["supervisor"]
    body = {"agency": "X", "reference": "1", "legal_basis": "court_order", "due_at": "2030-01-01T00:00:00Z",
            "scope": {"member_ids": [999999]}}
    missing = client.post(f"{API}/authority-requests", json=body, headers=sup)
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "scope.member_ids"
    empty = client.post(f"{API}/authority-requests", json=body | {"scope": {}}, headers=sup)
    assert empty.status_code == 422
    basis = client.post(f"{API}/authority-requests", json=body | {"legal_basis": "asked nicely"}, headers=sup)
    assert basis.status_code == 422


def test_hold_blocks_erasure_until_every_request_holding_it_is_closed(client: TestClient, headers,
                                                                     second_supervisor, sample, db: Database) -> None:
    sup = headers["supervisor"]
    first = _register(client, sup, sample)["id"]
    second = _register(client, sup, sample, transaction_ids=[sample.transaction])["id"]  # holds the seller's sale
    for rid in (first, second):
        assert client.post(f"{API}/authority-requests/{rid}/approve", json={"reason": "ok"},
                           headers=second_supervisor).status_code == 200
    erase = client.post(f"{API}/members/{sample.seller}/erase", json={"reason": "APPI deletion request"}, headers=sup)
    assert erase.status_code == 409 and erase.json()["error"]["code"] == "legal_hold"

    closed = client.post(f"{API}/authority-requests/{first}/close", json={"reason": "case closed"}, headers=sup)
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert all(h["released_at"] for h in closed.json()["holds"])
    # The other request still holds the seller's transaction: still refused.
    assert client.post(f"{API}/members/{sample.seller}/erase", json={"reason": "APPI"}, headers=sup).status_code == 409

    assert client.post(f"{API}/authority-requests/{second}/close", json={}, headers=sup).status_code == 200
    with db.transaction() as s:
        ledger_before = [(e.transaction_id, e.seq, e.kind, e.amount) for e in s.scalars(select(LedgerEntry))]
        tx_before = s.get_one(Transaction, sample.transaction).amount
    done = client.post(f"{API}/members/{sample.seller}/erase", json={"reason": "APPI deletion request"}, headers=sup)
    assert done.status_code == 200, done.text
    assert done.json()["changed"] is True
    repeat = client.post(f"{API}/members/{sample.seller}/erase", json={"reason": "again"}, headers=sup)
    assert repeat.status_code == 200 and repeat.json()["changed"] is False

    with db.transaction() as s:
        member = s.get_one(Member, sample.seller)
        assert (member.email, member.phone, member.address) == (None, None, None)
        assert "Sato" not in member.display_name
        assert [(e.transaction_id, e.seq, e.kind, e.amount) for e in s.scalars(select(LedgerEntry))] == ledger_before
        assert s.get_one(Transaction, sample.transaction).amount == tx_before
        assert list(escrow_verify.problems(s)) == []
        assert "sato@example.jp" not in str(list(s.scalars(select(AuditEvent.after))))
        assert all(m.body for m in s.scalars(select(InquiryMessage)))
    chain = client.get(f"{API}/audit-events/verify", headers=sup)
    assert chain.status_code == 200 and chain.json()["ok"] is True


def test_only_supervisors_erase(client: TestClient, headers, sample) -> None:
    for role in ("agent", "moderator", "safety_officer", "rights_owner"):
        response = client.post(f"{API}/members/{sample.buyer}/erase", json={"reason": "x"}, headers=headers[role])
        assert response.status_code == 403


def test_due_date_counts_down_in_the_list(client: TestClient, headers, sample) -> None:
    _register(client, headers["supervisor"], sample)
    page = client.get(f"{API}/authority-requests", headers=headers["supervisor"]).json()
    assert len(page["items"]) == 1
    assert 9 * 86400 < page["items"][0]["due_in_seconds"] <= 10 * 86400
