from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from backend.pagination import Page
from backend.text_hygiene import VisibleText


class LedgerEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    seq: int
    kind: str
    amount: int
    actor_staff_id: int | None
    actor_label: str
    note: str | None
    created_at: datetime


class TransactionOut(BaseModel):
    id: int
    listing_id: int
    listing_title: str
    buyer_id: int
    buyer_name: str
    seller_id: int
    seller_name: str
    amount: int
    fee: int
    status: str
    created_at: datetime
    updated_at: datetime
    version: int


#: Made once and kept (pydantic caches parametrised generic models only weakly).
TransactionPage = Page[TransactionOut]


class RefundApprovalOut(BaseModel):
    id: int
    transaction_id: int
    action: str
    amount: int
    reason: str
    status: str
    requested_by_id: int
    requested_by_name: str
    requested_at: datetime
    decided_by_id: int | None
    decided_by_name: str | None
    decided_at: datetime | None
    decision_reason: str | None
    version: int


class TransactionDetail(TransactionOut):
    """The escrow pane in one answer: the timeline, the money, and what the caller may do next."""

    ledger: list[LedgerEntryOut]
    paid: int
    released: int
    refunded: int
    held: int
    pending_approval: RefundApprovalOut | None
    actions: list[str] = Field(description="escrow actions the caller may take now")
    refund_limit: int | None = Field(description="the caller's refund limit in yen; null = no limit")


class EscrowActionIn(BaseModel):
    reason: VisibleText = Field(min_length=1, max_length=1000)
    version: int | None = Field(default=None, description="the transaction version the console showed")


class RefundIn(EscrowActionIn):
    amount: StrictInt | None = Field(default=None, gt=0, le=10**12,
                                     description="yen to refund (a JSON integer); omit to refund all that is held")


class DecisionIn(BaseModel):
    reason: VisibleText = Field(min_length=1, max_length=1000)
    version: int | None = Field(default=None, description="the approval version the console showed")


class ActionResult(BaseModel):
    outcome: Literal["done", "approval_requested"]
    transaction: TransactionDetail
    approval: RefundApprovalOut | None
