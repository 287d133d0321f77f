from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from backend.rights.models import ReportStatus
from backend.rights.service import Outcome
from backend.text_hygiene import VisibleText


class OwnerIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    marks: list[Annotated[str, Field(min_length=1, max_length=128)]] = Field(min_length=1, max_length=200)
    username: Annotated[VisibleText, Field(min_length=1, max_length=64)]
    password: str = Field(min_length=1, max_length=256)
    ownership_evidence: str | None = Field(default=None, max_length=4000)


class OwnerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    name: str
    marks: list[str]
    ownership_evidence: str | None
    staff_id: int
    username: str
    created_at: datetime


class ReportIn(BaseModel):
    listing_id: int = Field(ge=1, le=2**31 - 1)
    mark: str = Field(min_length=1, max_length=128)
    evidence: str = Field(min_length=1, max_length=4000)


class CsvIn(BaseModel):
    csv: str = Field(min_length=1, max_length=2_000_000)


class DecisionIn(BaseModel):
    outcome: Outcome
    reason: str = Field(min_length=1, max_length=4000)
    version: int | None = Field(default=None, ge=1, le=2**31 - 1)


class AppealResponseIn(BaseModel):
    response: str = Field(min_length=1, max_length=4000)


class PublicListingOut(BaseModel):
    """What any shopper sees of a listing: no seller, no member data."""
    id: int
    external_id: str
    title: str
    description: str
    category: str
    brand: str | None
    model_number: str | None
    price: int
    condition: str
    status: str
    created_at: datetime


class AppealBrief(BaseModel):
    id: int
    status: str
    statement: str
    created_at: datetime
    decided_at: datetime | None


class ReportOut(BaseModel):
    id: int
    owner_id: int
    owner_name: str
    listing: PublicListingOut | None
    mark: str
    evidence: str
    status: ReportStatus
    created_at: datetime
    decided_at: datetime | None
    decision_reason: str | None
    takedown_id: int | None
    takedown_in_force: bool | None
    appeal: AppealBrief | None
    appeal_response: str | None
    appeal_responded_at: datetime | None
    version: int
    #: Staff-only details (None for a rights owner): the seller and who decided.
    seller_id: int | None = None
    decided_by_id: int | None = None
    claimed_by_id: int | None = None


class ImportOut(BaseModel):
    created: int
    unchanged: int
    report_ids: list[int]


