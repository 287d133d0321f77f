"""Authority requests, the legal holds their approval places, evidence exports and member erasures."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class LegalBasis(enum.StrEnum):
    investigation_inquiry = "investigation_inquiry"  # e.g. Code of Criminal Procedure art. 197(2)
    court_order = "court_order"
    search_warrant = "search_warrant"
    regulator_request = "regulator_request"
    other = "other"


class RequestStatus(enum.StrEnum):
    pending_approval = "pending_approval"
    approved = "approved"
    declined = "declined"
    answered = "answered"  # an evidence package was exported
    closed = "closed"


class AuthorityRequest(Base):
    __tablename__ = "authority_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency: Mapped[str] = mapped_column(String(200))
    officer: Mapped[str | None] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(200))
    reference: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(String(32))
    #: {"member_ids": [...], "listing_ids": [...], "transaction_ids": [...]}
    scope: Mapped[dict[str, Any]]
    due_at: Mapped[datetime]
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(24), default=RequestStatus.pending_approval)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None]  # the first evidence export
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_authority_requests_status_due", "status", "due_at", "id"),
                      Index("ix_authority_requests_created", "created_at", "id"))


class LegalHold(Base):
    """One record in one request's scope, kept from erasure while ``released_at`` is NULL."""

    __tablename__ = "legal_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("authority_requests.id"), index=True)
    target_type: Mapped[str] = mapped_column(String(16))  # member / listing / transaction
    target_id: Mapped[int]
    placed_at: Mapped[datetime] = mapped_column(default=utcnow)
    released_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_legal_holds_target", "target_type", "target_id", "released_at"),)


class EvidenceExport(Base):
    __tablename__ = "evidence_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("authority_requests.id"), index=True)
    exported_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    exported_by_label: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    audit_head: Mapped[str] = mapped_column(String(64))


class MemberErasure(Base):
    """A member whose personal data was erased (their rows stay, anonymised)."""

    __tablename__ = "member_erasures"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: What was erased, counted (never the values).
    effects: Mapped[dict[str, Any] | None]
