"""Scheduled jobs (backend/jobs): each due run happens once, whoever ticks;
the tasks end temporary takedowns, remind and escalate recall deadlines and
expire sessions without a console open. On both databases."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import func, select

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.enforcement import service as enforcement
from backend.jobs import scheduler, tasks
from backend.jobs.models import ScheduledJob
from backend.listings.models import Listing
from backend.members.models import Member
from backend.recalls.models import Recall, RecallMatch
from backend.staff.models import AuthToken, Staff, StaffAlert


def _listings(db: Database, n: int) -> list[int]:
    with db.transaction() as s:
        seller = Member(external_id=f"m-jobs-{utcnow().timestamp()}", display_name="Jobs Seller")
        s.add(seller)
        s.flush()
        rows = [Listing(external_id=f"l-jobs-{i}-{seller.id}", seller_id=seller.id, title=f"item {i}",
                        category="games", price=1000, status="active") for i in range(n)]
        s.add_all(rows)
        s.flush()
        return [r.id for r in rows]


def _temporary_takedowns(db: Database, listing_ids: list[int], *, ended_ago: timedelta) -> list[int]:
    start = utcnow() - ended_ago - timedelta(hours=1)
    with db.transaction() as s:
        moderator = s.scalar(select(Staff).where(Staff.username == "test-moderator"))
        return [enforcement.take_down(s, listing_id=lid, reason_code="game_account", actor=moderator,
                                      duration=timedelta(hours=1), now=start).takedown.id for lid in listing_ids]


def _count(db: Database, action: str) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action)) or 0


def test_a_due_job_runs_once_and_then_waits_for_its_interval(db: Database) -> None:
    listings = _listings(db, 3)
    _temporary_takedowns(db, listings, ended_ago=timedelta(minutes=5))
    jobs = (scheduler.Job("reinstate_expired", timedelta(minutes=1), tasks.reinstate_expired),)
    scheduler.ensure_rows(db, jobs)
    now = utcnow()
    assert scheduler.run_due(db, jobs, now=now, runner="a") == {"reinstate_expired": {"reinstated": 3}}
    assert scheduler.run_due(db, jobs, now=now, runner="b") == {}  # not due again until a minute later
    with db.session() as s:
        row = s.get(ScheduledJob, "reinstate_expired")
        assert (row.runs, row.last_runner, row.last_result) == (1, "a", {"reinstated": 3})
        assert row.next_run_at >= now + timedelta(minutes=1)
        assert {s.get(Listing, lid).status for lid in listings} == {"active"}
    assert _count(db, "listing.reinstate_expired") == 3
    assert scheduler.run_due(db, jobs, now=now + timedelta(minutes=1), runner="b") == {
        "reinstate_expired": {"reinstated": 0}}
    assert _count(db, "listing.reinstate_expired") == 3


def test_runners_at_the_same_moment_run_a_job_once(db: Database) -> None:
    listings = _listings(db, 20)
    _temporary_takedowns(db, listings, ended_ago=timedelta(minutes=1))
    jobs = (scheduler.Job("reinstate_expired", timedelta(minutes=1), tasks.reinstate_expired),)
    scheduler.ensure_rows(db, jobs)
    now = utcnow()
    results: list[dict] = []
    barrier = threading.Barrier(4)

    def tick(name: str) -> None:
        barrier.wait()
        results.append(scheduler.run_due(db, jobs, now=now, runner=name))

    threads = [threading.Thread(target=tick, args=(f"r{n}",)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(len(r) for r in results) == [0, 0, 0, 1]
    with db.session() as s:
        assert s.get(ScheduledJob, "reinstate_expired").runs == 1
    assert _count(db, "listing.reinstate_expired") == 20


def test_a_failing_job_keeps_its_error_and_is_tried_again(db: Database) -> None:
    calls: list[int] = []

    def broken(session, now):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database on fire")
        return {"ok": 1}

    jobs = (scheduler.Job("flaky", timedelta(minutes=1), broken),)
    scheduler.ensure_rows(db, jobs)
    now = utcnow()
    assert scheduler.run_due(db, jobs, now=now) == {}
    with db.session() as s:
        row = s.get(ScheduledJob, "flaky")
        assert row.runs == 0 and "database on fire" in row.last_error
    assert scheduler.run_due(db, jobs, now=now) == {"flaky": {"ok": 1}}
    with db.session() as s:
        row = s.get(ScheduledJob, "flaky")
        assert row.runs == 1 and row.last_error is None


def test_recall_deadlines_remind_then_escalate_once_each(db: Database) -> None:
    [listing] = _listings(db, 1)
    now = utcnow()
    with db.transaction() as s:
        recall = Recall(source="manual", number="J-1", title="Kettle", requested_at=now - timedelta(days=2),
                        removal_due_at=now + timedelta(hours=2))
        s.add(recall)
        s.flush()
        s.add(RecallMatch(recall_id=recall.id, listing_id=listing, score=0.9, confidence="high", evidence=[],
                          status="confirmed", removal_due_at=recall.removal_due_at))
    with db.transaction() as s:
        assert tasks.recall_deadlines(s, now - timedelta(hours=5)) == {"reminded": 0, "escalated": 0}
    for _ in range(2):
        with db.transaction() as s:
            tasks.recall_deadlines(s, now)
    later = now + timedelta(hours=3)
    for _ in range(2):
        with db.transaction() as s:
            tasks.recall_deadlines(s, later)
    with db.session() as s:
        kinds = sorted(a.kind for a in s.scalars(select(StaffAlert)))
        assert kinds == sorted([tasks.RECALL_OVERDUE_KIND, tasks.RECALL_REMINDER_KIND])
        overdue = s.scalar(select(StaffAlert).where(StaffAlert.kind == tasks.RECALL_OVERDUE_KIND))
        assert "J-1" in overdue.message and overdue.details["listings_on_sale"] == 1
    assert _count(db, "recall.removal_overdue") == 1


def test_ended_sessions_are_revoked_once_with_an_audit_event(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from backend.staff.security import token_digest

    # Long limits, so that the suite's own signed-in tokens stay live whatever the run's length.
    monkeypatch.setenv("ANZEN_SESSION_IDLE_MINUTES", "300")
    monkeypatch.setenv("ANZEN_SESSION_MAX_HOURS", "100")
    now = utcnow()
    with db.transaction() as s:
        staff_id = s.scalar(select(Staff.id).where(Staff.username == "test-agent"))
        s.add_all([AuthToken(token_hash=token_digest("idle-token"), staff_id=staff_id, created_at=now - timedelta(hours=7),
                             expires_at=now + timedelta(hours=10), last_used_at=now - timedelta(hours=6)),
                   AuthToken(token_hash=token_digest("live-token"), staff_id=staff_id, created_at=now,
                             expires_at=now + timedelta(hours=12), last_used_at=now)])
    with db.transaction() as s:
        assert tasks.expire_tokens(s, now) == {"expired": 1}
    with db.transaction() as s:
        assert tasks.expire_tokens(s, now) == {"expired": 0}
    with db.session() as s:
        live = s.scalar(select(AuthToken).where(AuthToken.token_hash == token_digest("live-token")))
        assert live.revoked_at is None
    assert _count(db, "auth.token_expired") == 1
