"""Time buckets for the dashboards, and the SQL that puts a timestamp in one.

Buckets start at ``from`` and are ``hour`` or ``day`` long, so a console that
asks from its staff's local midnight (JST by default) gets the staff's days,
whatever zone the service runs in. Bucket ``i`` is
``[from + i·step, from + (i+1)·step)``; the index is computed by the database
from epoch seconds, the same way on SQLite and PostgreSQL.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Integer, cast, func, literal
from sqlalchemy.sql import ColumnElement

from backend.errors import InvalidInput

#: A dashboard never asks for more; a year of hours is already unreadable.
MAX_BUCKETS = 2000


class Bucket(enum.StrEnum):
    hour = "hour"
    day = "day"


STEP_SECONDS = {Bucket.hour: 3600, Bucket.day: 86400}


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime
    bucket: Bucket

    @property
    def step(self) -> int:
        return STEP_SECONDS[self.bucket]

    @property
    def count(self) -> int:
        return math.ceil((self.end - self.start).total_seconds() / self.step)

    def starts(self) -> list[datetime]:
        return [self.start + timedelta(seconds=i * self.step) for i in range(self.count)]

    def iso_starts(self) -> list[str]:
        return [at.isoformat() for at in self.starts()]

    def zeros(self) -> list[int]:
        return [0] * self.count


def window(start: datetime, end: datetime, bucket: Bucket) -> Window:
    """Check and normalise the requested period (aware UTC, whole seconds)."""
    start, end = _utc(start, "from"), _utc(end, "to")
    if end <= start:
        raise InvalidInput("'to' must be after 'from'.", field="to")
    result = Window(start, end, bucket)
    if result.count > MAX_BUCKETS:
        raise InvalidInput(f"That is {result.count} {bucket.value}s; ask for at most {MAX_BUCKETS} buckets "
                           f"(a shorter period or day buckets).", field="bucket")
    return result


def _utc(value: datetime, name: str) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)  # an ISO time without offset is taken as UTC
    try:
        return value.astimezone(UTC).replace(microsecond=0)
    except (OverflowError, ValueError):
        raise InvalidInput(f"'{name}' is out of range.", field=name) from None


def epoch(column: Any, dialect: str) -> ColumnElement[Any]:
    """Seconds since 1970 of a stored (naive UTC) timestamp."""
    if dialect == "postgresql":
        return func.extract("epoch", column)
    return cast(func.strftime("%s", column), Integer)


def index(column: Any, win: Window, dialect: str) -> ColumnElement[int]:
    """The bucket a timestamp falls in (callers keep it within the window)."""
    offset = epoch(column, dialect) - literal(int(win.start.timestamp()))
    if dialect == "postgresql":
        return cast(func.floor(offset / win.step), Integer)
    return offset // win.step  # integer division of non-negative integers


def seconds_between(later: Any, earlier: Any, dialect: str) -> ColumnElement[Any]:
    if dialect == "postgresql":
        return func.extract("epoch", later - earlier)
    return (func.julianday(later) - func.julianday(earlier)) * 86400.0


def in_window(column: Any, win: Window) -> ColumnElement[bool]:
    return (column >= win.start) & (column < win.end)
