"""Claims are leases: visible to everyone, exclusive, renewed, lapsing, handed over."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.inquiries.models import Inquiry
from backend.queue.models import QueueItem

API = "/api/v1"


def _queue_id(db: Database, kind: str, ref_id: int) -> int:
    with db.session() as s:
        return s.scalar(select(QueueItem.id).where(QueueItem.kind == kind, QueueItem.ref_id == ref_id))


def _expire(db: Database, item_id: int) -> None:
    """What a dead console leaves behind: a claim nobody renewed."""
    past = utcnow() - timedelta(seconds=1)
    with db.transaction() as s:
        item = s.get(QueueItem, item_id)
        s.execute(update(QueueItem).where(QueueItem.id == item_id).values(claim_expires_at=past))
        s.execute(update(Inquiry).where(Inquiry.id == item.ref_id).values(claim_expires_at=past))


def test_next_claims_best_item_and_everyone_sees_the_claimer(client: TestClient, headers, agent2, make_items,
                                                              clock_in, db) -> None:
    ids = make_items(inquiries=3)
    clock_in(headers["agent"])
    got = client.post(f"{API}/queue/next", json={}, headers=headers["agent"])
    assert got.status_code == 200, got.text
    item = got.json()["item"]
    assert item["kind"] == "inquiry" and item["ref_id"] == ids["inquiry"][0]  # earliest first-response due
    assert item["mine"] is True and 590 <= item["claim_seconds_left"] <= 600
    seen = client.get(f"{API}/queue/items/{item['id']}", headers=agent2[1]).json()
    assert seen["claimed_by_name"] == "test-agent" and seen["mine"] is False and seen["claim_seconds_left"] > 0
    with db.session() as s:
        inquiry = s.get(Inquiry, ids["inquiry"][0])
        assert inquiry.claimed_by_id is not None and inquiry.version == 1  # a lease is not an edit
        assert s.scalar(select(AuditEvent.action).where(AuditEvent.target_type == "inquiry",
                                                         AuditEvent.target_id == str(inquiry.id))) == "queue.claim"


def test_another_agent_cannot_act_on_a_claimed_item(client: TestClient, headers, agent2, make_items,
                                                    clock_in) -> None:
    ids = make_items(inquiries=1)
    clock_in(headers["agent"])
    clock_in(agent2[1])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    for path, body in ((f"queue/items/{item['id']}/claim", {}), (f"queue/items/{item['id']}/renew", {}),
                       (f"queue/items/{item['id']}/release", {"note": "mine now"}),
                       (f"inquiries/{ids['inquiry'][0]}/replies", {"body": "Hello"}),
                       (f"inquiries/{ids['inquiry'][0]}/notes", {"body": "psst"}),
                       (f"inquiries/{ids['inquiry'][0]}/status", {"status": "resolved", "version": 1})):
        refused = client.post(f"{API}/{path}", json=body, headers=agent2[1])
        assert refused.status_code == 409, (path, refused.text)
        assert refused.json()["error"]["code"] == "claimed_by_other"
        assert "test-agent is working on this item" in refused.json()["error"]["message"]
    # and "next" does not hand it out again
    assert client.post(f"{API}/queue/next", json={}, headers=agent2[1]).json()["item"] is None
    # the holder can reply
    assert client.post(f"{API}/inquiries/{ids['inquiry'][0]}/replies", json={"body": "On it"},
                       headers=headers["agent"]).status_code == 201


def test_lease_renewal_and_expiry(client: TestClient, headers, agent2, make_items, clock_in, db) -> None:
    make_items(inquiries=1)
    clock_in(headers["agent"])
    clock_in(agent2[1])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    renewed = client.post(f"{API}/queue/items/{item['id']}/renew", headers=headers["agent"]).json()
    assert renewed["claim_expires_at"] >= item["claim_expires_at"] and renewed["mine"]

    _expire(db, item["id"])  # the console died
    page = client.get(f"{API}/queue", params={"claim": "unclaimed"}, headers=agent2[1]).json()
    assert [row["id"] for row in page["items"]] == [item["id"]]
    assert page["items"][0]["claimed_by_id"] is None
    taken = client.post(f"{API}/queue/next", json={}, headers=agent2[1]).json()["item"]
    assert taken["id"] == item["id"] and taken["mine"]
    late = client.post(f"{API}/queue/items/{item['id']}/renew", headers=headers["agent"])
    assert late.status_code == 409 and late.json()["error"]["code"] == "claimed_by_other"


def test_renewing_a_lapsed_lease_nobody_took_reclaims_it(client, headers, make_items, clock_in, db) -> None:
    make_items(inquiries=1)
    clock_in(headers["agent"])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    _expire(db, item["id"])
    renewed = client.post(f"{API}/queue/items/{item['id']}/renew", headers=headers["agent"])
    assert renewed.status_code == 200 and renewed.json()["mine"]


def test_release_with_note_and_handoff_to_colleague(client: TestClient, headers, agent2, make_items,
                                                     clock_in) -> None:
    make_items(inquiries=2)
    clock_in(headers["agent"])
    clock_in(agent2[1])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    released = client.post(f"{API}/queue/items/{item['id']}/release", json={"note": "Waiting for tracking no."},
                           headers=headers["agent"]).json()
    assert released["claimed_by_id"] is None and released["handover_note"] == "Waiting for tracking no."
    assert released["handover_by_name"] == "test-agent"

    client.post(f"{API}/queue/items/{item['id']}/claim", headers=headers["agent"])
    handed = client.post(f"{API}/queue/items/{item['id']}/handoff",
                         json={"to_staff_id": agent2[0], "note": "You know this buyer"}, headers=headers["agent"])
    assert handed.status_code == 200, handed.text
    assert handed.json()["claimed_by_name"] == "Second Agent" and handed.json()["mine"] is False
    mine = client.get(f"{API}/queue", params={"claim": "mine"}, headers=agent2[1]).json()["items"]
    assert [row["id"] for row in mine] == [item["id"]]


def test_handoff_checks_the_colleague(client, headers, role_staff, make_items, clock_in) -> None:
    make_items(inquiries=1)
    clock_in(headers["agent"])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    to_moderator = client.post(f"{API}/queue/items/{item['id']}/handoff",
                               json={"to_staff_id": role_staff["moderator"]}, headers=headers["agent"])
    assert to_moderator.status_code == 422 and to_moderator.json()["error"]["field"] == "to_staff_id"
    unknown = client.post(f"{API}/queue/items/{item['id']}/handoff", json={"to_staff_id": 999999},
                          headers=headers["agent"])
    assert unknown.status_code == 404


def test_supervisor_reassigns_a_claimed_item(client: TestClient, headers, agent2, make_items, clock_in) -> None:
    make_items(inquiries=1)
    clock_in(headers["agent"])
    clock_in(agent2[1])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    moved = client.post(f"{API}/queue/items/{item['id']}/handoff", json={"to_staff_id": agent2[0],
                        "note": "Agent 1 is in a call"}, headers=headers["supervisor"])
    assert moved.status_code == 200, moved.text
    assert moved.json()["claimed_by_id"] == agent2[0]
    refused = client.post(f"{API}/queue/items/{item['id']}/renew", headers=headers["agent"])
    assert refused.status_code == 409


def test_next_needs_a_clock_in_and_respects_roles(client: TestClient, headers, make_items, clock_in) -> None:
    ids = make_items(inquiries=1, flags=1)
    refused = client.post(f"{API}/queue/next", json={}, headers=headers["agent"])
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "not_clocked_in"
    clock_in(headers["agent"])
    clock_in(headers["moderator"])
    assert client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]["kind"] == "inquiry"
    flag = client.post(f"{API}/queue/next", json={}, headers=headers["moderator"]).json()["item"]
    assert flag["kind"] == "flag" and flag["ref_id"] == ids["flag"][0]
    wrong = client.post(f"{API}/queue/next", json={"kinds": ["flag"]}, headers=headers["agent"])
    assert wrong.status_code == 403
    assert client.post(f"{API}/queue/next", json={"kinds": ["nope"]}, headers=headers["agent"]).status_code == 422


def test_next_is_idempotent_per_key(client: TestClient, headers, make_items, clock_in) -> None:
    make_items(inquiries=2)
    clock_in(headers["agent"])
    key = {"Idempotency-Key": "next-1"} | headers["agent"]
    first = client.post(f"{API}/queue/next", json={}, headers=key).json()["item"]
    again = client.post(f"{API}/queue/next", json={}, headers=key)
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json()["item"]["id"] == first["id"]


def test_closing_the_source_takes_it_off_the_queue(client: TestClient, headers, make_items, clock_in, db) -> None:
    ids = make_items(inquiries=1)
    clock_in(headers["agent"])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    resolved = client.post(f"{API}/inquiries/{ids['inquiry'][0]}/status", json={"status": "resolved", "version": 1},
                           headers=headers["agent"])
    assert resolved.status_code == 200, resolved.text
    assert client.get(f"{API}/queue", headers=headers["agent"]).json()["items"] == []
    closed = client.post(f"{API}/queue/items/{item['id']}/claim", headers=headers["agent"])
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "closed"
    with db.session() as s:
        row = s.get(QueueItem, item["id"])
        assert not row.open and row.closed_at is not None and row.claimed_by_id is None


def test_queue_rows_name_the_member_and_listing(client: TestClient, headers, make_items, clock_in) -> None:
    make_items(inquiries=1, flags=1)
    page = client.get(f"{API}/queue", headers=headers["supervisor"]).json()["items"]
    flag = next(i for i in page if i["kind"] == "flag")
    assert flag["listing_title"] == "Rolex watch" and flag["member_name"] == "Tanaka Member"
    inquiry = next(i for i in page if i["kind"] == "inquiry")
    assert inquiry["member_name"] == "Tanaka Member"
    assert (inquiry["listing_id"] is None) == (inquiry["listing_title"] is None)
