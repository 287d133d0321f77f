"""Dismissing a flag as a false positive."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.flags.models import Flag
from backend.screening.models import DecisionLabel
from tests.backend.enforcement.conftest import Shop, snapshot


def test_dismiss_closes_the_flag_and_labels_the_listing_ok(client: TestClient, headers, role_staff, db: Database,
                                                           shop: Shop) -> None:
    response = client.post(f"/api/v1/flags/{shop.flag}/dismiss", json={"reason": "receipt shown", "version": 1},
                           headers=headers["moderator"])
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "dismissed"
    with db.session() as s:
        flag = s.get(Flag, shop.flag)
        assert (flag.decided_by_id, flag.decision_reason) == (role_staff["moderator"], "receipt shown")
        assert s.get(Flag, shop.report).status == "open"  # only the flag acted on
        label = s.scalars(select(DecisionLabel)).one()
        assert (label.label, label.source, label.listing_id) == ("ok", "dismiss", shop.listing)
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.id.desc()).limit(1)) == "flag.dismiss"
    before = snapshot(db)
    again = client.post(f"/api/v1/flags/{shop.flag}/dismiss", json={"reason": "receipt shown"},
                        headers=headers["moderator"])
    assert again.status_code == 200 and snapshot(db) == before


def test_dismiss_refusals(client: TestClient, headers, role_staff, db: Database, shop: Shop) -> None:
    url = f"/api/v1/flags/{shop.flag}/dismiss"
    assert client.post(url, json={"reason": "x"}, headers=headers["agent"]).status_code == 403
    stale = client.post(url, json={"reason": "x", "version": 7}, headers=headers["moderator"])
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"
    with db.transaction() as s:
        s.execute(update(Flag).where(Flag.id == shop.flag).values(
            claimed_by_id=role_staff["supervisor"], claim_expires_at=utcnow() + timedelta(minutes=5)))
    held = client.post(url, json={"reason": "x"}, headers=headers["moderator"])
    assert held.status_code == 409 and held.json()["error"]["code"] == "claimed_by_other"
    client.post(f"/api/v1/listings/{shop.listing}/takedown", json={"reason_code": "counterfeit"},
                headers=headers["supervisor"])
    actioned = client.post(url, json={"reason": "x"}, headers=headers["supervisor"])
    assert actioned.status_code == 409 and actioned.json()["error"]["code"] == "already_decided"
    missing = client.post("/api/v1/flags/999999/dismiss", json={"reason": "x"}, headers=headers["moderator"])
    assert missing.status_code == 404
