from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

NOTE_MAX = 4000


class QueueItemOut(BaseModel):
    """One row of the queue; the ``*_seconds`` fields are relative to ``server_time``
    of the response so a console can run countdowns without trusting its own clock."""

    id: int
    kind: str
    ref_id: int
    title: str
    member_id: int | None
    member_name: str | None
    listing_id: int | None
    listing_title: str | None
    transaction_id: int | None
    category: str
    status: str
    open: bool
    waiting: bool
    severity: int
    score: float
    sla_kind: str
    sla_due: datetime
    sla_state: str
    seconds_to_due: int
    rank: datetime
    created_at: datetime
    age_seconds: int
    claimed_by_id: int | None
    claimed_by_name: str | None
    claim_expires_at: datetime | None
    claim_seconds_left: int | None
    mine: bool
    handover_note: str | None
    handover_by_name: str | None
    handover_at: datetime | None
    updated_at: datetime


class QueuePage(BaseModel):
    items: list[QueueItemOut]
    next_cursor: str | None
    server_time: datetime


class QueueChanges(BaseModel):
    """Items that changed (including ones that left the queue: ``open`` false).
    Pass ``since`` back on the next poll; items may repeat, so apply them by id."""

    items: list[QueueItemOut]
    since: str
    more: bool
    server_time: datetime


class NextIn(BaseModel):
    kinds: list[str] | None = Field(default=None, max_length=8)


class NextOut(BaseModel):
    item: QueueItemOut | None
    server_time: datetime


class ReleaseIn(BaseModel):
    note: str | None = Field(default=None, max_length=NOTE_MAX)


class HandoffIn(BaseModel):
    to_staff_id: int
    note: str | None = Field(default=None, max_length=NOTE_MAX)
