from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class Role(enum.StrEnum):
    agent = "agent"
    moderator = "moderator"
    safety_officer = "safety_officer"
    supervisor = "supervisor"


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuthToken(Base):
    """Opaque bearer tokens; only their SHA-256 is stored so a database dump
    does not hand out live sessions."""

    __tablename__ = "auth_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Shift(Base):
    """A recurring daily shift in local (Asia/Tokyo) time, e.g. 22:00 for 8 hours."""

    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    start_minute: Mapped[int]  # minutes after local midnight
    duration_minutes: Mapped[int]
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Tokyo")
    active: Mapped[bool] = mapped_column(default=True)


class RotaEntry(Base):
    """A staff member scheduled to a shift on a local date."""

    __tablename__ = "rota_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"))
    day: Mapped[str] = mapped_column(String(10))  # ISO date, local


class Attendance(Base):
    """One clock-in to clock-out stretch, with the note left for the next shift."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"))
    clock_in_at: Mapped[datetime] = mapped_column(default=utcnow)
    clock_out_at: Mapped[datetime | None]
    handover_note: Mapped[str | None]
