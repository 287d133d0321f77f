"""Supervisors set per-policy thresholds and preview them against past decisions."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.flags.models import Flag
from backend.listings.models import Listing
from backend.members.models import Member
from backend.screening.models import DecisionLabel

SUP = "supervisor"


def test_thresholds_start_at_the_defaults(client: TestClient, headers) -> None:
    rows = {row["policy"]: row for row in client.get("/api/v1/screening/thresholds", headers=headers["moderator"]).json()}
    assert len(rows) == 6
    assert (rows["stolen_goods"]["flag_at"], rows["stolen_goods"]["suspend_at"], rows["stolen_goods"]["version"]) \
        == (0.70, 0.99, 0)


def test_setting_a_threshold_is_validated_versioned_and_audited(client: TestClient, headers, db: Database) -> None:
    url = "/api/v1/screening/thresholds/weapon"
    for bad in ({"flag_at": 0.9, "suspend_at": 0.8, "version": 0}, {"flag_at": 0, "suspend_at": 0.8, "version": 0},
                {"flag_at": 0.5, "suspend_at": 1.2, "version": 0}):
        assert client.put(url, json=bad, headers=headers[SUP]).status_code == 422
    unknown = client.put("/api/v1/screening/thresholds/jaywalking", headers=headers[SUP],
                         json={"flag_at": 0.5, "suspend_at": 0.9, "version": 0})
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "policy"

    saved = client.put(url, json={"flag_at": 0.6, "suspend_at": 0.95, "version": 0, "reason": "too many misses"},
                       headers=headers[SUP])
    assert saved.status_code == 200 and saved.json()["version"] == 1 and saved.json()["flag_at"] == 0.6
    stale = client.put(url, json={"flag_at": 0.65, "suspend_at": 0.95, "version": 0}, headers=headers[SUP])
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"
    assert client.put(url, json={"flag_at": 0.65, "suspend_at": 0.95, "version": 1},
                      headers=headers[SUP]).json()["version"] == 2
    with db.session() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "detector.threshold.set")
                           .order_by(AuditEvent.id)).all()
    assert [(e.before["flag_at"], e.after["flag_at"]) for e in events] == [(0.70, 0.6), (0.6, 0.65)]
    assert events[0].reason == "too many misses"


def _history(db: Database) -> None:
    """Counterfeit detector flags with known outcomes, one listing each."""
    now = utcnow()
    cases = [  # score, status, label or None, age in days
        (0.95, "actioned", None, 2), (0.90, "actioned", "counterfeit", 3), (0.80, "dismissed", "ok", 4),
        (0.75, "actioned", "weapon", 5),  # taken down, but for another policy: the flag was wrong
        (0.85, "dismissed", "counterfeit", 6),  # dismissed, later taken down: the flag was right
        (0.72, "open", None, 40),  # undecided and outside the volume window
    ]
    with db.transaction() as s:
        seller = Member(external_id="m-history", display_name="History")
        s.add(seller)
        s.flush()
        for n, (score, status, label, age) in enumerate(cases):
            listing = Listing(external_id=f"hist-{n}", seller_id=seller.id, title=f"item {n}", category="bags",
                              price=1000)
            s.add(listing)
            s.flush()
            s.add(Flag(listing_id=listing.id, source="detector", policy="counterfeit", score=score, status=status,
                       created_at=now - timedelta(days=age)))
            if label:
                s.add(DecisionLabel(listing_id=listing.id, text="item", label=label, source="takedown"))
        s.add(Flag(listing_id=listing.id, source="member_report", policy="counterfeit", score=0.99,
                   status="dismissed"))


def test_preview_replays_past_decisions(client: TestClient, headers, db: Database) -> None:
    _history(db)
    url = "/api/v1/screening/thresholds/counterfeit/preview"
    body = client.get(url, params={"threshold": 0.8}, headers=headers[SUP]).json()
    assert body["decided_flags"] == 5 and body["observed_min_score"] == 0.72
    point = body["at_threshold"]
    assert (point["true_positives"], point["false_positives"], point["precision"]) == (3, 1, 0.75)
    assert point["flags_in_window"] == 4 and point["flags_per_day"] == round(4 / 30, 2)

    curve = {p["threshold"]: p for p in body["curve"]}
    assert curve[0.7]["precision"] == 0.6 and curve[0.7]["flags_in_window"] == 5
    assert curve[0.96]["precision"] is None and curve[0.96]["flags_in_window"] == 0
    assert client.get(url, params={"threshold": 1.5}, headers=headers[SUP]).status_code == 422
    assert client.get("/api/v1/screening/thresholds/nope/preview", headers=headers[SUP]).status_code == 422
