"""How often a staff member may reveal contact details, and who has.

Each reveal is an audit event (``member.contact_revealed``); the limit counts
them per staff member over the last hour (``reveals_per_hour`` in
:class:`backend.config.SecuritySettings`, ``$ANZEN_REVEALS_PER_HOUR``). A
reveal over the limit is refused with 429 and ``Retry-After`` (when the oldest
reveal in the hour leaves it); the refusal is audited and supervisors get an
alert (GET /staff-alerts), once an hour per staff member, written after the
refused request's own transaction has been rolled back.

Concurrent reveals by one staff member are serialised on their staff row
(PostgreSQL ``FOR NO KEY UPDATE``; SQLite writers are serialised anyway), so
two at once cannot both be the twentieth.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.errors import ServiceError
from backend.staff.models import Staff, StaffAlert

log = logging.getLogger("anzen.reveals")

ACTION = "member.contact_revealed"
REFUSED = "member.contact_reveal_refused"
ALERT_KIND = "reveal_limit"
WINDOW = timedelta(hours=1)


class RevealLimitReached(ServiceError):
    status = 429
    code = "reveal_limit"

    def __init__(self, *, staff_id: int, username: str, member_id: int, limit: int, retry_after: float,
                 reason: str) -> None:
        super().__init__(f"You have revealed contact details {limit} times in the last hour, the limit. "
                         "A supervisor has been told; try again later.")
        self.retry_after = max(1, math.ceil(retry_after))
        self.staff_id, self.username, self.member_id, self.limit, self.reason = (
            staff_id, username, member_id, limit, reason)

    def after_rollback(self, db: Database) -> None:
        """Audit the refusal and alert supervisors (its own transaction: the request's was rolled back)."""
        with db.transaction() as session:
            now = utcnow()
            audit.record(session, actor_id=self.staff_id, actor_label=self.username, action=REFUSED,
                         target_type="member", target_id=self.member_id, after={"limit_per_hour": self.limit},
                         reason=self.reason)
            recent = session.scalar(select(StaffAlert.id).where(
                StaffAlert.staff_id == self.staff_id, StaffAlert.kind == ALERT_KIND,
                StaffAlert.created_at > now - WINDOW).limit(1))
            if recent is None:
                message = (f"{self.username} reached the contact-reveal limit ({self.limit} per hour); "
                           "further reveals are refused until the hour has passed.")
                log.warning("%s", message)
                session.add(StaffAlert(kind=ALERT_KIND, staff_id=self.staff_id, message=message,
                                       details={"limit_per_hour": self.limit, "member_id": self.member_id}))


def check_limit(session: Session, *, staff: Staff, member_id: int, limit: int, reason: str,
                now: datetime | None = None) -> None:
    """Raise :class:`RevealLimitReached` if ``staff`` already revealed ``limit`` times in the last hour."""
    now = now or utcnow()
    # Serialise this staff member's reveals; NO KEY UPDATE leaves foreign-key checks on the row free.
    session.execute(select(Staff.id).where(Staff.id == staff.id).with_for_update(key_share=True))
    since = now - WINDOW
    count, oldest = session.execute(
        select(func.count(), func.min(AuditEvent.created_at)).where(
            AuditEvent.action == ACTION, AuditEvent.actor_id == staff.id, AuditEvent.created_at > since)).one()
    if count >= limit:
        if count > limit:  # more than allowed: only the newest `limit` keep the window shut
            oldest = session.scalar(select(AuditEvent.created_at).where(
                AuditEvent.action == ACTION, AuditEvent.actor_id == staff.id, AuditEvent.created_at > since)
                .order_by(AuditEvent.created_at.desc()).offset(limit - 1).limit(1))
        wait = (oldest + WINDOW - now).total_seconds() if oldest else WINDOW.total_seconds()
        raise RevealLimitReached(staff_id=staff.id, username=staff.username, member_id=member_id, limit=limit,
                                 retry_after=wait, reason=reason)


@dataclass(frozen=True)
class RevealCount:
    staff_id: int
    username: str
    display_name: str
    role: str
    last_hour: int
    in_period: int
    refused_in_period: int
    last_at: datetime | None
    at_limit: bool


def per_staff(session: Session, *, hours: int, limit: int, now: datetime | None = None) -> list[RevealCount]:
    """Reveals per staff member over the last ``hours`` (and the last hour), most first."""
    now = now or utcnow()
    since, hour_ago = now - timedelta(hours=hours), now - WINDOW
    revealed = AuditEvent.action == ACTION
    rows = session.execute(
        select(AuditEvent.actor_id,
               func.sum(case((revealed & (AuditEvent.created_at > hour_ago), 1), else_=0)),
               func.sum(case((revealed, 1), else_=0)),
               func.sum(case((AuditEvent.action == REFUSED, 1), else_=0)),
               func.max(case((revealed, AuditEvent.created_at), else_=None)))
        .where(AuditEvent.action.in_((ACTION, REFUSED)), AuditEvent.created_at > since,
               AuditEvent.actor_id.is_not(None))
        .group_by(AuditEvent.actor_id)).all()
    staff = {s.id: s for s in session.scalars(select(Staff).where(Staff.id.in_([r[0] for r in rows])))}
    out = [RevealCount(staff_id=actor, username=staff[actor].username, display_name=staff[actor].display_name,
                       role=staff[actor].role, last_hour=int(hour or 0), in_period=int(period or 0),
                       refused_in_period=int(refused or 0), last_at=last, at_limit=int(hour or 0) >= limit)
           for actor, hour, period, refused, last in rows if actor in staff]
    return sorted(out, key=lambda r: (-r.last_hour, -r.in_period, r.username))

