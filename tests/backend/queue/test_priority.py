"""SLA due times, the effective-due priority order, SLA filters and the change feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from backend.db import Database, utcnow
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry
from backend.listings.models import Listing
from backend.members.models import Member
from backend.queue import priority

API = "/api/v1"


def test_sla_and_rank_rules() -> None:
    created = datetime(2030, 1, 1, tzinfo=UTC)
    severity, due = priority.flag_sla("weapon", created)
    assert (severity, due) == (5, created + timedelta(hours=2))
    assert priority.rank(due, severity, 0.9) == due - timedelta(hours=4.5)
    assert priority.rank(due, severity, 7.0) == due - timedelta(hours=5)  # scores are clamped to 0..1
    assert priority.flag_sla("game_account", created) == (2, created + timedelta(hours=12))
    now = created
    assert priority.sla_state(now - timedelta(seconds=1), now) == priority.SlaState.breached
    assert priority.sla_state(now + timedelta(minutes=59), now) == priority.SlaState.at_risk
    assert priority.sla_state(now + timedelta(hours=2), now) == priority.SlaState.ok


def _seed(db: Database) -> dict[str, int]:
    now = utcnow()
    with db.transaction() as s:
        member = Member(external_id="m-p", display_name="P")
        s.add(member)
        s.flush()
        listing = Listing(external_id="l-p", seller_id=member.id, title="Knife", category="x", price=1, status="active")
        s.add(listing)
        s.flush()
        rows = {
            # due in 6h, severity 3 x 1.0 -> effective due in 3h
            "counterfeit": Flag(listing_id=listing.id, source="detector", policy="counterfeit", score=1.0,
                                reasons=[], created_at=now - timedelta(hours=2)),
            # due in 1h50 (at risk? no: > 1h), severity 5 x 0.2 -> effective in 50 min
            "weapon": Flag(listing_id=listing.id, source="detector", policy="weapon", score=0.2, reasons=[],
                           created_at=now - timedelta(minutes=10)),
            # breached 30 min ago, mild -> effective -30 min
            "old": Flag(listing_id=listing.id, source="member_report", policy="game_account", score=0.0,
                        reasons=[], created_at=now - timedelta(hours=12, minutes=30)),
            # due in 40 min -> at risk; severity 3 x 0.5 -> effective -50 min
            "risky": Flag(listing_id=listing.id, source="detector", policy="cash_equivalent", score=0.5,
                          reasons=[], created_at=now - timedelta(hours=7, minutes=20)),
        }
        s.add_all(rows.values())
        s.add(Inquiry(member_id=member.id, category="payment", subject="Urgent", priority=1,
                      first_response_due=now + timedelta(hours=3), resolution_due=now + timedelta(hours=24)))
        s.flush()
        return {name: flag.id for name, flag in rows.items()}


def test_queue_order_filters_and_sla_state(client: TestClient, headers, db: Database) -> None:
    flags = _seed(db)
    mod = headers["moderator"]
    page = client.get(f"{API}/queue", headers=mod).json()
    assert [row["ref_id"] for row in page["items"]] == [flags["risky"], flags["old"], flags["weapon"],
                                                          flags["counterfeit"]]
    assert {row["kind"] for row in page["items"]} == {"flag"}  # moderators do not see inquiries
    by_ref = {row["ref_id"]: row for row in page["items"]}
    assert by_ref[flags["old"]]["sla_state"] == "breached" and by_ref[flags["old"]]["seconds_to_due"] < 0
    assert by_ref[flags["risky"]]["sla_state"] == "at_risk"
    assert by_ref[flags["counterfeit"]]["sla_state"] == "ok"

    breached = client.get(f"{API}/queue", params={"sla": "breached"}, headers=mod).json()["items"]
    assert [row["ref_id"] for row in breached] == [flags["old"]]
    at_risk = client.get(f"{API}/queue", params={"sla": "at_risk"}, headers=mod).json()["items"]
    assert [row["ref_id"] for row in at_risk] == [flags["risky"]]
    weapons = client.get(f"{API}/queue", params={"category": "weapon"}, headers=mod).json()["items"]
    assert [row["ref_id"] for row in weapons] == [flags["weapon"]]
    newest = client.get(f"{API}/queue", params={"sort": "newest", "limit": 2}, headers=mod).json()
    assert [row["ref_id"] for row in newest["items"]] == [flags["weapon"], flags["counterfeit"]]
    rest = client.get(f"{API}/queue", params={"sort": "newest", "cursor": newest["next_cursor"]}, headers=mod)
    assert [row["ref_id"] for row in rest.json()["items"]] == [flags["risky"], flags["old"]]

    everything = client.get(f"{API}/queue", headers=headers["supervisor"]).json()["items"]
    assert [row["kind"] for row in everything].count("inquiry") == 1
    assert client.get(f"{API}/queue", params={"kind": "flag"}, headers=headers["agent"]).status_code == 403
    assert client.get(f"{API}/queue", params={"sort": "sideways"}, headers=mod).status_code == 422
    assert client.get(f"{API}/queue", params={"cursor": "garbage"}, headers=mod).status_code == 400


def test_change_feed_reports_changes_and_departures(client: TestClient, headers, db: Database) -> None:
    flags = _seed(db)
    mod = headers["moderator"]
    start = client.get(f"{API}/queue/changes", headers=mod).json()
    assert start["items"] == [] and start["since"]
    with db.transaction() as s:
        s.get(Flag, flags["weapon"]).status = "dismissed"  # decided elsewhere, through the ORM
    polled = client.get(f"{API}/queue/changes", params={"since": start["since"]}, headers=mod).json()
    gone = [row for row in polled["items"] if row["ref_id"] == flags["weapon"]]
    assert gone and gone[0]["open"] is False and gone[0]["status"] == "dismissed"
    assert all(row["kind"] == "flag" for row in polled["items"])
    assert client.get(f"{API}/queue/changes", params={"since": "nope"}, headers=mod).status_code == 400


def test_a_bulk_seeded_database_gets_its_queue_on_first_read(client: TestClient, headers, db: Database) -> None:
    from sqlalchemy import insert

    from backend.queue import sources

    with db.transaction() as s:  # Core inserts, as the seeder writes: nothing mirrored
        s.execute(insert(Member).values(id=900, external_id="m-bulk", display_name="Bulk"))
        s.execute(insert(Listing).values(id=900, external_id="l-bulk", seller_id=900, title="Bulk", category="x",
                                         price=1, status="active"))
        s.execute(insert(Flag).values(listing_id=900, source="detector", policy="weapon", score=0.9, reasons=[],
                                      status="open", created_at=utcnow(), version=1))
    sources._BUILT.clear()
    client.get(f"{API}/queue", headers=headers["moderator"])  # builds (SQLite's open snapshot may not see it yet)
    items = client.get(f"{API}/queue", headers=headers["moderator"]).json()["items"]
    assert [row["title"] for row in items] == ["Bulk"]
