"""Writing and verifying the keyed, hash-chained audit log.

Each event's hash is an HMAC-SHA256, under the audit key kept outside the
database (backend/keys.py), of its content and the previous event's hash:
someone who can write to the database but lacks the key can neither edit an
event nor recompute the chain after an edit. Deleting events from the end
leaves a shorter chain that is intact in itself; the signed checkpoints
written outside the database (backend/audit/checkpoints.py) catch that.

Lock order. :func:`record` does not append at once: the events a transaction
records are appended when it commits, after everything else it changed has
been flushed. So the chain lock (one PostgreSQL advisory lock; SQLite writers
are already serialised by ``BEGIN IMMEDIATE``) is always the *last* lock a
transaction takes, after its row locks, and is held only for the few inserts
before the commit. Two transactions can then never wait for each other's
row locks while one of them holds the chain lock (issue 19: deadlocks between
the chain lock and row locks taken in the other order).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import event as sa_event
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend import keys
from backend.audit.models import AuditEvent
from backend.db import advisory_lock, utcnow
from backend.text_hygiene import clean, clean_json

if TYPE_CHECKING:
    from backend.audit.checkpoints import Checkpoint

GENESIS = "0" * 64
CHAIN_LOCK = 0x616E7A656E  # "anzen"
#: The key purpose (backend/keys.py) of the chain's HMAC.
KEY_PURPOSE = "audit"
_PENDING = "anzen.audit.pending"


def chain_digest(key: bytes, *, prev: str, at: datetime, actor_id: int | None, actor: str, action: str,
                 target_type: str, target_id: str, before: Any, after: Any, reason: str | None) -> str:
    """The keyed hash of one event (also used by migration 0012 to re-key old chains)."""
    content = {
        "prev": prev,
        "at": at.isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor": actor,
        "action": action,
        "target": [target_type, target_id],
        "before": before,
        "after": after,
        "reason": reason,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()


def _digest(event: AuditEvent, key: bytes | None = None) -> str:
    return chain_digest(key or keys.derived(KEY_PURPOSE), prev=event.prev_hash, at=event.created_at,
                        actor_id=event.actor_id, actor=event.actor_label, action=event.action,
                        target_type=event.target_type, target_id=event.target_id, before=event.before,
                        after=event.after, reason=event.reason)


def record(
    session: Session,
    *,
    actor_id: int | None,
    actor_label: str,
    action: str,
    target_type: str,
    target_id: str | int,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
) -> AuditEvent:
    """Record an event in the caller's transaction: it is appended to the chain
    when that transaction commits, and only then (module docstring)."""
    # JSON round-trip so the hash sees exactly what the database will return.
    # Cleaned here, before hashing, as the row would be on insert (backend/text_hygiene.py).
    event = AuditEvent(
        created_at=utcnow(),
        actor_id=actor_id,
        actor_label=clean(actor_label),
        action=clean(action),
        target_type=clean(target_type),
        target_id=clean(str(target_id)),
        before=clean_json(json.loads(json.dumps(before, default=str))) if before is not None else None,
        after=clean_json(json.loads(json.dumps(after, default=str))) if after is not None else None,
        reason=clean(reason) if reason is not None else None,
    )
    if len(event.target_id) > 64:
        # The column holds an id, not a list: a caller's mistake, not the request's.
        raise ValueError(f"audit target_id longer than 64 characters ({event.action})")
    session.info.setdefault(_PENDING, []).append(event)
    return event


def append_pending(session: Session) -> None:
    """Append the events recorded in this transaction (called before commit)."""
    pending: list[AuditEvent] = session.info.pop(_PENDING, None) or []
    if not pending:
        return
    session.flush()  # every other change, and its row locks, first
    advisory_lock(session, CHAIN_LOCK)
    last = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
    key = keys.derived(KEY_PURPOSE)
    prev = last or GENESIS
    for event in pending:
        event.prev_hash = prev
        event.hash = prev = _digest(event, key)
        session.add(event)
        session.flush()  # one at a time: ids follow chain order


def _discard_pending(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)


sa_event.listen(Session, "before_commit", append_pending)
sa_event.listen(Session, "after_rollback", _discard_pending)


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None
    problem: str | None
    #: The latest checkpoint compared against (None: none was given or found).
    checkpoint: Checkpoint | None = None
    #: Checkpoint problems that do not name one event (e.g. a forged checkpoint file).
    notes: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.broken_at is None and self.problem is None


def verify(session: Session, *, batch: int = 5000, checkpoints: Iterable[Checkpoint] = (),
           on_progress: Callable[[int], None] | None = None) -> ChainReport:
    """Walk the chain in id order; report the first event whose link or
    content does not hold, then compare the chain with the ``checkpoints``
    (signed records of an earlier count and head): a chain shorter than a
    checkpoint lost events from its end; one whose event at a checkpoint's
    position is another was rewritten."""
    marks = sorted(checkpoints, key=lambda c: c.count)
    by_count = {c.count: c for c in marks}
    seen: dict[int, tuple[int, str]] = {}  # checkpoint count -> (id, hash) found at that position
    key = keys.derived(KEY_PURPOSE)
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not events:
            break
        for event in events:
            if event.prev_hash != expected_prev:
                return ChainReport(checked, event.id, "its previous-hash link does not match the event before it")
            if _digest(event, key) != event.hash:
                return ChainReport(checked, event.id, "its content does not match its keyed hash (edited, "
                                                      "or hashed without the audit key)")
            expected_prev = event.hash
            checked += 1
            last_id = event.id
            if checked in by_count:
                seen[checked] = (event.id, event.hash)
        session.expunge_all()
        if on_progress:
            on_progress(checked)
    return _against_checkpoints(checked, last_id, marks, seen)


def _against_checkpoints(checked: int, last_id: int, marks: list[Checkpoint],
                         seen: dict[int, tuple[int, str]]) -> ChainReport:
    """The first checkpoint the chain no longer agrees with, named with what is missing."""
    if not marks:
        return ChainReport(checked, None, None)
    latest = marks[-1]
    bad_index = next((i for i, c in enumerate(marks) if seen.get(c.count) != (c.head_id, c.head)), None)
    if bad_index is None:
        return ChainReport(checked, None, None, checkpoint=latest)
    bad = marks[bad_index]
    good = marks[bad_index - 1] if bad_index else None
    if checked < bad.count:
        problem = (f"events were deleted from the end: the checkpoint of {bad.at_text} recorded {bad.count} "
                   f"events ending with event {bad.head_id}, the chain now has {checked}"
                   + (f" ending with event {last_id}" if last_id else "")
                   + f"; {bad.count - checked} event(s) are missing (ids after {last_id} up to {bad.head_id})")
        return ChainReport(checked, bad.head_id, problem, checkpoint=latest)
    found = seen[bad.count]
    since = (f"after event {good.head_id} (the {good.count}th, which the checkpoint of {good.at_text} "
             "still matches)" if good else "somewhere from its start")
    problem = (f"the chain was rewritten {since}: the checkpoint of {bad.at_text} recorded event {bad.head_id} "
               f"as the {bad.count}th with hash {bad.head[:16]}…, the chain now has event {found[0]} with hash "
               f"{found[1][:16]}… there; events up to id {bad.head_id} were removed or replaced")
    return ChainReport(checked, bad.head_id, problem, checkpoint=latest)
