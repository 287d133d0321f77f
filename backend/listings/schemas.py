from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class ListingOut(BaseModel):
    id: int
    external_id: str
    seller_id: int
    seller_name: str
    title: str
    description: str
    category: str
    brand: str | None
    model_number: str | None
    barcode: str | None
    price: int
    condition: str
    status: str
    created_at: datetime
    version: int
