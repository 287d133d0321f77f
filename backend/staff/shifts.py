"""Shifts, the rota and clock-in: who is on duty now, and until when.

A shift is a daily recurring window in local time (default 22–06, 06–14 and
14–22 Asia/Tokyo). A staff member clocks in to one occurrence of a shift;
that occurrence's end (plus ``SHIFT_GRACE`` for finishing a reply) caps every
claim lease they hold, so a claim never outlives its holder's shift even when
nobody clocks out. Rota entries schedule staff to a shift on a local date
(the date the occurrence starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import Conflict, InvalidInput, NotFound
from backend.staff.models import Attendance, RotaEntry, Shift, Staff

TOKYO = ZoneInfo("Asia/Tokyo")
SHIFT_GRACE = timedelta(minutes=30)
EARLY_CLOCK_IN = timedelta(minutes=30)
DEFAULT_SHIFTS: dict[str, tuple[int, int]] = {"night": (22 * 60, 480), "morning": (6 * 60, 480),
                                              "afternoon": (14 * 60, 480)}
MAX_ROTA_DAYS = 62


@dataclass(frozen=True)
class Occurrence:
    """One concrete instance of a shift, in UTC."""

    shift: Shift
    start: datetime
    end: datetime

    @property
    def day(self) -> date:
        return self.start.astimezone(_zone(self.shift.timezone)).date()


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(f"unknown time zone {name!r}", field="timezone") from None


def occurrence_on(shift: Shift, day: date) -> Occurrence:
    local = datetime.combine(day, time(0), tzinfo=_zone(shift.timezone)) + timedelta(minutes=shift.start_minute)
    start = local.astimezone(UTC)
    return Occurrence(shift, start, start + timedelta(minutes=shift.duration_minutes))


def occurrence_at(shift: Shift, at: datetime, *, early: timedelta = timedelta(0)) -> Occurrence | None:
    """The occurrence running at ``at`` (or starting within ``early`` after it)."""
    local_day = at.astimezone(_zone(shift.timezone)).date()
    for day in (local_day - timedelta(days=1), local_day, local_day + timedelta(days=1)):
        occ = occurrence_on(shift, day)
        if occ.start - early <= at < occ.end:
            return occ
    return None


def all_shifts(session: Session) -> list[Shift]:
    return list(session.scalars(select(Shift).order_by(Shift.start_minute, Shift.id)))


def active_shifts(session: Session) -> list[Shift]:
    return list(session.scalars(select(Shift).where(Shift.active.is_(True)).order_by(Shift.start_minute)))


def current_occurrences(session: Session, *, now: datetime) -> list[Occurrence]:
    return [occ for shift in active_shifts(session) if (occ := occurrence_at(shift, now)) is not None]


def last_ended(session: Session, *, now: datetime) -> Occurrence | None:
    """The shift occurrence that ended most recently, for the handover summary."""
    ended = []
    for shift in active_shifts(session):
        local_day = now.astimezone(_zone(shift.timezone)).date()
        for offset in range(-2, 1):
            occ = occurrence_on(shift, local_day + timedelta(days=offset))
            if occ.end <= now:
                ended.append(occ)
    return max(ended, key=lambda occ: occ.end, default=None)


# --- shifts (supervisors edit) -------------------------------------------------------------

def _validate(start_minute: int, duration_minutes: int, timezone: str) -> None:
    if not 0 <= start_minute < 24 * 60:
        raise InvalidInput("start_minute must be 0..1439 (minutes after local midnight)", field="start_minute")
    if not 60 <= duration_minutes <= 24 * 60:
        raise InvalidInput("duration_minutes must be 60..1440", field="duration_minutes")
    _zone(timezone)


def _shift_state(shift: Shift) -> dict[str, object]:
    return {"name": shift.name, "start_minute": shift.start_minute, "duration_minutes": shift.duration_minutes,
            "timezone": shift.timezone, "active": shift.active}


def create_shift(session: Session, *, name: str, start_minute: int, duration_minutes: int, timezone: str,
                 actor: Staff) -> Shift:
    name = name.strip()
    if not name:
        raise InvalidInput("name must not be empty", field="name")
    _validate(start_minute, duration_minutes, timezone)
    if session.scalar(select(Shift.id).where(Shift.name == name)) is not None:
        raise Conflict(f"a shift named {name!r} already exists", field="name")
    shift = Shift(name=name, start_minute=start_minute, duration_minutes=duration_minutes, timezone=timezone,
                  active=True)
    session.add(shift)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="shift.create",
                 target_type="shift", target_id=shift.id, after=_shift_state(shift))
    return shift


def update_shift(session: Session, *, shift_id: int, actor: Staff, name: str | None = None,
                 start_minute: int | None = None, duration_minutes: int | None = None,
                 timezone: str | None = None, active: bool | None = None) -> Shift:
    shift = session.scalar(select(Shift).where(Shift.id == shift_id).with_for_update())
    if shift is None:
        raise NotFound(f"No shift with id {shift_id}.")
    before = _shift_state(shift)
    if name is not None and name.strip() != shift.name:
        if session.scalar(select(Shift.id).where(Shift.name == name.strip())) is not None:
            raise Conflict(f"a shift named {name.strip()!r} already exists", field="name")
        shift.name = name.strip()
    _validate(shift.start_minute if start_minute is None else start_minute,
              shift.duration_minutes if duration_minutes is None else duration_minutes,
              shift.timezone if timezone is None else timezone)
    for field, value in (("start_minute", start_minute), ("duration_minutes", duration_minutes),
                         ("timezone", timezone), ("active", active)):
        if value is not None:
            setattr(shift, field, value)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="shift.update",
                 target_type="shift", target_id=shift.id, before=before, after=_shift_state(shift))
    return shift


def ensure_default_shifts(session: Session) -> list[Shift]:
    """Create the three default shifts when none exist (as seeding does)."""
    if session.scalar(select(Shift.id).limit(1)) is None:
        session.add_all(Shift(name=name, start_minute=start, duration_minutes=duration, timezone="Asia/Tokyo",
                              active=True) for name, (start, duration) in DEFAULT_SHIFTS.items())
        session.flush()
    return active_shifts(session)


# --- rota ------------------------------------------------------------------------------------

def list_rota(session: Session, *, day_from: date, day_to: date, staff_id: int | None = None) -> list[RotaEntry]:
    if day_to < day_from or (day_to - day_from).days > MAX_ROTA_DAYS:
        raise InvalidInput(f"to must be on or after from, at most {MAX_ROTA_DAYS} days later", field="to")
    stmt = select(RotaEntry).where(RotaEntry.day >= day_from.isoformat(), RotaEntry.day <= day_to.isoformat())
    if staff_id is not None:
        stmt = stmt.where(RotaEntry.staff_id == staff_id)
    return list(session.scalars(stmt.order_by(RotaEntry.day, RotaEntry.shift_id, RotaEntry.staff_id)))


def add_rota(session: Session, *, staff_id: int, shift_id: int, day: date, actor: Staff) -> RotaEntry:
    if session.get(Staff, staff_id) is None:
        raise NotFound(f"No staff member with id {staff_id}.", field="staff_id")
    if session.get(Shift, shift_id) is None:
        raise NotFound(f"No shift with id {shift_id}.", field="shift_id")
    duplicate = session.scalar(select(RotaEntry.id).where(
        RotaEntry.staff_id == staff_id, RotaEntry.shift_id == shift_id, RotaEntry.day == day.isoformat()))
    if duplicate is not None:
        raise Conflict("this staff member is already on that shift that day", code="duplicate")
    entry = RotaEntry(staff_id=staff_id, shift_id=shift_id, day=day.isoformat())
    session.add(entry)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="rota.add", target_type="rota",
                 target_id=entry.id, after={"staff_id": staff_id, "shift_id": shift_id, "day": entry.day})
    return entry


def remove_rota(session: Session, *, entry_id: int, actor: Staff) -> None:
    entry = session.get(RotaEntry, entry_id)
    if entry is None:
        raise NotFound(f"No rota entry with id {entry_id}.")
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="rota.remove", target_type="rota",
                 target_id=entry.id, before={"staff_id": entry.staff_id, "shift_id": entry.shift_id, "day": entry.day})
    session.delete(entry)
    session.flush()


def scheduled(session: Session, *, occ: Occurrence) -> list[Staff]:
    return list(session.scalars(select(Staff).join(RotaEntry, RotaEntry.staff_id == Staff.id).where(
        RotaEntry.shift_id == occ.shift.id, RotaEntry.day == occ.day.isoformat()).order_by(Staff.display_name)))


# --- attendance --------------------------------------------------------------------------

def open_attendance(session: Session, *, staff_id: int) -> Attendance | None:
    return session.scalar(select(Attendance).where(
        Attendance.staff_id == staff_id, Attendance.clock_out_at.is_(None)).order_by(Attendance.id.desc()).limit(1))


def window(session: Session, attendance: Attendance) -> Occurrence | None:
    """The shift occurrence an attendance belongs to (None when clocked in outside any shift)."""
    if attendance.shift_id is None:
        return None
    shift = session.get(Shift, attendance.shift_id)
    return occurrence_at(shift, attendance.clock_in_at, early=EARLY_CLOCK_IN) if shift else None


def lease_cap(session: Session, *, staff: Staff) -> datetime | None:
    """Latest time a claim of this staff member may run to: their shift's end plus grace."""
    attendance = open_attendance(session, staff_id=staff.id)
    occ = window(session, attendance) if attendance else None
    return occ.end + SHIFT_GRACE if occ else None


