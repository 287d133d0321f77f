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


# --- keyed chain and checkpoints outside the database (issue 19) -----------------------------

import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from alembic import command as alembic_command  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from backend import keys  # noqa: E402
from backend.audit import checkpoints  # noqa: E402
from backend.schema import HEADS, alembic_config, upgrade  # noqa: E402
from tests.conftest import PG_ENV, _scratch_postgres  # noqa: E402


@pytest.fixture
def checkpoint_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "checkpoints"
    monkeypatch.setenv(checkpoints.DIR_ENV, str(directory))
    return directory


def _verify(db: Database) -> audit.ChainReport:
    with db.session() as s:
        return checkpoints.verify_anchored(s)


def _unkeyed_sha(event: AuditEvent) -> str:
    """The public, unkeyed algorithm the chain used before: what anyone with database access can compute."""
    content = {"prev": event.prev_hash, "at": event.created_at.isoformat(timespec="microseconds"),
               "actor_id": event.actor_id, "actor": event.actor_label, "action": event.action,
               "target": [event.target_type, event.target_id], "before": event.before, "after": event.after,
               "reason": event.reason}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _rehash_from(db: Database, first_id: int, digest) -> None:  # type: ignore[no-untyped-def]
    """What an intruder with database access does after editing: recompute every later link."""
    with db.transaction() as s:
        prev = s.scalar(text("SELECT hash FROM audit_events WHERE id < :id ORDER BY id DESC LIMIT 1"),
                        {"id": first_id}) or audit.GENESIS
        for event in s.scalars(select_events_from(first_id)).all():
            event.prev_hash = prev
            event.hash = prev = digest(event)
            s.flush()


def select_events_from(first_id: int):  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    return select(AuditEvent).where(AuditEvent.id >= first_id).order_by(AuditEvent.id)


def test_the_chain_is_keyed(db: Database) -> None:
    _append(db, 2)
    with db.session() as s:
        event = s.scalars(select_events_from(0)).first()
        assert event.hash != _unkeyed_sha(event)
        assert event.hash == audit._digest(event)


def test_rehashing_with_the_public_algorithm_after_an_edit_is_caught(db: Database) -> None:
    _append(db, 5)
    target = _ids(db)[2]
    with db.transaction() as s:
        s.execute(text("UPDATE audit_events SET reason = 'nothing to see' WHERE id = :id"), {"id": target})
    _rehash_from(db, target, _unkeyed_sha)
    report = _verify(db)
    assert report.broken_at == target and "keyed hash" in report.problem


def test_truncation_is_reported_against_the_checkpoint(db: Database, checkpoint_dir: Path) -> None:
    _append(db, 6)
    mark = checkpoints.write_checkpoint(db, reason="manual")
    assert mark is not None and mark.count == 6
    assert _verify(db).ok
    ids = _ids(db)
    with db.transaction() as s:
        s.execute(text("DELETE FROM audit_events WHERE id > :id"), {"id": ids[3]})
    report = _verify(db)
    assert not report.ok
    assert report.broken_at == ids[5]
    assert "deleted from the end" in report.problem
    assert f"2 event(s) are missing (ids after {ids[3]} up to {ids[5]})" in report.problem


def test_everything_deleted_is_reported(db: Database, checkpoint_dir: Path) -> None:
    _append(db, 3)
    checkpoints.write_checkpoint(db, reason="manual")
    with db.transaction() as s:
        s.execute(text("DELETE FROM audit_events"))
    report = _verify(db)
    assert not report.ok and "3 event(s) are missing" in report.problem


def test_rehashing_with_the_key_after_truncation_and_new_events_is_caught(db: Database,
                                                                          checkpoint_dir: Path) -> None:
    """Even someone holding the key cannot make the chain agree with a checkpoint already written."""
    _append(db, 4)
    first = checkpoints.write_checkpoint(db, reason="manual")
    _append(db, 4, label="later")
    second = checkpoints.write_checkpoint(db, reason="schedule")
    ids = _ids(db)
    with db.transaction() as s:
        s.execute(text("UPDATE audit_events SET reason = 'rewritten' WHERE id = :id"), {"id": ids[5]})
    _rehash_from(db, ids[5], audit._digest)
    with db.session() as s:
        assert audit.verify(s).ok  # the chain alone holds: the key was used
    report = _verify(db)
    assert not report.ok and report.broken_at == second.head_id
    assert f"after event {first.head_id}" in report.problem and "rewritten" in report.problem


def test_forged_checkpoint_and_missing_chain_are_reported(db: Database, checkpoint_dir: Path) -> None:
    _append(db, 2)
    mark = checkpoints.write_checkpoint(db, reason="manual")
    path = next((checkpoint_dir / mark.chain_id).glob("*.json"))
    forged = json.loads(path.read_text()) | {"count": 1}
    path.write_text(json.dumps(forged))
    report = _verify(db)
    assert not report.ok and "bad signature" in report.problem
    path.unlink()
    with db.transaction() as s:  # someone starts a new chain id to escape the old checkpoints
        s.execute(text("DELETE FROM audit_chain"))
    checkpoints.write_checkpoint(db, reason="manual")
    with db.transaction() as s:
        s.execute(text("UPDATE audit_chain SET chain_id = 'f00d'"))
    assert "other chain" in _verify(db).problem


