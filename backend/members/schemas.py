from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class MemberOut(BaseModel):
    id: int
    external_id: str
    display_name: str
    status: str
    strikes: int
    joined_at: datetime
    email: str | None
    phone: str | None
    address: str | None
    version: int
