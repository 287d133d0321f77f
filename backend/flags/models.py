from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class Policy(enum.StrEnum):
    counterfeit = "counterfeit"
    medicine = "medicine"
    game_account = "game_account"
    stolen_goods = "stolen_goods"
    weapon = "weapon"
    cash_equivalent = "cash_equivalent"


class FlagSource(enum.StrEnum):
    detector = "detector"
    member_report = "member_report"
    rights_holder = "rights_holder"


class FlagStatus(enum.StrEnum):
    open = "open"
    actioned = "actioned"
    dismissed = "dismissed"


class Flag(Base):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    source: Mapped[str] = mapped_column(String(16))
    policy: Mapped[str] = mapped_column(String(24))
    score: Mapped[float]
    reasons: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), default=FlagStatus.open)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    decision_reason: Mapped[str | None]
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    claim_expires_at: Mapped[datetime | None]
    handover_note: Mapped[str | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (Index("ix_flags_status_created", "status", "created_at", "id"),)
