"""Transaction messages, the flags screening raises on them, and moderators' decisions as labels.

A message belongs to a transaction (buyer ↔ seller) or, as a public comment,
to a listing; either way ``listing_id`` is set, so a listing's whole
conversation is one indexed read.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class MessageContext(enum.StrEnum):
    transaction = "transaction"  # between the buyer and the seller of a transaction
    listing_comment = "listing_comment"  # public, under a listing


class MessagePolicy(enum.StrEnum):
    off_platform_payment = "off_platform_payment"
    contact_exchange = "contact_exchange"
    cancel_to_relist = "cancel_to_relist"
    harassment = "harassment"


class MessageFlagStatus(enum.StrEnum):
    open = "open"
    actioned = "actioned"
    dismissed = "dismissed"


class TransactionMessage(Base):
    __tablename__ = "transaction_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    context: Mapped[str] = mapped_column(String(16))
    transaction_id: Mapped[int | None] = mapped_column(ForeignKey("transactions.id"))
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"))
    sender_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    text: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        Index("ix_transaction_messages_tx_sent", "transaction_id", "sent_at", "id"),
        Index("ix_transaction_messages_listing_sent", "listing_id", "sent_at", "id"),
        Index("ix_transaction_messages_sender_sent", "sender_id", "sent_at", "id"),
    )


class MessageFlag(Base):
    """A message screening (or a member's report) thinks breaks a policy; worked in the queue as kind "message"."""

    __tablename__ = "message_flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("transaction_messages.id"), index=True)
    source: Mapped[str] = mapped_column(String(16), default="detector")
    policy: Mapped[str] = mapped_column(String(24))
    score: Mapped[float]
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    detector: Mapped[str | None] = mapped_column(String(64))  # which rules/model version decided
    status: Mapped[str] = mapped_column(String(16), default=MessageFlagStatus.open)
    action: Mapped[str | None] = mapped_column(String(16))  # warn | hold | restrict | dismiss
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None] = mapped_column(Text)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claim_expires_at: Mapped[datetime | None]
    handover_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_message_flags_status_created", "status", "created_at", "id"),)


class MessageLabel(Base):
    """A moderator's decision on a flagged message as training data: an action is a
    positive example of the flag's policy, a dismissal a negative one ("ok")."""

    __tablename__ = "message_labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("transaction_messages.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(24))  # a policy, or "ok"
    source: Mapped[str] = mapped_column(String(16))  # warn | hold | restrict | dismiss
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MessageModelVersion(Base):
    """A trained message model (pickled bytes this service wrote itself) and how it did on held-out text."""

    __tablename__ = "message_model_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    trained_on: Mapped[int]
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(default=False, index=True)
    note: Mapped[str | None] = mapped_column(Text)
