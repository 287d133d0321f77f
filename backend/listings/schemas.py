from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator


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


class ListingIn(BaseModel):
    """A new listing as the marketplace submits it; an unknown seller is registered on the way."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    external_id: str = Field(min_length=1, max_length=64)
    seller_external_id: str = Field(min_length=1, max_length=64)
    seller_display_name: str | None = Field(default=None, min_length=1, max_length=128)
    seller_joined_at: AwareDatetime | None = None  # when the seller joined the marketplace (account age)
    title: str = Field(min_length=1, max_length=256)
    description: str = Field(default="", max_length=20000)
    category: str = Field(min_length=1, max_length=64)
    brand: str | None = Field(default=None, max_length=128)
    model_number: str | None = Field(default=None, max_length=128)
    barcode: str | None = Field(default=None, max_length=32)
    price: int = Field(ge=1, le=100_000_000)
    condition: str = Field(default="used", min_length=1, max_length=32)


class ListingPatch(BaseModel):
    """An edit: only the fields given change; ``version`` is the one the edit was made against."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    version: int = Field(ge=1)
    title: str | None = Field(default=None, min_length=1, max_length=256)
    description: str | None = Field(default=None, max_length=20000)
    category: str | None = Field(default=None, min_length=1, max_length=64)
    brand: str | None = Field(default=None, max_length=128)
    model_number: str | None = Field(default=None, max_length=128)
    barcode: str | None = Field(default=None, max_length=32)
    price: int | None = Field(default=None, ge=1, le=100_000_000)
    condition: str | None = Field(default=None, min_length=1, max_length=32)

    @model_validator(mode="after")
    def _required_stay_set(self) -> ListingPatch:
        for name in ("title", "description", "category", "price", "condition"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be removed, only changed")
        return self


class ScreeningOut(BaseModel):
    """What screening did; reason spans index ``title + "\\n" + description``."""

    flagged: bool
    policy: str | None
    score: float
    scores: dict[str, float]
    reasons: list[dict[str, Any]]
    suspended: bool
    flag_id: int | None
    flag_created: bool
    refreshed_flag_ids: list[int]
    detector_version: int | None


class SubmittedListingOut(BaseModel):
    listing: ListingOut
    screening: ScreeningOut | None  # None when an edit changed nothing the detector reads
