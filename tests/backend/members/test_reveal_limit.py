"""Contact reveals are limited per staff member (issue 19): the reveal over the
limit is refused with 429 and Retry-After, audited, and supervisors are told
once; supervisors see reveals per staff member."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.config import SecuritySettings
from backend.db import Database, utcnow
from backend.members.reveals import ACTION, REFUSED
from tests.backend.conftest import Sample

REVEAL = "/api/v1/members/{}/contact/reveal"


@pytest.fixture
def limit_three(app: FastAPI) -> Iterator[SecuritySettings]:
    before = app.state.security
    app.state.security = dataclasses.replace(before, reveals_per_hour=3)
    yield app.state.security
    app.state.security = before


def _reveal(client: TestClient, headers: dict[str, str], member: int):  # type: ignore[no-untyped-def]
    return client.post(REVEAL.format(member), headers=headers, json={"reason": "buyer says parcel lost"})


def _count(db: Database, action: str) -> int:
    with db.session() as s:
        return len(s.scalars(select(AuditEvent.id).where(AuditEvent.action == action)).all())


def test_the_reveal_over_the_limit_is_refused_audited_and_alerted_once(
        client: TestClient, headers, sample: Sample, db: Database, limit_three: SecuritySettings) -> None:
    for _ in range(3):
        assert _reveal(client, headers["agent"], sample.seller).status_code == 200
    refused = _reveal(client, headers["agent"], sample.buyer)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "reveal_limit"
    assert "email" not in refused.json()
    assert 3000 <= int(refused.headers["Retry-After"]) <= 3600
    assert _reveal(client, headers["agent"], sample.buyer).status_code == 429
    assert _count(db, ACTION) == 3 and _count(db, REFUSED) == 2
    alerts = client.get("/api/v1/staff-alerts", headers=headers["supervisor"]).json()
    mine = [a for a in alerts if a["kind"] == "reveal_limit"]
    assert len(mine) == 1 and "test-agent" in mine[0]["message"]
    with db.session() as s:
        assert audit.verify(s).ok


def test_reveals_older_than_an_hour_do_not_count(client: TestClient, headers, sample: Sample, db: Database,
                                                 limit_three: SecuritySettings) -> None:
    for _ in range(3):
        assert _reveal(client, headers["agent"], sample.seller).status_code == 200
    with db.transaction() as s:  # as if they were made 61 minutes ago (the chain is not the point here)
        s.execute(update(AuditEvent).where(AuditEvent.action == ACTION)
                  .values(created_at=utcnow() - timedelta(minutes=61)))
    assert _reveal(client, headers["agent"], sample.seller).status_code == 200


def test_concurrent_reveals_never_pass_the_limit(client: TestClient, headers, sample: Sample, db: Database,
                                                 limit_three: SecuritySettings) -> None:
    codes: list[int] = []

    def reveal() -> None:
        codes.append(_reveal(client, headers["agent"], sample.seller).status_code)

    threads = [threading.Thread(target=reveal) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [200] * 3 + [429] * 5
    assert _count(db, ACTION) == 3


def test_supervisors_see_reveals_per_staff_member(client: TestClient, headers, sample: Sample, db: Database,
                                                  limit_three: SecuritySettings) -> None:
    for _ in range(4):
        _reveal(client, headers["agent"], sample.seller)
    body = client.get("/api/v1/audit-events/reveals", headers=headers["supervisor"]).json()
    assert body["limit_per_hour"] == 3
    (row,) = body["staff"]
    assert row["username"] == "test-agent" and row["last_hour"] == 3 and row["in_period"] == 3
    assert row["refused_in_period"] == 1 and row["at_limit"] is True and row["last_at"]
    assert client.get("/api/v1/audit-events/reveals", headers=headers["agent"]).status_code == 403
    assert client.get("/api/v1/audit-events/reveals?hours=0", headers=headers["supervisor"]).status_code == 422
