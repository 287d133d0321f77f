"""The audit chain holds for honest appends and names the first tampered event."""

from __future__ import annotations

import subprocess
import sys
import threading

from sqlalchemy import text

from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.db import Database


def _append(db: Database, count: int, label: str = "test") -> None:
    for i in range(count):
        with db.transaction() as s:
            audit.record(s, actor_id=None, actor_label=label, action="thing.change", target_type="thing",
                         target_id=i, before={"n": i}, after={"n": i + 1, "note": "日本語"}, reason="because")


def test_honest_chain_verifies(db: Database) -> None:
    _append(db, 5)
    with db.session() as s:
        report = audit.verify(s)
    assert report.ok and report.checked == 5


def test_concurrent_appends_keep_one_chain(db: Database) -> None:
    threads = [threading.Thread(target=_append, args=(db, 10, f"t{n}")) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.session() as s:
        report = audit.verify(s)
        parents = s.scalars(text("SELECT prev_hash FROM audit_events")).all()
    assert report.ok and report.checked == 40
    assert len(set(parents)) == 40  # no two events chained onto the same parent


def _ids(db: Database) -> list[int]:
    with db.session() as s:
        return list(s.scalars(text("SELECT id FROM audit_events ORDER BY id")))


def test_edited_event_is_named(db: Database) -> None:
    _append(db, 6)
    target = _ids(db)[3]
    with db.transaction() as s:
        s.execute(text("UPDATE audit_events SET reason = 'nothing to see' WHERE id = :id"), {"id": target})
    with db.session() as s:
        report = audit.verify(s)
    assert report.broken_at == target
    assert "content" in report.problem
    assert report.checked == 3


def test_deleted_event_breaks_the_next_link(db: Database) -> None:
    _append(db, 6)
    ids = _ids(db)
    with db.transaction() as s:
        s.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": ids[2]})
    with db.session() as s:
        report = audit.verify(s)
    assert report.broken_at == ids[3]
    assert "link" in report.problem


def test_rehashed_forgery_is_still_caught(db: Database) -> None:
    """Recomputing the edited event's own hash does not help: the next link breaks."""
    _append(db, 4)
    ids = _ids(db)
    with db.transaction() as s:
        event = s.get(AuditEvent, ids[1])
        event.reason = "forged"
        event.hash = audit._digest(event)
    with db.session() as s:
        report = audit.verify(s)
    assert report.broken_at == ids[2]


def test_cli_audit_verify(db: Database) -> None:
    _append(db, 3)
    command = [sys.executable, "-m", "backend", "--database-url", db.url, "audit-verify"]
    ok = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "3 events verified" in ok.stdout
    target = _ids(db)[1]
    with db.transaction() as s:
        s.execute(text("UPDATE audit_events SET action = 'x' WHERE id = :id"), {"id": target})
    broken = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert broken.returncode == 1
    assert f"BROKEN at event {target}" in broken.stderr
