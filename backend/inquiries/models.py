from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class InquiryCategory(enum.StrEnum):
    item_not_received = "item_not_received"
    not_as_described = "not_as_described"
    payment = "payment"
    account = "account"
    other = "other"


class InquiryStatus(enum.StrEnum):
    new = "new"
    open = "open"
    waiting_on_member = "waiting_on_member"
    resolved = "resolved"


class Inquiry(Base):
    __tablename__ = "inquiries"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(256))
    transaction_id: Mapped[int | None] = mapped_column(ForeignKey("transactions.id"))
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"))
    priority: Mapped[int] = mapped_column(default=2)  # 1 urgent .. 4 low
    status: Mapped[str] = mapped_column(String(24), default=InquiryStatus.new)
    first_response_due: Mapped[datetime]
    resolution_due: Mapped[datetime]
    first_responded_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claim_expires_at: Mapped[datetime | None]
    handover_note: Mapped[str | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_inquiries_status_created", "status", "created_at", "id"),)


class MessageKind(enum.StrEnum):
    member = "member"
    agent = "agent"
    note = "note"  # internal, never shown to the member


class InquiryMessage(Base):
    __tablename__ = "inquiry_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    inquiry_id: Mapped[int] = mapped_column(ForeignKey("inquiries.id"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
