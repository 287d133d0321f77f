"""The append-only, keyed hash-chained audit log."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class AuditEvent(Base):
    """Append-only; ``hash`` is an HMAC, with the audit key kept outside the
    database (backend/keys.py), over this event and ``prev_hash``, so editing
    or deleting any earlier event breaks every later link, and nobody without
    the key can recompute the chain after an edit."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    actor_label: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
    reason: Mapped[str | None]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)

    __table_args__ = (
        Index("ix_audit_events_target", "target_type", "target_id", "id"),
        # a staff member's recent actions of one kind (the contact-reveal limit)
        Index("ix_audit_events_action_actor", "action", "actor_id", "created_at"),
    )


class AuditChain(Base):
    """This database's chain: the name its checkpoints are filed under outside
    the database (backend/audit/checkpoints.py). One row."""

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(primary_key=True)
    chain_id: Mapped[str] = mapped_column(String(32), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
