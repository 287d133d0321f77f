"""Shift end: clocking out hands unfinished work back to the queue with notes,
and the next shift reads a summary of what was left.

Clock-out releases every claim the agent holds, each item getting its own
note (or the general one). When nobody clocks out, the claims still lapse at
the shift's end plus grace (leases are capped there), so the queue is right
without any job; ``python -m backend release-expired`` then closes those
attendances and tidies the lapsed claims so the summary shows who left what.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from backend.db import utcnow
from backend.errors import Conflict
from backend.queue import service as queue_service
from backend.queue.models import QueueItem
from backend.queue.sources import kinds_for
from backend.staff import shifts
from backend.staff.models import Attendance, Staff

AUTO_CLOCK_OUT_NOTE = "Clocked out automatically at shift end."
SUMMARY_ITEMS = 100


def clock_out(session: Session, *, staff: Staff, note: str | None = None,
              item_notes: dict[int, str] | None = None) -> dict[str, Any]:
    attendance = shifts.open_attendance(session, staff_id=staff.id)
    if attendance is None:
        raise Conflict("You are not clocked in.", code="not_clocked_in")
    note = note.strip() if note and note.strip() else None
    released = queue_service.release_held(session, staff=staff, actor=staff, notes=item_notes or {},
                                          default_note=note)
    shifts.close_attendance(session, attendance=attendance, note=note, actor_id=staff.id,
                            actor_label=staff.username, at=utcnow())
    return {"attendance_id": attendance.id, "released_item_ids": released, "handover_note": note}


def release_expired(session: Session, *, now: datetime | None = None) -> dict[str, int]:
    """Clock out everyone whose shift ended more than the grace period ago,
    returning their claims to the queue (their earlier item notes are kept)."""
    now = now or utcnow()
    closed = released = 0
    for attendance in session.scalars(select(Attendance).where(Attendance.clock_out_at.is_(None))).all():
        occ = shifts.window(session, attendance)
        if occ is None or occ.end + shifts.SHIFT_GRACE > now:
            continue
        staff = session.get(Staff, attendance.staff_id)
        released += len(queue_service.release_held(session, staff=staff, actor=None, notes={}, default_note=None))
        shifts.close_attendance(session, attendance=attendance, note=attendance.handover_note or AUTO_CLOCK_OUT_NOTE,
                                actor_id=None, actor_label="system", at=occ.end)
        closed += 1
    return {"attendances_closed": closed, "claims_released": released}


def summary(session: Session, *, staff: Staff, now: datetime | None = None) -> dict[str, Any]:
    """What the shift that just ended leaves to this one: its notes, the items
    handed over with notes, open work and SLA breaches, per kind the reader works."""
    now = now or utcnow()
    kinds = kinds_for(staff.role)
    occ = shifts.last_ended(session, now=now)
    result: dict[str, Any] = {"server_time": now, "previous_shift": None, "notes": [], "handed_over": [],
                              "open": {}, "breached_now": {}, "breached_during_shift": {}}
    open_items = (select(QueueItem.kind, func.count()).where(QueueItem.open.is_(True), QueueItem.kind.in_(kinds))
                  .group_by(QueueItem.kind))
    result["open"] = dict(session.execute(open_items).all())
    result["breached_now"] = dict(session.execute(open_items.where(QueueItem.sla_due <= now)).all())
    if occ is None:
        return result
    result["previous_shift"] = {"id": occ.shift.id, "name": occ.shift.name, "start": occ.start, "end": occ.end}
    notes = session.execute(
        select(Attendance, Staff.display_name).join(Staff, Staff.id == Attendance.staff_id)
        .where(Attendance.clock_out_at >= occ.start, Attendance.clock_out_at <= occ.end + shifts.SHIFT_GRACE,
               Attendance.handover_note.is_not(None))
        .order_by(Attendance.clock_out_at)).all()
    result["notes"] = [{"staff_id": a.staff_id, "staff_name": name, "clock_out_at": a.clock_out_at,
                        "note": a.handover_note} for a, name in notes]
    handed = session.execute(
        queue_service.joined_rows().where(QueueItem.open.is_(True), QueueItem.kind.in_(kinds),
                                          QueueItem.handover_at >= occ.start,
                                          QueueItem.handover_at <= occ.end + shifts.SHIFT_GRACE)
        .order_by(QueueItem.rank, QueueItem.id).limit(SUMMARY_ITEMS)).all()
    render = queue_service.renderer(staff, now)
    result["handed_over"] = [render(row) for row in handed]
    breached = (select(QueueItem.kind, func.count())
                .where(QueueItem.kind.in_(kinds), QueueItem.sla_due >= occ.start, QueueItem.sla_due < occ.end,
                       or_(QueueItem.open.is_(True), and_(QueueItem.closed_at.is_not(None),
                                                          QueueItem.closed_at > QueueItem.sla_due)))
                .group_by(QueueItem.kind))
    result["breached_during_shift"] = dict(session.execute(breached).all())
    return result
