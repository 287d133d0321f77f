from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class ListingStatus(enum.StrEnum):
    active = "active"
    sold = "sold"
    removed = "removed"
    suspended = "suspended"


class Listing(Base):
    __tablename__ = "listings"

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(64), unique=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    title: Mapped[str] = mapped_column(String(256))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(64))
    brand: Mapped[str | None] = mapped_column(String(128))
    model_number: Mapped[str | None] = mapped_column(String(128))
    barcode: Mapped[str | None] = mapped_column(String(32))
    # Normalised keys kept beside the raw fields so recall matching is an index lookup.
    barcode_gtin: Mapped[str | None] = mapped_column(String(14), index=True)
    model_norm: Mapped[str | None] = mapped_column(String(128), index=True)
    price: Mapped[int]
    condition: Mapped[str] = mapped_column(String(32), default="used")
    status: Mapped[str] = mapped_column(String(16), default=ListingStatus.active)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_listings_status_created", "status", "created_at", "id"),
        Index("ix_listings_seller_created", "seller_id", "created_at", "id"),
        Index("ix_listings_category_created", "category", "created_at", "id"),
        Index("ix_listings_price", "price", "id"),
        Index("ix_listings_created", "created_at", "id"),
    )
