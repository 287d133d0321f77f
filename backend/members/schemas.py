from __future__ import annotations

import enum
from datetime import datetime

from pydantic import BaseModel, Field

from backend.members.signals import Signal
from backend.text_hygiene import VisibleText


class MemberOut(BaseModel):
    id: int
    external_id: str
    display_name: str
    status: str
    strikes: int
    joined_at: datetime
    email: str | None
    phone: str | None
    address: str | None
    version: int


class ListingCounts(BaseModel):
    total: int
    last_24h: int


class TransactionCounts(BaseModel):
    as_buyer: int
    as_seller: int
    open: int = Field(description="not yet completed, cancelled, released or refunded, on either side")
    disputed: int = Field(description="on hold right now, on either side")


class RatingCounts(BaseModel):
    good: int
    normal: int
    bad: int


class StrikeOut(BaseModel):
    id: int
    policy: str
    weight: int
    takedown_id: int | None
    created_at: datetime
    removed_at: datetime | None


class TakedownBrief(BaseModel):
    id: int
    listing_id: int
    listing_title: str
    reason_code: str
    created_at: datetime
    reversed_at: datetime | None


class FlagBrief(BaseModel):
    id: int
    listing_id: int
    listing_title: str
    source: str
    policy: str
    score: float
    created_at: datetime


class InquiryBrief(BaseModel):
    id: int
    category: str
    subject: str
    status: str
    transaction_id: int | None
    created_at: datetime


class Takedowns(BaseModel):
    total: int
    reversed: int
    recent: list[TakedownBrief]


class Flags(BaseModel):
    open: int
    total: int
    recent_open: list[FlagBrief]


class Inquiries(BaseModel):
    open: int
    recent_open: list[InquiryBrief]


class MemberSummary(BaseModel):
    """The member pane in one answer."""

    member: MemberOut
    account_age_days: int
    listings: ListingCounts
    transactions: TransactionCounts
    latest_transaction_id: int | None = Field(description="the member's newest transaction as buyer or seller, "
                                                           "the first row of the transactions page (null: none)")
    ratings_received: RatingCounts
    strikes: list[StrikeOut] = Field(description="newest first, removed ones included")
    takedowns: Takedowns
    flags: Flags
    inquiries: Inquiries
    signals: list[Signal]


class ContactField(enum.StrEnum):
    email = "email"
    phone = "phone"
    address = "address"


class RevealIn(BaseModel):
    reason: VisibleText = Field(min_length=1, max_length=1000)
    fields: list[ContactField] = Field(default_factory=lambda: list(ContactField), min_length=1)


class ContactOut(BaseModel):
    """Unmasked contact details; only the fields asked for are filled in."""

    member_id: int
    email: str | None
    phone: str | None
    address: str | None
    revealed: list[ContactField]
    revealed_at: datetime


class LookupHit(BaseModel):
    kind: str = Field(description="member | listing | transaction")
    id: int
    external_id: str | None
    label: str
    status: str
    member_ids: list[int] = Field(description="members whose panes this opens: the member; a listing's seller; "
                                              "a transaction's seller then buyer")
    transaction_id: int | None = Field(description="the transaction to show in the escrow pane, if any")
