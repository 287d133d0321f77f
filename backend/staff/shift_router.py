"""Shifts, rota, clock-in/out and the shift handover summary."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from backend.db import utcnow
from backend.deps import DbSession, require
from backend.idempotency.guard import Idempotency
from backend.permissions import Permission
from backend.queue import handover
from backend.queue.schemas import NOTE_MAX, QueueItemOut
from backend.staff import shifts
from backend.staff.models import Staff

router = APIRouter(tags=["shifts"])
Reader = Annotated[Staff, Depends(require(Permission.read_shifts))]
Manager = Annotated[Staff, Depends(require(Permission.manage_shifts))]
Worker = Annotated[Staff, Depends(require(Permission.work_queue))]


class ShiftOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    start_minute: int
    duration_minutes: int
    timezone: str
    active: bool


class ShiftIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    start_minute: int = Field(ge=0, lt=1440, description="minutes after local midnight, e.g. 1320 for 22:00")
    duration_minutes: int = Field(ge=60, le=1440)
    timezone: str = Field(default="Asia/Tokyo", max_length=64)


class ShiftPatch(BaseModel):
    name: str | None = Field(default=None, min_length=1, max_length=64)
    start_minute: int | None = Field(default=None, ge=0, lt=1440)
    duration_minutes: int | None = Field(default=None, ge=60, le=1440)
    timezone: str | None = Field(default=None, max_length=64)
    active: bool | None = None


class StaffBrief(BaseModel):
    id: int
    display_name: str
    role: str
    clocked_in_at: datetime | None = None


class CurrentShift(BaseModel):
    shift: ShiftOut
    start: datetime
    end: datetime
    seconds_left: int
    on_duty: list[StaffBrief]
    scheduled: list[StaffBrief]


class MyAttendance(BaseModel):
    attendance_id: int
    shift_id: int | None
    clocked_in_at: datetime
    shift_end: datetime | None
    seconds_left: int | None


class CurrentOut(BaseModel):
    server_time: datetime
    shifts: list[CurrentShift]
    me: MyAttendance | None


class RotaOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    staff_id: int
    shift_id: int
    day: str


class RotaIn(BaseModel):
    staff_id: int
    shift_id: int
    day: date


class ClockInIn(BaseModel):
    shift_id: int | None = None


class ClockOutIn(BaseModel):
    note: str | None = Field(default=None, max_length=NOTE_MAX, description="handover note for the next shift")
    item_notes: dict[int, Annotated[str, Field(max_length=NOTE_MAX)]] = Field(
        default_factory=dict, max_length=500, description="queue item id -> note left on that item")


class ClockOutOut(BaseModel):
    attendance_id: int
    released_item_ids: list[int]
    handover_note: str | None


class HandoverNote(BaseModel):
    staff_id: int
    staff_name: str
    clock_out_at: datetime
    note: str


class PreviousShift(BaseModel):
    id: int
    name: str
    start: datetime
    end: datetime


class HandoverOut(BaseModel):
    server_time: datetime
    previous_shift: PreviousShift | None
    notes: list[HandoverNote]
    handed_over: list[QueueItemOut]
    open: dict[str, int]
    breached_now: dict[str, int]
    breached_during_shift: dict[str, int]


def _brief(staff: Staff, clocked_in_at: datetime | None = None) -> StaffBrief:
    return StaffBrief(id=staff.id, display_name=staff.display_name, role=staff.role, clocked_in_at=clocked_in_at)


@router.get("/shifts", response_model=list[ShiftOut])
def list_shifts(_staff: Reader, session: DbSession) -> list[Any]:
    return shifts.all_shifts(session)


@router.post("/shifts", response_model=ShiftOut, status_code=201)
def create_shift(body: ShiftIn, actor: Manager, session: DbSession, idem: Idempotency) -> dict:
    shift = shifts.create_shift(session, name=body.name, start_minute=body.start_minute,
                                duration_minutes=body.duration_minutes, timezone=body.timezone, actor=actor)
    return idem.remember(ShiftOut.model_validate(shift).model_dump(mode="json"), 201)


@router.patch("/shifts/{shift_id}", response_model=ShiftOut)
def update_shift(shift_id: int, body: ShiftPatch, actor: Manager, session: DbSession) -> Any:
    return shifts.update_shift(session, shift_id=shift_id, actor=actor, **body.model_dump(exclude_none=True))


@router.get("/shifts/current", response_model=CurrentOut)
def current(staff: Reader, session: DbSession) -> CurrentOut:
    """The shift(s) running now, who is clocked in and scheduled, time left; and the caller's own attendance."""
    now = utcnow()
    duty = shifts.on_duty(session, now=now)
    running = []
    for occ in shifts.current_occurrences(session, now=now):
        running.append(CurrentShift(
            shift=ShiftOut.model_validate(occ.shift), start=occ.start, end=occ.end,
            seconds_left=int((occ.end - now).total_seconds()),
            on_duty=[_brief(s, a.clock_in_at) for s, a, o in duty if o is not None and o.shift.id == occ.shift.id
                     and o.start == occ.start],
            scheduled=[_brief(s) for s in shifts.scheduled(session, occ=occ)]))
    me = None
    attendance = shifts.open_attendance(session, staff_id=staff.id)
    if attendance is not None:
        occ = shifts.window(session, attendance)
        me = MyAttendance(attendance_id=attendance.id, shift_id=attendance.shift_id,
                          clocked_in_at=attendance.clock_in_at, shift_end=occ.end if occ else None,
                          seconds_left=int((occ.end - now).total_seconds()) if occ else None)
    return CurrentOut(server_time=now, shifts=running, me=me)


