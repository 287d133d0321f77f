from __future__ import annotations

import enum
from datetime import datetime

from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class Role(enum.StrEnum):
    agent = "agent"
    moderator = "moderator"
    safety_officer = "safety_officer"
    supervisor = "supervisor"
    rights_owner = "rights_owner"  # external: a brand owner reporting listings (issue 17); not staff


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
    expires_at: Mapped[datetime]  # the maximum session age
    revoked_at: Mapped[datetime | None]
    #: When the token was last used (to within a minute), for the idle timeout; None: never since sign-in.
    last_used_at: Mapped[datetime | None]


class SignInThrottle(Base):
    """Recent failed sign-ins for one account name or one client address, kept in
    the database so that every service process of a team deployment sees them."""

    __tablename__ = "sign_in_throttles"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(16))  # "account" | "address"
    key: Mapped[str] = mapped_column(String(128))
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_until: Mapped[datetime | None]

    __table_args__ = (UniqueConstraint("scope", "key", name="uq_sign_in_throttles_scope_key"),)


class StaffAlert(Base):
    """Something supervisors must be told: an account locked after failed
    sign-ins, a staff member who hit the contact-reveal limit."""

    __tablename__ = "staff_alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    message: Mapped[str] = mapped_column(String(500))
    details: Mapped[dict[str, Any] | None]
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


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
