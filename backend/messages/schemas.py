from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from backend.text_hygiene import VisibleText


class MessageFlagBrief(BaseModel):
    id: int
    policy: str
    score: float
    status: str
    action: str | None


class MessageOut(BaseModel):
    """A message as staff see it: contact details inside it masked (``masked`` says how many)."""

    id: int
    external_id: str | None
    context: str
    transaction_id: int | None
    listing_id: int
    sender_id: int
    sender_name: str
    sender_role: str  # buyer | seller | commenter
    sent_at: datetime
    text: str
    masked: int
    flags: list[MessageFlagBrief] = Field(default_factory=list)


class ThreadOut(BaseModel):
    transaction_id: int | None
    listing_id: int
    buyer_id: int | None
    seller_id: int
    items: list[MessageOut]
    revealed: bool = False


class RevealMessagesIn(BaseModel):
    reason: VisibleText = Field(min_length=1, max_length=1000)
    message_ids: list[int] | None = Field(default=None, max_length=500)


class MessageIn(BaseModel):
    """A message the marketplace passes on as it is posted (screened before it is stored)."""

    model_config = ConfigDict(extra="forbid")

    transaction_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    listing_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    sender_id: int = Field(ge=1, le=2**31 - 1)
    text: VisibleText = Field(min_length=1, max_length=5000)
    external_id: str | None = Field(default=None, min_length=1, max_length=64)
    sent_at: datetime | None = None


class Verdict(BaseModel):
    flagged: bool
    policy: str | None
    score: float
    reasons: list[dict[str, Any]]


class PostedOut(BaseModel):
    message: MessageOut
    verdict: Verdict
    flag_id: int | None


Action = Literal["warn", "hold", "restrict", "dismiss"]
