"""Product recalls, matches against listings, safety notices, and the term
index that lets a recall find its listings without scanning them all."""
from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backend.db import Base, utcnow


class RecallStatus(enum.StrEnum):
    open = "open"
    closed = "closed"


class MatchStatus(enum.StrEnum):
    candidate = "candidate"
    confirmed = "confirmed"
    rejected = "rejected"


class Confidence(enum.StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


class NoticeWhy(enum.StrEnum):
    posted = "posted"
    bought = "bought"


class ReturnStatus(enum.StrEnum):
    none = "none"
    requested = "requested"
    returned = "returned"
    declined = "declined"


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
    status: Mapped[str] = mapped_column(String(16), default=RecallStatus.open)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    raw: Mapped[dict[str, Any] | None]
    # When the regulator (or manufacturer) asked us to act; the removal clock starts here.
    requested_at: Mapped[datetime | None]
    # The product-safety pledge: matching listings gone within 2 business days of the request.
    removal_due_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}


class RecallProduct(Base):
    __tablename__ = "recall_products"

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(512))
    brand: Mapped[str | None] = mapped_column(String(256))
    model_number: Mapped[str | None] = mapped_column(String(128))
    model_norm: Mapped[str | None] = mapped_column(String(128), index=True)
    barcode: Mapped[str | None] = mapped_column(String(32))
    gtin: Mapped[str | None] = mapped_column(String(14), index=True)


class RecallMatch(Base):
    __tablename__ = "recall_matches"

    id: Mapped[int] = mapped_column(primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), index=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), index=True)
    score: Mapped[float]
    confidence: Mapped[str] = mapped_column(String(8))
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(16), default=MatchStatus.candidate)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removal_due_at: Mapped[datetime | None]
    suspended_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("recall_id", "listing_id"),
        Index("ix_recall_matches_recall_score", "recall_id", "score", "id"),
    )


class Notice(Base):
    """The in-app safety message itself: one per (recall, member, listing)."""

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
    return_status: Mapped[str] = mapped_column(String(16), default=ReturnStatus.none)
    message: Mapped[str] = mapped_column(Text, default="")
    returned_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (UniqueConstraint("recall_id", "member_id", "listing_id"),)


class ListingTerm(Base):
    """Inverted index of listing words (title, brand, model, model numbers and
    barcodes in the text): fuzzy matching narrows 1M listings to a few thousand
    candidates through it before rapidfuzz sees any text. The "C" collation on
    PostgreSQL makes prefix ranges byte-ordered, as they are on SQLite."""

    __tablename__ = "listing_terms"

    term: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql"), primary_key=True)
    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), primary_key=True)

    # A listing's own terms (its keyset, say) are read from this index alone.
    __table_args__ = (Index("ix_listing_terms_listing_term", "listing_id", "term"),)


class TermKeyset(Base):
    """The keyset terms (``k:…``) in ``listing_terms``, one row per vocabulary
    key a keyset holds. A listing's keyset is the set of its brand, type and
    line keys; a recall looks its keys up here to learn, without reading any
    listing, which keysets share them and so how much every listing of each
    keyset promises, then reads the best keysets' listings newest first.
    ``keys`` repeats the whole set so one lookup gives it."""

    __tablename__ = "term_keysets"

    key: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql"), primary_key=True)
    keyset: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql"), primary_key=True, index=True)
    keys: Mapped[str] = mapped_column(Text)


class ListingReading(Base):
    """Each listing's text as matching reads it (backend/recalls/reading.py),
    stored when the listing is indexed so that scoring a candidate does not
    read it again for every recall."""

    __tablename__ = "listing_readings"

    listing_id: Mapped[int] = mapped_column(ForeignKey("listings.id"), primary_key=True)
    reading: Mapped[str] = mapped_column(Text)


class RecallTerm(Base):
    """The index terms of every open recall (its model numbers, barcodes,
    brands and name words, as ``listing_terms`` spells them): a new listing
    looks its own terms up here to find the few recalls worth scoring it
    against, instead of every open recall being loaded for every listing."""

    __tablename__ = "recall_terms"

    term: Mapped[str] = mapped_column(
        String(64).with_variant(String(64, collation="C"), "postgresql"), primary_key=True)
    recall_id: Mapped[int] = mapped_column(ForeignKey("recalls.id"), primary_key=True, index=True)
