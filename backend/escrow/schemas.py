from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class LedgerEntryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    seq: int
    kind: str
    amount: int
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


class TransactionDetail(TransactionOut):
    ledger: list[LedgerEntryOut]
    paid: int
    released: int
    refunded: int
    held: int
