"""Takedowns, strikes, sanctions, appeals and what the seller is told about them.

Nothing here is deleted to undo it: a reversal stamps the row (``reversed_at``,
``removed_at``, ``lifted_at``) so the listing pane can show the full history.
"""
from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backend.db import Base, utcnow
from backend.staff.models import Staff


def _staff(column: Mapped[int] | Mapped[int | None]) -> Any:
    """The staff member a column names, for showing their name next to the id.

    Read-only: the services keep setting the ids. A lazy load resolves from the
    identity map without SQL when the staff member is already in the session
    (the signed-in one always is); list reads eager-load instead.
    """
    return relationship(Staff, foreign_keys=[column], viewonly=True)


def _name(staff: Staff | None) -> str | None:
    return staff.display_name if staff is not None else None


class Takedown(Base):
    __tablename__ = "takedowns"

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    flag_id: Mapped[int | None] = mapped_column(ForeignKey("flags.id"))
    reason_code: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None]
    actor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime | None]  # temporary takedown
    reversed_at: Mapped[datetime | None]
    reversed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reversal_reason: Mapped[str | None]
    # The listing's status before removal, restored on reinstatement (NULL on seeded rows: "active").
    status_before: Mapped[str | None] = mapped_column(String(16))
    # What the cascade did: cancelled transaction ids, yen refunded, flags closed.
    effects: Mapped[dict[str, Any] | None]
    label_id: Mapped[int | None] = mapped_column(ForeignKey("decision_labels.id"))
    batch_id: Mapped[str | None] = mapped_column(String(36))  # set when part of a bulk takedown
    actor: Mapped[Staff] = _staff(actor_id)
    reversed_by: Mapped[Staff | None] = _staff(reversed_by_id)

    __table_args__ = (
        # At most one live takedown per listing: a racing double click cannot add a second.
        Index("uq_takedowns_live_listing", "listing_id", unique=True,
              sqlite_where=text("reversed_at IS NULL"), postgresql_where=text("reversed_at IS NULL")),
        Index("ix_takedowns_expires_at", "expires_at"),
    )

    @property
    def actor_name(self) -> str:
        return self.actor.display_name

    @property
    def reversed_by_name(self) -> str | None:
        return _name(self.reversed_by)


class Strike(Base):
    __tablename__ = "strikes"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    takedown_id: Mapped[int | None] = mapped_column(ForeignKey("takedowns.id"))
    policy: Mapped[str] = mapped_column(String(32))
    weight: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    removed_reason: Mapped[str | None]


class SanctionKind(enum.StrEnum):
    restrict = "restrict"  # may not list new items
    suspend = "suspend"  # may not trade at all


class Sanction(Base):
    """A restriction or suspension of a member; the member's status follows
    the live sanctions, so lifting a suspension falls back to a live restriction."""

    __tablename__ = "member_sanctions"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    lifted_at: Mapped[datetime | None]
    lifted_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    lift_reason: Mapped[str | None]
    actor: Mapped[Staff] = _staff(actor_id)
    lifted_by: Mapped[Staff | None] = _staff(lifted_by_id)

    __table_args__ = (Index("ix_member_sanctions_member_created", "member_id", "created_at", "id"),)

    @property
    def actor_name(self) -> str:
        return self.actor.display_name

    @property
    def lifted_by_name(self) -> str | None:
        return _name(self.lifted_by)


class AppealStatus(enum.StrEnum):
    open = "open"
    upheld = "upheld"
    overturned = "overturned"


class Appeal(Base):
    """A seller's appeal against a takedown: a queue item of its own, with the
    same claim columns as flags so the work queue can lease it."""

    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    takedown_id: Mapped[int] = mapped_column(ForeignKey("takedowns.id"), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    statement: Mapped[str] = mapped_column(Text)
    filed_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    status: Mapped[str] = mapped_column(String(16), default=AppealStatus.open)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None]
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claim_expires_at: Mapped[datetime | None]
    handover_note: Mapped[str | None]
    version: Mapped[int] = mapped_column(default=1)
    filed_by: Mapped[Staff] = _staff(filed_by_id)
    decided_by: Mapped[Staff | None] = _staff(decided_by_id)
    claimed_by: Mapped[Staff | None] = _staff(claimed_by_id)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_appeals_status_created", "status", "created_at", "id"),)

    @property
    def filed_by_name(self) -> str:
        return self.filed_by.display_name

    @property
    def decided_by_name(self) -> str | None:
        return _name(self.decided_by)

    @property
    def claimed_by_name(self) -> str | None:
        return _name(self.claimed_by)


class MemberNotification(Base):
    """What the marketplace tells a member about an enforcement decision; the
    marketplace delivers these (app inbox, e-mail)."""

    __tablename__ = "member_notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(32))
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"))
    reason_code: Mapped[str | None] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]

    __table_args__ = (Index("ix_member_notifications_member_created", "member_id", "created_at", "id"),)
