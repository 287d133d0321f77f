from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class TransactionStatus(enum.StrEnum):
    awaiting_payment = "awaiting_payment"
    paid = "paid"
    shipped = "shipped"
    received = "received"
    completed = "completed"
    cancelled = "cancelled"
    disputed = "disputed"
    released = "released"
    refunded = "refunded"


class EntryKind(enum.StrEnum):
    """Ledger lines. Only payment, release and refund move money; the rest
    record the escrow timeline with amount 0."""

    payment = "payment"
    shipped = "shipped"
    received = "received"
    dispute = "dispute"
    release = "release"
    refund = "refund"
    cancel = "cancel"


class Transaction(Base):
    __tablename__ = "transactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)  # the marketplace's id
    buyer_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    seller_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    amount: Mapped[int]
    fee: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(24), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    # Status rides along so a member's counts by status come from the index alone.
    __table_args__ = (
        Index("ix_transactions_buyer_created", "buyer_id", "created_at", "id", "status"),
        Index("ix_transactions_seller_created", "seller_id", "created_at", "id", "status"),
    )


class LedgerEntry(Base):
    """Append-only: rows are never updated or deleted."""

    __tablename__ = "ledger_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id"))
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(default=0)
    actor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    actor_label: Mapped[str] = mapped_column(String(128), default="system")
    note: Mapped[str | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("transaction_id", "seq"),)


class ApprovalStatus(enum.StrEnum):
    pending = "pending"
    approved = "approved"
    rejected = "rejected"


class RefundApproval(Base):
    """A refund above the requester's limit, waiting for a supervisor.

    The money does not move until a supervisor approves; approving runs the
    refund then (and is refused if the escrow changed so it no longer applies).
    """

    __tablename__ = "refund_approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))  # "refund" (while disputed) or "cancel" (full refund)
    amount: Mapped[int]
    reason: Mapped[str]
    status: Mapped[str] = mapped_column(String(16), default=ApprovalStatus.pending)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_refund_approvals_status_requested", "status", "requested_at", "id"),)
