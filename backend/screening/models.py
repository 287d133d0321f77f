from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class DetectorVersion(Base):
    __tablename__ = "detector_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    trained_on: Mapped[int]
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(default=False, index=True)
    note: Mapped[str | None]
    activated_at: Mapped[datetime | None]  # last time it became the active version


class PolicyThreshold(Base):
    __tablename__ = "policy_thresholds"

    policy: Mapped[str] = mapped_column(String(24), primary_key=True)
    flag_at: Mapped[float]
    suspend_at: Mapped[float]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class DecisionLabel(Base):
    """A moderator decision turned into training data: takedown = positive for
    its policy, dismiss = negative ("ok")."""

    __tablename__ = "decision_labels"

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int | None] = mapped_column(ForeignKey("listings.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    label: Mapped[str] = mapped_column(String(24))  # a policy, or "ok"
    source: Mapped[str] = mapped_column(String(16))  # takedown | dismiss | seed
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
