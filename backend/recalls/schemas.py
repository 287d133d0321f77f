"""Request and response bodies of the recall API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from backend.recalls.models import RecallStatus, ReturnStatus


def _plausible_request_time(value: datetime | None) -> datetime | None:
    """The removal clock counts Japanese business days; a date outside this
    range is a typo (and beyond the holiday calendar), not a request."""
    if value is not None and not 2000 <= value.year <= 2099:
        raise ValueError("requested_at must be between 2000 and 2099")
    return value


RequestedAt = Annotated[datetime | None, AfterValidator(_plausible_request_time)]

Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10000)]
Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=256)]


class ProductIn(BaseModel):
    name: Short | None = None
    brand: Short | None = None
    model_number: Annotated[str, StringConstraints(strip_whitespace=True, max_length=128)] | None = None
    barcode: Annotated[str, StringConstraints(strip_whitespace=True, max_length=32)] | None = None


class RecallIn(BaseModel):
    """A recall typed into the form, or one record of an imported file."""

    number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=512)]
    source: Literal["regulator_feed", "manufacturer", "manual"] = "manual"
    recall_date: date | None = None
    description: Text = ""
    manufacturer: Short | None = None
    manufacturer_contact: Annotated[str, StringConstraints(strip_whitespace=True, max_length=512)] | None = None
    hazard: Text | None = None
    remedy: Text | None = None
    units: Annotated[int, Field(ge=0)] | None = None
    sold_from: date | None = None
    sold_to: date | None = None
    requested_at: RequestedAt = Field(
        default=None, description="when the regulator asked for removal; default: now. Starts the 2-business-day clock")
    products: list[ProductIn] = Field(default_factory=list, max_length=200)
    raw: dict[str, Any] | None = None


class RecallImportIn(BaseModel):
    format: Literal["cpsc_json", "csv"]
    content: Annotated[str, StringConstraints(min_length=1, max_length=20_000_000)]


class RecallPatch(BaseModel):
    version: int
    status: RecallStatus | None = None
    hazard: Text | None = None
    remedy: Text | None = None
    manufacturer_contact: Annotated[str, StringConstraints(strip_whitespace=True, max_length=512)] | None = None
    requested_at: RequestedAt = None


class ProductOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str | None
    brand: str | None
    model_number: str | None
    model_norm: str | None
    barcode: str | None
    gtin: str | None


class RecallOut(BaseModel):
    id: int
    number: str
    source: str
    recall_date: date | None
    title: str
    manufacturer: str | None
    status: str
    created_at: datetime
    requested_at: datetime | None
    removal_due_at: datetime | None
    removal_seconds_left: int | None
    candidates: int
    confirmed: int
    version: int


class RecallDetail(RecallOut):
    description: str
    manufacturer_contact: str | None
    hazard: str | None
    remedy: str | None
    units: int | None
    sold_from: date | None
    sold_to: date | None
    products: list[ProductOut]


class ImportResult(BaseModel):
    created: list[str]
    skipped: list[str]


class MatchRunResult(BaseModel):
    recall_id: int
    candidates: int
    new: int
    updated: int
    by_confidence: dict[str, int]
    elapsed_ms: float


class MatchOut(BaseModel):
    id: int
    recall_id: int
    listing_id: int
    listing_external_id: str
    listing_title: str
    listing_status: str
    seller_id: int
    score: float
    confidence: str
    evidence: list[dict[str, Any]]
    status: str
    decided_by_id: int | None
    decided_at: datetime | None
    created_at: datetime
    removal_due_at: datetime | None
    removal_seconds_left: int | None
    removal_state: str
    suspended_at: datetime | None
    version: int


class MatchRef(BaseModel):
    id: int
    version: int | None = None


class DecisionIn(BaseModel):
    decision: Literal["confirm", "reject"]
    matches: list[MatchRef] = Field(min_length=1, max_length=500)
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)] | None = None


class DecisionResult(BaseModel):
    decided: list[MatchOut]
    suspended_listing_ids: list[int]


class AffectedMember(BaseModel):
    member_id: int
    display_name: str
    listing_id: int
    listing_external_id: str
    why: str
    notice_id: int | None


class NoticeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    recall_id: int
    member_id: int
    listing_id: int
    why: str
    channel: str
    sent_at: datetime
    read_at: datetime | None
    acknowledged_at: datetime | None
    return_status: str
    returned_at: datetime | None
    message: str
    version: int


class SendResult(BaseModel):
    sent: int
    already_sent: int
    notices: list[NoticeOut]


class ReturnIn(BaseModel):
    return_status: ReturnStatus
    version: int | None = None


class Dashboard(BaseModel):
    recall_id: int
    number: str
    candidates: int
    confirmed: int
    rejected: int
    by_confidence: dict[str, int]
    owners_identified: int
    notified: int
    read: int
    acknowledged: int
    returned: int
    return_rate: float | None
    listings_suspended: int
    removals_pending: int
    removals_on_time: int
    removals_late: int
    removals_overdue: int
    removal_due_at: datetime | None
    removal_seconds_left: int | None
