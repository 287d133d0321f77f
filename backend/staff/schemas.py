from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from backend.text_hygiene import VisibleText


class StaffOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    display_name: str
    role: str
    active: bool


class MeOut(StaffOut):
    permissions: list[str]


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class LoginOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_at: datetime
    staff: StaffOut


class StaffIn(BaseModel):
    username: Annotated[VisibleText, Field(min_length=1, max_length=64)]
    password: str = Field(min_length=8, max_length=256)
    role: str = Field(min_length=1, max_length=32)
    display_name: str | None = Field(default=None, max_length=128)


class DemoAccountOut(BaseModel):
    username: str
    password: str
    role: str
    display_name: str


class StaffAlertOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    kind: str
    staff_id: int | None
    message: str
    details: dict[str, Any] | None
    resolved_at: datetime | None
