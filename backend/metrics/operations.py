"""The operations dashboard: backlog, SLAs and who handles what.

Read from ``queue_items`` (one row per inquiry, flag and appeal, open or
closed) and, per agent, from the decisions and the audit log:

* ``opened`` / ``closed``: items created / closed in each bucket, per kind.
* ``breached``: items whose SLA came due in the bucket while still open
  (open now, or closed after it was due), per kind; the SLA is the one the
  item has now (first response, resolution or decision).
* ``now``: open items (what ``GET /queue?kind=…`` lists), those due within the
  queue's at-risk window, those past due, and the age of the oldest.
* ``agents``: per staff member, claims taken in the period (``queue.claim``
  audit events), items they closed in it (flag decisions, appeal decisions,
  inquiries they resolved) and the median seconds from their last claim of an
  item to closing it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import String, cast, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from backend.audit.models import AuditEvent
from backend.db import utcnow
from backend.enforcement.models import Appeal, AppealStatus
from backend.flags.models import Flag, FlagStatus
from backend.metrics import buckets as b
from backend.queue import priority
from backend.queue.models import QueueItem
from backend.queue.sources import SOURCES
from backend.staff.models import Staff

CLAIM_ACTION = "queue.claim"
RESOLVE_ACTION = "inquiry.status"


def kinds() -> list[str]:
    return sorted(SOURCES)


def _series(session: Session, win: b.Window, column: Any, *conditions: Any) -> dict[str, list[int]]:
    dialect = session.get_bind().dialect.name
    bucket = b.index(column, win, dialect)
    rows = session.execute(select(QueueItem.kind, bucket, func.count())
                           .where(b.in_window(column, win), *conditions)
                           .group_by(QueueItem.kind, bucket)).all()
    series = {kind: win.zeros() for kind in kinds()}
    for kind, i, n in rows:
        series.setdefault(kind, win.zeros())[int(i)] += n
    return series


def _per_kind(session: Session, *columns_and_conditions: Any, value: Any = None) -> dict[str, Any]:
    stmt = (select(QueueItem.kind, value if value is not None else func.count())
            .where(QueueItem.open.is_(True), *columns_and_conditions).group_by(QueueItem.kind))
    return dict(session.execute(stmt).all())


def operations(session: Session, *, win: b.Window, now: datetime | None = None) -> dict[str, Any]:
    now = now or utcnow()
    series = {
        "opened": _series(session, win, QueueItem.created_at),
        "closed": _series(session, win, QueueItem.closed_at),
        "breached": _series(session, win, QueueItem.sla_due, QueueItem.sla_due <= now,
                            or_(QueueItem.open.is_(True), QueueItem.closed_at > QueueItem.sla_due)),
    }
    waiting = _per_kind(session)
    at_risk = _per_kind(session, QueueItem.sla_due > now, QueueItem.sla_due <= now + priority.AT_RISK_WINDOW)
    breached = _per_kind(session, QueueItem.sla_due <= now)
    oldest = _per_kind(session, value=func.min(QueueItem.created_at))
    all_kinds = kinds()
    return {
        "buckets": win.iso_starts(),
        "series": series,
        "now": {
            "waiting": {k: waiting.get(k, 0) for k in all_kinds},
            "at_risk": {k: at_risk.get(k, 0) for k in all_kinds},
            "breached": {k: breached.get(k, 0) for k in all_kinds},
            "oldest_waiting_seconds": {k: _age(oldest.get(k), now) for k in all_kinds},
        },
        "agents": agents(session, win=win),
    }


def _age(created: datetime | None, now: datetime) -> int | None:
    if created is None:
        return None
    if isinstance(created, str):  # SQLite's min() of a timestamp comes back as text
        created = datetime.fromisoformat(created)
    if created.tzinfo is None:
        created = created.replace(tzinfo=UTC)
    return max(0, int((now - created).total_seconds()))


def closes(win: b.Window) -> Any:
    """(kind, ref, actor_id, at) of every item a staff member closed in the window."""
    flags = (select(literal("flag").label("kind"), cast(Flag.id, String).label("ref"),
                    Flag.decided_by_id.label("actor_id"), Flag.decided_at.label("at"))
             .where(b.in_window(Flag.decided_at, win), Flag.decided_by_id.is_not(None),
                    Flag.status.in_([FlagStatus.actioned, FlagStatus.dismissed])))
    appeals = (select(literal("appeal"), cast(Appeal.id, String), Appeal.decided_by_id, Appeal.decided_at)
               .where(b.in_window(Appeal.decided_at, win), Appeal.decided_by_id.is_not(None),
                      Appeal.status.in_([AppealStatus.upheld, AppealStatus.overturned])))
    resolved = (select(literal("inquiry"), AuditEvent.target_id, AuditEvent.actor_id, AuditEvent.created_at)
                .where(AuditEvent.action == RESOLVE_ACTION, b.in_window(AuditEvent.created_at, win),
                       AuditEvent.actor_id.is_not(None), AuditEvent.after["status"].as_string() == "resolved"))
    return union_all(flags, appeals, resolved).subquery("closes")


def agents(session: Session, *, win: b.Window) -> list[dict[str, Any]]:
    dialect = session.get_bind().dialect.name
    claims = dict(session.execute(
        select(AuditEvent.actor_id, func.count())
        .where(AuditEvent.action == CLAIM_ACTION, b.in_window(AuditEvent.created_at, win),
               AuditEvent.actor_id.is_not(None))
        .group_by(AuditEvent.actor_id)).all())
    done = closes(win)
    closed = dict(session.execute(select(done.c.actor_id, func.count()).group_by(done.c.actor_id)).all())
    # The agent's last claim of the item before closing it (audit events are indexed by target).
    claim = AuditEvent.__table__.alias("claim")
    claimed_at = (select(func.max(claim.c.created_at))
                  .where(claim.c.action == CLAIM_ACTION, claim.c.actor_id == done.c.actor_id,
                         claim.c.target_type == done.c.kind, claim.c.target_id == done.c.ref,
                         claim.c.created_at <= done.c.at)
                  .scalar_subquery())
    handled = (select(done.c.actor_id.label("actor_id"),
                      b.seconds_between(done.c.at, claimed_at, dialect).label("secs"))
               .subquery("handled"))
    ranked = (select(handled.c.actor_id, handled.c.secs,
                     func.row_number().over(partition_by=handled.c.actor_id, order_by=handled.c.secs).label("rn"),
                     func.count().over(partition_by=handled.c.actor_id).label("n"))
              .where(handled.c.secs.is_not(None)).subquery("ranked"))
    medians = dict(session.execute(
        select(ranked.c.actor_id, func.avg(ranked.c.secs))
        .where(or_(ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.rn == (ranked.c.n + 2) // 2))
        .group_by(ranked.c.actor_id)).all())
    ids = set(claims) | set(closed)
    if not ids:
        return []
    names = dict(session.execute(select(Staff.id, Staff.display_name).where(Staff.id.in_(ids))).all())
    rows = [{"staff_id": staff_id, "name": names.get(staff_id, f"staff {staff_id}"),
             "claimed": claims.get(staff_id, 0), "closed": closed.get(staff_id, 0),
             "median_handle_seconds": None if medians.get(staff_id) is None else round(float(medians[staff_id]))}
            for staff_id in ids]
    return sorted(rows, key=lambda r: (-r["closed"], -r["claimed"], r["name"]))