def on_duty(session: Session, *, now: datetime) -> list[tuple[Staff, Attendance, Occurrence | None]]:
    """Clocked-in staff whose shift (plus grace) has not ended."""
    rows = session.execute(select(Staff, Attendance).join(Attendance, Attendance.staff_id == Staff.id).where(
        Attendance.clock_out_at.is_(None)).order_by(Staff.display_name)).all()
    result = []
    for staff, attendance in rows:
        occ = window(session, attendance)
        if occ is None or occ.end + SHIFT_GRACE > now:
            result.append((staff, attendance, occ))
    return result


def clock_in(session: Session, *, staff: Staff, shift_id: int | None = None) -> tuple[Attendance, Occurrence]:
    """Clock in to a running shift (or one starting within 30 minutes): the one
    named, else the one the rota has this person on, else the one running now."""
    now = utcnow()
    if open_attendance(session, staff_id=staff.id) is not None:
        raise Conflict("You are already clocked in; clock out first.", code="already_clocked_in")
    candidates = [occ for shift in active_shifts(session)
                  if (occ := occurrence_at(shift, now, early=EARLY_CLOCK_IN)) is not None]
    if shift_id is not None:
        candidates = [occ for occ in candidates if occ.shift.id == shift_id]
        if not candidates:
            raise InvalidInput("That shift is not running now (or starting within 30 minutes).", field="shift_id")
    if not candidates:
        raise Conflict("No shift is running now; ask a supervisor to check the shift times.", code="no_shift")
    rota = {(entry.shift_id, entry.day) for entry in session.scalars(
        select(RotaEntry).where(RotaEntry.staff_id == staff.id))}
    occ = next((occ for occ in candidates if (occ.shift.id, occ.day.isoformat()) in rota), candidates[0])
    attendance = Attendance(staff_id=staff.id, shift_id=occ.shift.id, clock_in_at=now)
    session.add(attendance)
    session.flush()
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action="attendance.clock_in",
                 target_type="attendance", target_id=attendance.id,
                 after={"shift": occ.shift.name, "shift_start": occ.start, "shift_end": occ.end})
    return attendance, occ


def close_attendance(session: Session, *, attendance: Attendance, note: str | None, actor_label: str,
                     actor_id: int | None, at: datetime) -> None:
    attendance.clock_out_at = at
    attendance.handover_note = note
    session.flush()
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action="attendance.clock_out",
                 target_type="attendance", target_id=attendance.id,
                 after={"clock_out_at": at, "handover_note": note})
