"""What the service does on its own, on a schedule (``backend/jobs/scheduler.py``).

Each task takes the job's session (the transaction that also moves the job's
``next_run_at`` on) and the time, does its work by flushing, and returns a
small summary for the job's row. Tasks are idempotent: run twice, the second
run finds nothing left to do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

Task = Callable[[Session, datetime], dict[str, Any]]

#: A recall's safety officers and supervisors are reminded this long before a removal deadline.
RECALL_REMINDER_BEFORE = timedelta(hours=6)
RECALL_REMINDER_KIND = "recall_removal_due"
RECALL_OVERDUE_KIND = "recall_removal_overdue"
#: Tokens revoked per run (the next run takes the rest).
TOKEN_BATCH = 1000


def reinstate_expired(session: Session, now: datetime) -> dict[str, Any]:
    """Temporary takedowns whose time is up: the listing goes back on sale (one audit event each)."""
    from backend.enforcement.service import reinstate_expired as reinstate

    return {"reinstated": len(reinstate(session, now=now))}


def release_expired(session: Session, now: datetime) -> dict[str, Any]:
    """Clock out staff whose shift ended and return their claims to the queue
    (lapsed leases are already unclaimed for "next"; this tidies them)."""
    from backend.queue.handover import release_expired as release

    return dict(release(session, now=now))


def recall_deadlines(session: Session, now: datetime) -> dict[str, Any]:
    """Remind before, and escalate after, a recall's removal deadline while
    listings of it are still on sale: one staff alert (``GET /staff-alerts``)
    per recall and deadline and kind, and an audit event for an escalation."""
    from backend.audit import service as audit
    from backend.listings.models import Listing, ListingStatus
    from backend.recalls.models import MatchStatus, Recall, RecallMatch, RecallStatus
    from backend.staff.models import StaffAlert

    pending = session.execute(
        select(RecallMatch.recall_id, Recall.number, func.count(), func.min(RecallMatch.removal_due_at))
        .join(Listing, Listing.id == RecallMatch.listing_id).join(Recall, Recall.id == RecallMatch.recall_id)
        .where(Recall.status == RecallStatus.open, RecallMatch.status != MatchStatus.rejected,
               RecallMatch.suspended_at.is_(None), RecallMatch.removal_due_at.is_not(None),
               RecallMatch.removal_due_at <= now + RECALL_REMINDER_BEFORE, Listing.status == ListingStatus.active)
        .group_by(RecallMatch.recall_id, Recall.number)).all()
    if not pending:
        return {"reminded": 0, "escalated": 0}
    sent = {(alert.details or {}).get("key") for alert in session.scalars(
        select(StaffAlert).where(StaffAlert.kind.in_((RECALL_REMINDER_KIND, RECALL_OVERDUE_KIND)),
                                 StaffAlert.created_at >= now - timedelta(days=60)))}
    reminded = escalated = 0
    for recall_id, number, listings, due in pending:
        overdue = due <= now
        kind = RECALL_OVERDUE_KIND if overdue else RECALL_REMINDER_KIND
        key = f"{kind}:{recall_id}:{due.isoformat()}"
        if key in sent:
            continue
        if overdue:
            message = (f"Recall {number}: the removal deadline passed at {due:%Y-%m-%d %H:%M} UTC with "
                       f"{listings} listing(s) still on sale. Review and suspend them now.")
            audit.record(session, actor_id=None, actor_label="system", action="recall.removal_overdue",
                         target_type="recall", target_id=recall_id,
                         after={"listings_on_sale": listings, "removal_due_at": due.isoformat()})
            escalated += 1
        else:
            message = (f"Recall {number}: {listings} listing(s) still on sale must be removed by "
                       f"{due:%Y-%m-%d %H:%M} UTC.")
            reminded += 1
        session.add(StaffAlert(kind=kind, staff_id=None, message=message, created_at=now,
                               details={"key": key, "recall_id": recall_id, "listings_on_sale": listings,
                                        "removal_due_at": due.isoformat()}))
    session.flush()
    return {"reminded": reminded, "escalated": escalated}


def expire_tokens(session: Session, now: datetime) -> dict[str, Any]:
    """Revoke sessions that ended (idle or too old) without anyone noticing,
    with the same ``auth.token_expired`` audit event a refused request records."""
    from backend.audit import service as audit
    from backend.config import SecuritySettings
    from backend.staff.models import AuthToken, Staff

    settings = SecuritySettings.from_env()
    ended = session.execute(
        select(AuthToken, Staff.username).join(Staff, Staff.id == AuthToken.staff_id)
        .where(AuthToken.revoked_at.is_(None),
               or_(AuthToken.expires_at <= now, AuthToken.created_at <= now - settings.session_max_age,
                   func.coalesce(AuthToken.last_used_at, AuthToken.created_at) <= now - settings.session_idle))
        .order_by(AuthToken.id).limit(TOKEN_BATCH).with_for_update(of=AuthToken, skip_locked=True)).all()
    for token, username in ended:
        why = ("max_age" if token.expires_at <= now or token.created_at <= now - settings.session_max_age
               else "idle")
        token.revoked_at = now
        audit.record(session, actor_id=token.staff_id, actor_label=username, action="auth.token_expired",
                     target_type="staff", target_id=token.staff_id, after={"why": why, "by": "schedule"})
    session.flush()
    return {"expired": len(ended)}


def audit_checkpoint(session: Session, now: datetime) -> dict[str, Any]:
    """The hook for signed audit checkpoints outside the database (backend/audit/checkpoints.py,
    owned by the audit package): written when the chain grew since the last one."""
    try:
        from backend.audit.checkpoints import checkpoint_now
    except ImportError:  # an older tree without checkpoints: nothing to do
        return {"written": False, "why": "no checkpoint support"}
    mark = checkpoint_now(session, reason="schedule", only_if_changed=True)
    return {"written": mark is not None, "count": mark.count if mark else None}
