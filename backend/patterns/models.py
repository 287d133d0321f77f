"""Flags raised by the transaction-pattern detectors; worked in the queue as kind "pattern"."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class Pattern(enum.StrEnum):
    serial_disputer = "serial_disputer"  # a buyer who disputes far more often than peers
    shipped_never_received = "never_received"  # a seller whose "shipped" sales are seldom received
    self_dealing = "self_dealing"  # buyer and seller share a phone number or address
    cash_equivalent_burst = "cash_burst"  # a new account selling cash equivalents to many new buyers
    dormant_takeover = "dormant_takeover"  # a long-quiet account suddenly busy


class PatternFlag(Base):
    __tablename__ = "pattern_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    pattern: Mapped[str] = mapped_column(String(24))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    other_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    transaction_id: Mapped[int | None] = mapped_column(ForeignKey("transactions.id"))
    fingerprint: Mapped[str] = mapped_column(String(128), unique=True)  # one flag per finding, never two
    score: Mapped[float]
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    evidence: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(16), default="open")
    action: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claim_expires_at: Mapped[datetime | None]
    handover_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_pattern_flags_status_created", "status", "created_at", "id"),)
