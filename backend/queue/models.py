"""The queue's own tables: one denormalised row per workable item, and macros.

``queue_items`` mirrors the rows of every queued kind (inquiries, flags, and
any kind registered later) with the columns the queue filters and sorts on,
so the queue page is one indexed scan whatever the mix of kinds. Closed items
stay (``open`` false, ``closed_at`` set) so the handover summary can count
breaches and the change feed can tell consoles to drop them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class QueueItem(Base):
    __tablename__ = "queue_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[int]
    title: Mapped[str] = mapped_column(String(256))
    member_id: Mapped[int | None]
    listing_id: Mapped[int | None]
    transaction_id: Mapped[int | None]
    category: Mapped[str] = mapped_column(String(32))  # flag policy or inquiry category
    status: Mapped[str] = mapped_column(String(24))  # the source row's status
    open: Mapped[bool] = mapped_column(default=True)
    waiting: Mapped[bool] = mapped_column(default=False)  # waiting on someone outside; "next" skips it
    severity: Mapped[int] = mapped_column(default=0)
    score: Mapped[float] = mapped_column(default=1.0)
    sla_kind: Mapped[str] = mapped_column(String(16))  # first_response / resolution / decision
    sla_due: Mapped[datetime]
    rank: Mapped[datetime]  # effective due, see backend.queue.priority
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claimed_at: Mapped[datetime | None]
    claim_expires_at: Mapped[datetime | None]
    handover_note: Mapped[str | None] = mapped_column(Text)
    handover_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    handover_at: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        UniqueConstraint("kind", "ref_id", name="uq_queue_items_kind_ref"),
        # One index per sort key, with and without the kind (a role works one kind; supervisors all).
        Index("ix_queue_items_open_rank", "open", "rank", "id"),
        Index("ix_queue_items_open_kind_rank", "open", "kind", "rank", "id"),
        Index("ix_queue_items_open_due", "open", "sla_due", "id"),
        Index("ix_queue_items_open_kind_due", "open", "kind", "sla_due", "id"),
        Index("ix_queue_items_open_created", "open", "created_at", "id"),
        Index("ix_queue_items_open_kind_created", "open", "kind", "created_at", "id"),
        Index("ix_queue_items_claim", "claimed_by_id", "open", "rank", "id"),
        Index("ix_queue_items_updated", "updated_at", "id"),
    )


class Macro(Base):
    """A canned reply with ``{placeholders}``, managed by supervisors."""

    __tablename__ = "macros"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    body: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(32))  # an inquiry category it suits, or any
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
