from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from backend.authority.models import LegalBasis, RequestStatus

RecordId = Annotated[int, Field(ge=1, le=2**31 - 1)]
Ids = Annotated[list[RecordId], Field(max_length=1000)]


class ScopeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member_ids: Ids = []
    listing_ids: Ids = []
    transaction_ids: Ids = []


class RequestIn(BaseModel):
    agency: str = Field(min_length=1, max_length=200)
    reference: str = Field(min_length=1, max_length=200)
    legal_basis: LegalBasis
    scope: ScopeIn
    due_at: datetime
    note: str | None = Field(default=None, max_length=4000)
    officer: str | None = Field(default=None, max_length=200)
    contact: str | None = Field(default=None, max_length=200)


class DecisionIn(BaseModel):
    reason: str = Field(min_length=1, max_length=4000)
    version: int | None = Field(default=None, ge=1, le=2**31 - 1)


class CloseIn(BaseModel):
    reason: str | None = Field(default=None, max_length=4000)


class HoldOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    target_type: str
    target_id: int
    placed_at: datetime
    released_at: datetime | None


class ExportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    created_at: datetime
    exported_by_label: str
    sha256: str
    size: int


class RequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    status: RequestStatus
    agency: str
    officer: str | None
    contact: str | None
    reference: str
    legal_basis: LegalBasis
    scope: dict[str, Any]
    due_at: datetime
    note: str | None
    created_at: datetime
    registered_by_id: int
    decided_by_id: int | None
    decided_at: datetime | None
    decision_reason: str | None
    answered_at: datetime | None
    closed_at: datetime | None
    version: int
    #: Seconds until the due date (negative: overdue); None once answered or closed.
    due_in_seconds: int | None = None


class RequestDetailOut(RequestOut):
    holds: list[HoldOut] = []
    exports: list[ExportOut] = []


class EraseIn(BaseModel):
    reason: str = Field(min_length=1, max_length=4000)


class ErasureOut(BaseModel):
    member_id: int
    erased_at: datetime
    changed: bool
    effects: dict[str, Any] | None
