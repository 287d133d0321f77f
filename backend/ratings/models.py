from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class RatingScore(enum.StrEnum):
    good = "good"
    normal = "normal"
    bad = "bad"


class Rating(Base):
    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("transactions.id"))
    rater_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    ratee_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    direction: Mapped[str] = mapped_column(String(20))  # buyer_to_seller | seller_to_buyer
    score: Mapped[str] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    # Score rides along so a member's counts by score (and the trend) come from the index alone.
    __table_args__ = (
        UniqueConstraint("transaction_id", "direction"),
        Index("ix_ratings_ratee_created", "ratee_id", "created_at", "id", "score"),
        Index("ix_ratings_rater_created", "rater_id", "created_at", "id", "score"),
    )
