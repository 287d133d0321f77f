"""Rights owners and their reports of listings that infringe their marks."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class RightsOwner(Base):
    __tablename__ = "rights_owners"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    marks: Mapped[list[Any]]  # the marks (brands) it owns
    ownership_evidence: Mapped[str | None] = mapped_column(Text)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), unique=True)  # its account (role rights_owner)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReportStatus(enum.StrEnum):
    open = "open"
    accepted = "accepted"
    rejected = "rejected"


class RightsReport(Base):
    """A rights owner's report of one listing; worked in the queue as kind ``rights_report``."""

    __tablename__ = "rights_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("rights_owners.id"))
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    mark: Mapped[str] = mapped_column(String(128))
    evidence: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=ReportStatus.open)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    takedown_id: Mapped[int | None] = mapped_column(ForeignKey("takedowns.id"), index=True)
    #: The rights owner's answer to the seller's appeal against the takedown.
    appeal_response: Mapped[str | None] = mapped_column(Text)
    appeal_responded_at: Mapped[datetime | None]
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claim_expires_at: Mapped[datetime | None]
    handover_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_rights_reports_owner_created", "owner_id", "created_at", "id"),
                      Index("ix_rights_reports_status_created", "status", "created_at", "id"))
