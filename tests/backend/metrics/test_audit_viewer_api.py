"""The audit viewer's reads (issue 18): filters by actor, action, target and time."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.staff.models import Staff


def _seed(db: Database) -> tuple[int, int]:
    with db.transaction() as s:
        agent = s.scalar(select(Staff).where(Staff.username == "test-agent"))
        mod = s.scalar(select(Staff).where(Staff.username == "test-moderator"))
        for who, action, kind, ref in ((agent, "inquiry.reply", "inquiry", 1), (agent, "queue.claim", "inquiry", 1),
                                       (mod, "queue.claim", "flag", 7), (mod, "flag.dismiss", "flag", 7),
                                       (None, "listing.reinstate_expired", "listing", 3)):
            audit.record(s, actor_id=who.id if who else None, actor_label=who.username if who else "system",
                         action=action, target_type=kind, target_id=ref)
        agent_id, mod_id = agent.id, mod.id
    with db.transaction() as s:  # the first two a week ago
        first = s.scalars(select(AuditEvent.id).order_by(AuditEvent.id).limit(2)).all()
        s.execute(update(AuditEvent).where(AuditEvent.id.in_(first)).values(created_at=utcnow() - timedelta(days=7)))
    return agent_id, mod_id


def test_filters(client: TestClient, headers, db: Database) -> None:
    agent_id, mod_id = _seed(db)
    sup = headers["supervisor"]

    def actions(**params) -> list[str]:
        response = client.get("/api/v1/audit-viewer/events", params=params, headers=sup)
        assert response.status_code == 200, response.text
        return [e["action"] for e in response.json()["items"]]

    assert actions() == ["listing.reinstate_expired", "flag.dismiss", "queue.claim", "queue.claim", "inquiry.reply"]
    assert actions(actor_id=mod_id) == ["flag.dismiss", "queue.claim"]
    assert actions(actor="system") == ["listing.reinstate_expired"]
    assert actions(action="queue.claim") == ["queue.claim", "queue.claim"]
    assert actions(action="queue.") == ["queue.claim", "queue.claim"]
    assert actions(action="queue") == []
    assert actions(target_type="flag", target_id="7") == ["flag.dismiss", "queue.claim"]
    since = (utcnow() - timedelta(days=1)).isoformat()
    assert actions(**{"from": since}) == ["listing.reinstate_expired", "flag.dismiss", "queue.claim"]
    assert actions(**{"to": since, "actor_id": agent_id}) == ["queue.claim", "inquiry.reply"]
    facets = client.get("/api/v1/audit-viewer/facets", headers=sup).json()
    assert facets["total"] == 5
    assert facets["actions"]["queue.claim"] == 2
    assert facets["target_types"] == {"flag": 2, "inquiry": 2, "listing": 1}
    assert {(a["actor_label"], a["events"]) for a in facets["actors"]} == {
        ("test-agent", 2), ("test-moderator", 2), ("system", 1)}
    recent = client.get("/api/v1/audit-viewer/facets", params={"from": since}, headers=sup).json()
    assert recent["total"] == 3


def test_paging_is_newest_first_and_complete(client: TestClient, headers, db: Database) -> None:
    _seed(db)
    sup = headers["supervisor"]
    first = client.get("/api/v1/audit-viewer/events", params={"limit": 2}, headers=sup).json()
    second = client.get("/api/v1/audit-viewer/events", params={"limit": 10, "cursor": first["next_cursor"]},
                        headers=sup).json()
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == 5
