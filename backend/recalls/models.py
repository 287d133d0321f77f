from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class Recall(Base):
    __tablename__ = "recalls"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(16))  # regulator_feed | manufacturer | manual
    number: Mapped[str] = mapped_column(String(64), unique=True)
    recall_date: Mapped[date | None]
    title: Mapped[str] = mapped_column(String(512))
    description: Mapped[str] = mapped_column(Text, default="")
    manufacturer: Mapped[str | None] = mapped_column(String(256))
    manufacturer_contact: Mapped[str | None] = mapped_column(String(512))
    hazard: Mapped[str | None] = mapped_column(Text)
    remedy: Mapped[str | None] = mapped_column(Text)
    units: Mapped[int | None]
    sold_from: Mapped[date | None]
    sold_to: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    raw: Mapped[dict[str, Any] | None]


class RecallProduct(Base):
    __tablename__ = "recall_products"

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(512))
    brand: Mapped[str | None] = mapped_column(String(256))
    model_number: Mapped[str | None] = mapped_column(String(128))
    model_norm: Mapped[str | None] = mapped_column(String(128))
    barcode: Mapped[str | None] = mapped_column(String(32))
    gtin: Mapped[str | None] = mapped_column(String(14))


class RecallMatch(Base):
    __tablename__ = "recall_matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    score: Mapped[float]
    confidence: Mapped[str] = mapped_column(String(8))
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), default="candidate")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (UniqueConstraint("recall_id", "listing_id"),)


class Notice(Base):
    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"))
    why: Mapped[str] = mapped_column(String(16))  # posted | bought
    channel: Mapped[str] = mapped_column(String(16), default="in_app")
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
    acknowledged_at: Mapped[datetime | None]
    return_status: Mapped[str] = mapped_column(String(16), default="none")

    __table_args__ = (UniqueConstraint("recall_id", "member_id", "listing_id"),)