@router.get("/rota", response_model=list[RotaOut])
def rota(
    _staff: Reader,
    session: DbSession,
    day_from: Annotated[date | None, Query(alias="from")] = None,
    day_to: Annotated[date | None, Query(alias="to")] = None,
    staff_id: int | None = None,
) -> list[Any]:
    """Rota entries between two local dates (default: today and the next 6 days, Asia/Tokyo)."""
    today = utcnow().astimezone(shifts.TOKYO).date()
    start = day_from or today
    return shifts.list_rota(session, day_from=start, day_to=day_to or start + timedelta(days=6), staff_id=staff_id)


@router.post("/rota", response_model=RotaOut, status_code=201)
def add_rota(body: RotaIn, actor: Manager, session: DbSession, idem: Idempotency) -> dict:
    entry = shifts.add_rota(session, staff_id=body.staff_id, shift_id=body.shift_id, day=body.day, actor=actor)
    return idem.remember(RotaOut.model_validate(entry).model_dump(mode="json"), 201)


@router.delete("/rota/{rota_entry_id}", status_code=204)
def remove_rota(rota_entry_id: int, actor: Manager, session: DbSession) -> None:
    shifts.remove_rota(session, entry_id=rota_entry_id, actor=actor)


@router.post("/attendance/clock-in", response_model=MyAttendance)
def clock_in(staff: Reader, session: DbSession, idem: Idempotency, body: ClockInIn | None = None) -> dict:
    attendance, occ = shifts.clock_in(session, staff=staff, shift_id=body.shift_id if body else None)
    out = MyAttendance(attendance_id=attendance.id, shift_id=attendance.shift_id,
                       clocked_in_at=attendance.clock_in_at, shift_end=occ.end,
                       seconds_left=int((occ.end - utcnow()).total_seconds()))
    return idem.remember(out.model_dump(mode="json"))


@router.post("/attendance/clock-out", response_model=ClockOutOut)
def clock_out(staff: Reader, session: DbSession, idem: Idempotency, body: ClockOutIn | None = None) -> dict:
    """Ends the caller's attendance and returns every item they hold to the queue with the notes."""
    body = body or ClockOutIn()
    result = handover.clock_out(session, staff=staff, note=body.note, item_notes=body.item_notes)
    return idem.remember(ClockOutOut(**result).model_dump(mode="json"))


@router.get("/handover", response_model=HandoverOut)
def handover_summary(staff: Worker, session: DbSession) -> dict:
    """What the shift that just ended left: notes, items handed over, open work, breaches."""
    return handover.summary(session, staff=staff)
