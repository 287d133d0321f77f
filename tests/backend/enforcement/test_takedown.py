"""One-click takedown through the real API: the whole cascade, all or nothing, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backend.app import create_app
from backend.audit import service as audit_service
from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.enforcement import notifications
from backend.enforcement.models import MemberNotification, Strike, Takedown
from backend.escrow.models import LedgerEntry, Transaction
from backend.flags.models import Flag
from backend.listings.models import Listing
from backend.members.models import Member
from backend.screening.models import DecisionLabel
from tests.backend.enforcement.conftest import Shop, snapshot

BODY = {"reason_code": "counterfeit", "note": "replica logo"}


def _take_down(client: TestClient, headers: dict[str, str], shop: Shop, **extra: object):
    return client.post(f"/api/v1/listings/{shop.listing}/takedown", json=BODY | {"flag_id": shop.flag} | extra,
                       headers=headers)


def test_takedown_runs_the_whole_cascade(client: TestClient, headers, role_staff, db: Database, shop: Shop) -> None:
    response = _take_down(client, headers["moderator"], shop)
    assert response.status_code == 201, response.text
    out = response.json()
    assert out["changed"] is True
    takedown = out["takedown"]
    assert takedown["reason_code"] == "counterfeit" and takedown["actor_id"] == role_staff["moderator"]
    assert takedown["effects"]["refunded_yen"] == 5000 + 3000
    assert sorted(takedown["effects"]["flags_closed"]) == sorted([shop.flag, shop.report])
    assert out["seller_standing"] == {"points": 2, "window_days": 90, "suggestion": None}

    with db.session() as s:
        assert s.get(Listing, shop.listing).status == "removed"
        status = {tx.id: tx.status for tx in s.scalars(select(Transaction))}
        assert status == {shop.paid: "cancelled", shop.disputed: "refunded", shop.awaiting: "cancelled",
                          shop.completed: "completed"}
        refunds = {e.transaction_id: e.amount for e in s.scalars(select(LedgerEntry).where(LedgerEntry.kind == "refund"))}
        assert refunds == {shop.paid: 5000, shop.disputed: 3000}
        flags = s.scalars(select(Flag)).all()
        assert {f.status for f in flags} == {"actioned"}
        assert {f.decided_by_id for f in flags} == {role_staff["moderator"]}
        note = s.scalars(select(MemberNotification)).one()
        assert note.member_id == shop.seller and note.kind == "takedown" and "Counterfeit goods" in note.body
        strike = s.scalars(select(Strike)).one()
        assert (strike.member_id, strike.policy, strike.weight) == (shop.seller, "counterfeit", 2)
        assert s.get(Member, shop.seller).strikes == 1
        label = s.scalars(select(DecisionLabel)).one()
        assert (label.label, label.source) == ("counterfeit", "takedown")
        assert label.text == "ルイヴィトン 財布 新品\n国内正規品です"
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        assert actions.count("listing.takedown") == 1
        assert {"escrow.cancel", "escrow.refund"} <= set(actions)
        assert audit_service.verify(s).ok


def test_repeating_a_takedown_changes_nothing(client: TestClient, headers, db: Database, shop: Shop) -> None:
    first = _take_down(client, headers["moderator"], shop)
    assert first.status_code == 201
    before = snapshot(db)
    again = _take_down(client, headers["supervisor"], shop, reason_code="weapon")  # double click, other desk
    assert again.status_code == 200 and again.json()["changed"] is False
    assert again.json()["takedown"]["id"] == first.json()["takedown"]["id"]
    assert snapshot(db) == before


def test_idempotency_key_replays_the_first_answer(client: TestClient, headers, db: Database, shop: Shop) -> None:
    key = {"Idempotency-Key": "takedown-1"}
    first = _take_down(client, headers["moderator"] | key, shop)
    before = snapshot(db)
    retry = _take_down(client, headers["moderator"] | key, shop)
    assert retry.status_code == 201 and retry.headers["Idempotent-Replayed"] == "true"
    assert retry.json() == first.json()
    assert snapshot(db) == before


def _fail_on_notification(**_kwargs: object) -> None:
    raise RuntimeError("notification store unavailable")


def _fail_on_takedown_audit(monkeypatch: pytest.MonkeyPatch) -> None:
    real = audit_service.record

    def record(session, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs["action"] == "listing.takedown":
            raise RuntimeError("audit store unavailable")
        return real(session, **kwargs)

    monkeypatch.setattr(audit_service, "record", record)


@pytest.mark.parametrize("step", ["notification", "final audit event"])
def test_a_failure_midway_leaves_everything_unchanged(db: Database, headers, shop: Shop,
                                                      monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    if step == "notification":  # after escrow was cancelled and refunded
        monkeypatch.setattr(notifications, "notify", _fail_on_notification)
    else:  # the very last step
        _fail_on_takedown_audit(monkeypatch)
    before = snapshot(db)
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        response = _take_down(client, headers["moderator"], shop)
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal"
    assert snapshot(db) == before


@pytest.mark.parametrize("role", ["agent", "safety_officer"])
def test_only_moderators_and_supervisors_take_down(client: TestClient, headers, db: Database, shop: Shop,
                                                   role: str) -> None:
    before = snapshot(db)
    response = _take_down(client, headers[role], shop)
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert snapshot(db) == before


def test_a_flag_another_moderator_holds_is_not_acted_on(client: TestClient, headers, role_staff, db: Database,
                                                        shop: Shop) -> None:
    with db.transaction() as s:
        s.execute(update(Flag).where(Flag.id == shop.report).values(
            claimed_by_id=role_staff["supervisor"], claim_expires_at=utcnow() + timedelta(minutes=5)))
    before = snapshot(db)
    response = _take_down(client, headers["moderator"], shop)
    assert response.status_code == 409 and response.json()["error"]["code"] == "claimed_by_other"
    assert snapshot(db) == before


@pytest.mark.parametrize(("body", "field"), [
    ({"reason_code": "other"}, "note"),
    ({"reason_code": "ugly"}, "reason_code"),
    ({"reason_code": "weapon", "duration_hours": -1}, "duration_hours"),
    ({"reason_code": "weapon", "flag_id": 999999}, "flag_id"),
    ({"reason_code": "weapon", "listing_version": 99}, "version"),
])
def test_bad_takedowns_are_refused_with_the_field(client: TestClient, headers, db: Database, shop: Shop,
                                                  body: dict[str, object], field: str) -> None:
    before = snapshot(db)
    response = client.post(f"/api/v1/listings/{shop.listing}/takedown", json=body, headers=headers["moderator"])
    assert response.status_code in (409, 422), response.text
    assert response.json()["error"]["field"] == field
    assert snapshot(db) == before


def test_unknown_listing_is_404(client: TestClient, headers, db: Database) -> None:
    response = client.post("/api/v1/listings/999999/takedown", json=BODY, headers=headers["moderator"])
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_one_takedown_reads_as_it_stands_now(client: TestClient, headers, db: Database, shop: Shop) -> None:
    taken = _take_down(client, headers["moderator"], shop).json()["takedown"]
    read = client.get(f"/api/v1/takedowns/{taken['id']}", headers=headers["agent"])
    assert read.status_code == 200, read.text
    assert read.json() == client.get("/api/v1/takedowns", params={"listing_id": shop.listing},
                                     headers=headers["agent"]).json()["items"][0]
    assert read.json()["reversed_at"] is None and read.json()["reason_code"] == "counterfeit"
    client.post(f"/api/v1/takedowns/{taken['id']}/reinstate", json={"reason": "wrong listing"},
                headers=headers["moderator"])
    again = client.get(f"/api/v1/takedowns/{taken['id']}", headers=headers["agent"]).json()
    assert again["reversed_at"] is not None and again["reversal_reason"] == "wrong listing"
    missing = client.get("/api/v1/takedowns/999999", headers=headers["agent"])
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client.get(f"/api/v1/takedowns/{taken['id']}").status_code == 401


def _backdate(db: Database, takedown_id: int, hours: float) -> None:
    with db.transaction() as s:
        s.execute(update(Takedown).where(Takedown.id == takedown_id)
                  .values(created_at=utcnow() - timedelta(hours=hours)))


def test_moderator_reinstates_within_24_hours(client: TestClient, headers, db: Database, shop: Shop) -> None:
    takedown_id = _take_down(client, headers["moderator"], shop).json()["takedown"]["id"]
    _backdate(db, takedown_id, 23)
    response = client.post(f"/api/v1/takedowns/{takedown_id}/reinstate", json={"reason": "wrong listing"},
                           headers=headers["moderator"])
    assert response.status_code == 201, response.text
    assert response.json()["takedown"]["reversal_reason"] == "wrong listing"
    assert response.json()["seller_standing"]["points"] == 0
    with db.session() as s:
        # Its open sales were cancelled, so it is back on sale; refunds stay refunded.
        assert s.get(Listing, shop.listing).status == "active"
        assert s.get(Transaction, shop.paid).status == "cancelled"
        assert s.scalar(select(LedgerEntry.amount).where(LedgerEntry.transaction_id == shop.paid,
                                                         LedgerEntry.kind == "refund")) == 5000
        assert s.scalars(select(Strike)).one().removed_at is not None
        assert s.get(Member, shop.seller).strikes == 0
        assert s.scalars(select(DecisionLabel)).all() == []  # a mistaken decision must not train the detector
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc()).limit(1)) == "listing.reinstate"
    again = client.post(f"/api/v1/takedowns/{takedown_id}/reinstate", json={"reason": "again"},
                        headers=headers["moderator"])
    assert again.status_code == 200 and again.json()["changed"] is False


def test_only_supervisors_reinstate_after_24_hours(client: TestClient, headers, db: Database, shop: Shop) -> None:
    takedown_id = _take_down(client, headers["moderator"], shop).json()["takedown"]["id"]
    _backdate(db, takedown_id, 25)
    before = snapshot(db)
    refused = client.post(f"/api/v1/takedowns/{takedown_id}/reinstate", json={"reason": "seller called"},
                          headers=headers["moderator"])
    assert refused.status_code == 403 and "supervisor" in refused.json()["error"]["message"]
    assert snapshot(db) == before
    for role in ("agent", "safety_officer"):
        assert client.post(f"/api/v1/takedowns/{takedown_id}/reinstate", json={"reason": "x"},
                           headers=headers[role]).status_code == 403
    done = client.post(f"/api/v1/takedowns/{takedown_id}/reinstate", json={"reason": "seller called"},
                       headers=headers["supervisor"])
    assert done.status_code == 201


def test_sold_listing_with_a_finished_sale_goes_back_to_sold(client: TestClient, headers, db: Database,
                                                             shop: Shop) -> None:
    with db.transaction() as s:
        s.execute(update(Listing).where(Listing.id == shop.other_listings[0]).values(status="sold"))
    taken = client.post(f"/api/v1/listings/{shop.other_listings[0]}/takedown", json={"reason_code": "stolen_goods"},
                        headers=headers["moderator"]).json()["takedown"]
    assert taken["effects"]["transactions"] == []
    client.post(f"/api/v1/takedowns/{taken['id']}/reinstate", json={"reason": "police cleared it"},
                headers=headers["moderator"])
    with db.session() as s:
        assert s.get(Listing, shop.other_listings[0]).status == "sold"
