"""Writing and verifying the hash-chained audit log.

Each event's hash covers its content and the previous event's hash. Appends
take a lock first so two concurrent writers never chain onto the same parent.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit.models import AuditEvent
from backend.db import advisory_lock, utcnow
from backend.text_hygiene import clean, clean_json

GENESIS = "0" * 64
_CHAIN_LOCK = 0x616E7A656E  # "anzen"


def _digest(event: AuditEvent) -> str:
    content = {
        "prev": event.prev_hash,
        "at": event.created_at.isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor": event.actor_label,
        "action": event.action,
        "target": [event.target_type, event.target_id],
        "before": event.before,
        "after": event.after,
        "reason": event.reason,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


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
    """Append an event in the caller's transaction, so it commits with the change it describes."""
    advisory_lock(session, _CHAIN_LOCK)
    last = session.execute(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).scalar()
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
        prev_hash=last or GENESIS,
    )
    event.hash = _digest(event)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(session: Session, *, batch: int = 5000) -> ChainReport:
    """Walk the chain in id order; report the first event whose link or content does not hold."""
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.id > last_id).order_by(AuditEvent.id).limit(batch)
        ).all()
        if not events:
            return ChainReport(checked, None, None)
        for event in events:
            if event.prev_hash != expected_prev:
                return ChainReport(checked, event.id, "its previous-hash link does not match the event before it")
            if _digest(event) != event.hash:
                return ChainReport(checked, event.id, "its content does not match its hash")
            expected_prev = event.hash
            checked += 1
            last_id = event.id
        session.expunge_all()