def test_scheduled_checkpoint_only_when_the_chain_grew(db: Database, checkpoint_dir: Path) -> None:
    _append(db, 2)
    assert checkpoints.write_checkpoint(db, reason="schedule", only_if_changed=True) is not None
    assert checkpoints.write_checkpoint(db, reason="schedule", only_if_changed=True) is None
    _append(db, 1)
    later = checkpoints.write_checkpoint(db, reason="schedule", only_if_changed=True)
    assert later is not None and later.count == 3


def test_api_verify_names_the_checkpoint_and_writes_one(client: TestClient, headers, db: Database,
                                                        checkpoint_dir: Path) -> None:
    _append(db, 3)
    written = client.post("/api/v1/audit-events/checkpoints", headers=headers["supervisor"])
    assert written.status_code == 201 and written.json()["count"] == 3
    assert client.post("/api/v1/audit-events/checkpoints", headers=headers["agent"]).status_code == 403
    body = client.get("/api/v1/audit-events/verify", headers=headers["supervisor"]).json()
    assert body["ok"] and body["checkpoint"]["head_id"] == written.json()["head_id"]
    with db.transaction() as s:
        s.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": _ids(db)[-1]})
    body = client.get("/api/v1/audit-events/verify", headers=headers["supervisor"]).json()
    assert not body["ok"] and "missing" in body["problem"]


def test_cli_checkpoint_then_truncation(db: Database, checkpoint_dir: Path) -> None:
    _append(db, 3)
    base = [sys.executable, "-m", "backend", "--database-url", db.url]
    env = dict(os.environ)
    made = subprocess.run(base + ["audit-checkpoint"], capture_output=True, text=True, timeout=60, env=env)
    assert made.returncode == 0, made.stderr
    ids = _ids(db)
    with db.transaction() as s:
        s.execute(text("DELETE FROM audit_events WHERE id = :id"), {"id": ids[-1]})
    broken = subprocess.run(base + ["audit-verify"], capture_output=True, text=True, timeout=60, env=env)
    assert broken.returncode == 1
    assert f"BROKEN at event {ids[-1]}" in broken.stderr and "1 event(s) are missing" in broken.stderr


# --- migration 0012: existing unkeyed chains are re-keyed once ---------------------------------

@pytest.fixture
def old_database(tmp_path: Path) -> Iterator[Database]:
    """A database at the revisions before 0012 (SQLite file, or scratch PostgreSQL when configured)."""
    base = os.environ.get(PG_ENV)
    urls = _scratch_postgres(base.replace("postgresql://", "postgresql+psycopg://", 1)) if base else \
        iter([f"sqlite:///{tmp_path / 'old.db'}"])
    url = next(urls)
    db = Database(url)
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        for head in sorted(HEADS - {"0013_reveal_index"}) + ["0010_sign_in"]:
            alembic_command.upgrade(config, head)
    try:
        yield db
    finally:
        db.dispose()
        for _ in urls:  # drops the scratch database
            pass


def _old_chain(db: Database, count: int, *, break_at: int | None = None) -> list[int]:
    from backend.db import utcnow

    prev = audit.GENESIS
    with db.transaction() as s:
        for i in range(count):
            event = AuditEvent(created_at=utcnow(), actor_id=None, actor_label="old", action="thing.change",
                               target_type="thing", target_id=str(i), before={"n": i}, after={"日本": "語"},
                               reason="before keys", prev_hash=prev)
            event.hash = prev = _unkeyed_sha(event)
            s.add(event)
            s.flush()
        if break_at is not None:
            s.execute(text("UPDATE audit_events SET reason = 'edited' WHERE target_id = :t"), {"t": str(break_at)})
    return _ids(db)


@pytest.mark.parametrize("broken", [False, True])
def test_migration_rekeys_an_old_chain_and_says_so(old_database: Database, broken: bool) -> None:
    ids = _old_chain(old_database, 5, break_at=2 if broken else None)
    upgrade(old_database)
    with old_database.session() as s:
        report = audit.verify(s)
        events = s.scalars(select_events_from(0)).all()
    assert report.ok and report.checked == 6
    assert [e.id for e in events[:5]] == ids
    rekeyed = events[-1]
    assert rekeyed.action == "audit.chain_rekeyed"
    assert rekeyed.after["events"] == 5 and rekeyed.after["key_id"] == keys.key_id()
    assert rekeyed.after["old_chain_intact"] is (not broken)
    assert rekeyed.after["old_chain_broken_at"] == (ids[2] if broken else None)
    assert all(e.hash != _unkeyed_sha(e) for e in events)
