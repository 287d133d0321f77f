"""Request and response bodies of the enforcement API.

Every staff id in a response comes with that staff member's display name
(``actor_id`` / ``actor_name``, ``decided_by_id`` / ``decided_by_name``, ...;
null with the id): a moderator reading the history needs names, not numbers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from backend.enforcement.appeals import Decision
from backend.enforcement.models import SanctionKind
from backend.enforcement.reasons import ReasonCode
from backend.text_hygiene import VisibleText

Reason = Field(min_length=1, max_length=2000)
#: A temporary takedown lasts from a minute to a year (README).
Hours = Field(default=None, ge=1 / 60, le=24 * 365,
              description="temporary takedown: reinstated automatically after this (at least 1/60 h, one minute)")


class TakedownIn(BaseModel):
    reason_code: ReasonCode
    note: str | None = Field(default=None, max_length=2000, description="required for reason_code 'other'")
    flag_id: int | None = Field(default=None, description="the queue flag this acts on, if any")
    duration_hours: float | None = Hours
    listing_version: int | None = Field(default=None, description="the listing version the moderator saw")


class ReasonIn(BaseModel):
    reason: VisibleText = Reason


class DismissIn(BaseModel):
    reason: VisibleText = Reason
    version: int | None = None


class BulkScope(BaseModel):
    listing_ids: list[int] | None = Field(default=None, max_length=1000)
    seller_id: int | None = None


class BulkTakedownIn(BulkScope):
    reason_code: ReasonCode
    note: str | None = Field(default=None, max_length=2000)
    duration_hours: float | None = Hours
    confirmation_token: str = Field(max_length=64)
    confirm_listings: int = Field(ge=0, description="the listing count the moderator confirmed")
    confirm_large: bool = Field(default=False, description="second confirmation, needed above 100 listings")


class SanctionIn(BaseModel):
    kind: SanctionKind
    reason: VisibleText = Reason
    version: int | None = Field(default=None, description="the member version the moderator saw")


class LiftIn(BaseModel):
    kind: SanctionKind
    reason: VisibleText = Reason


class AppealIn(BaseModel):
    statement: VisibleText = Field(min_length=1, max_length=4000)


class DecideIn(BaseModel):
    decision: Decision
    reason: VisibleText = Reason
    version: int | None = None


class StandingOut(BaseModel):
    points: int
    window_days: int
    suggestion: SanctionKind | None


class TakedownOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    listing_id: int
    flag_id: int | None
    reason_code: str
    reason_label: str
    note: str | None
    actor_id: int
    actor_name: str
    created_at: datetime
    expires_at: datetime | None
    expired: bool  # a temporary takedown whose time is up, reinstatement pending
    reversed_at: datetime | None
    reversed_by_id: int | None
    reversed_by_name: str | None
    reversal_reason: str | None
    batch_id: str | None
    effects: dict[str, Any] | None


class TakedownActionOut(BaseModel):
    takedown: TakedownOut
    changed: bool  # False: it was already done, nothing changed
    seller_standing: StandingOut


class BulkPreviewOut(BaseModel):
    listings: int
    listing_ids: list[int]
    already_down: list[int]
    open_transactions: int
    held_yen: int
    needs_second_confirmation: bool
    confirmation_token: str


class BulkResultOut(BaseModel):
    batch_id: str
    listings: int
    takedown_ids: list[int]
    transactions_cancelled: int
    refunded_yen: int
    seller_standing: StandingOut | None


class StrikeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    member_id: int
    takedown_id: int | None
    policy: str
    weight: int
    created_at: datetime
    removed_at: datetime | None
    removed_reason: str | None


class SanctionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    member_id: int
    kind: str
    reason: str
    actor_id: int
    actor_name: str
    created_at: datetime
    lifted_at: datetime | None
    lifted_by_id: int | None
    lifted_by_name: str | None
    lift_reason: str | None


class SanctionActionOut(BaseModel):
    sanction: SanctionOut
    member_status: str
    member_version: int
    changed: bool


class AppealOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    takedown_id: int
    member_id: int
    statement: str
    filed_by_id: int
    filed_by_name: str
    status: str
    created_at: datetime
    decided_by_id: int | None
    decided_by_name: str | None
    decided_at: datetime | None
    decision_reason: str | None
    claimed_by_id: int | None
    claimed_by_name: str | None
    claim_expires_at: datetime | None
    handover_note: str | None
    version: int


class AppealActionOut(BaseModel):
    appeal: AppealOut
    changed: bool


class FlagDecisionOut(BaseModel):
    id: int
    listing_id: int
    source: str
    policy: str
    score: float
    status: str
    created_at: datetime
    decided_by_id: int | None
    decided_by_name: str | None
    decided_at: datetime | None
    decision_reason: str | None
    version: int


class NotificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    listing_id: int | None
    reason_code: str | None
    body: str
    created_at: datetime
    read_at: datetime | None


class MemberEnforcementOut(BaseModel):
    member_id: int
    status: str
    version: int
    live_strikes: int
    standing: StandingOut
    strikes: list[StrikeOut]  # newest first, at most 50
    sanctions: list[SanctionOut]  # newest first, at most 50
    takedowns_total: int
    takedowns_in_force: int
    recent_takedowns: list[TakedownOut]  # newest first, at most 20; page through GET /takedowns?member_id=
    open_appeals: int
    notifications: list[NotificationOut]  # newest first, at most 20


class ListingEnforcementOut(BaseModel):
    listing_id: int
    status: str
    version: int
    takedowns: list[TakedownOut]  # newest first
    flags: list[FlagDecisionOut]  # newest first
    appeals: list[AppealOut]
    seller: MemberEnforcementOut
