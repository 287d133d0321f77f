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
    buyer_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    seller_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    amount: Mapped[int]
    fee: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(24), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_transactions_buyer_created", "buyer_id", "created_at", "id"),
        Index("ix_transactions_seller_created", "seller_id", "created_at", "id"),
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
