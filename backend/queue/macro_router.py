"""Macros (canned replies): agents read them, supervisors manage them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from backend.deps import DbSession, require
from backend.idempotency.guard import Idempotency
from backend.inquiries.models import InquiryCategory
from backend.permissions import Permission
from backend.queue import macros
from backend.staff.models import Staff

router = APIRouter(tags=["macros"])
Reader = Annotated[Staff, Depends(require(Permission.read_macros))]
Manager = Annotated[Staff, Depends(require(Permission.manage_macros))]


class MacroOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    body: str
    category: str | None
    active: bool
    updated_at: datetime
    version: int


class MacroIn(BaseModel):
    name: str = Field(min_length=1, max_length=128)
    body: str = Field(min_length=1, max_length=8000)
    category: InquiryCategory | None = None


class MacroPatch(BaseModel):
    version: int
    name: str | None = Field(default=None, min_length=1, max_length=128)
    body: str | None = Field(default=None, min_length=1, max_length=8000)
    category: InquiryCategory | None = None
    clear_category: bool = False
    active: bool | None = None


class PlaceholderOut(BaseModel):
    name: str
    description: str


@router.get("/macros", response_model=list[MacroOut])
def list_macros(_staff: Reader, session: DbSession, category: InquiryCategory | None = None,
                include_inactive: bool = False) -> list[MacroOut]:
    rows = macros.list_macros(session, category=category, include_inactive=include_inactive)
    return [MacroOut.model_validate(m) for m in rows]


@router.get("/macros/placeholders", response_model=list[PlaceholderOut])
def placeholders(_staff: Reader) -> list[PlaceholderOut]:
    return [PlaceholderOut(name=name, description=text) for name, text in macros.PLACEHOLDERS.items()]


@router.post("/macros", response_model=MacroOut, status_code=201)
def create_macro(body: MacroIn, actor: Manager, session: DbSession, idem: Idempotency) -> dict:
    macro = macros.create_macro(session, name=body.name, body=body.body, category=body.category, actor=actor)
    return idem.remember(MacroOut.model_validate(macro).model_dump(mode="json"), 201)


@router.patch("/macros/{macro_id}", response_model=MacroOut)
def update_macro(macro_id: int, body: MacroPatch, actor: Manager, session: DbSession) -> MacroOut:
    macro = macros.update_macro(session, macro_id=macro_id, version=body.version, actor=actor, name=body.name,
                                body=body.body, category=body.category, clear_category=body.clear_category,
                                active=body.active)
    return MacroOut.model_validate(macro)


class RenderedOut(BaseModel):
    text: str
    missing: list[str]


@router.get("/inquiries/{inquiry_id}/macros/{macro_id}", response_model=RenderedOut)
def render_macro(inquiry_id: int, macro_id: int, staff: Reader, session: DbSession) -> RenderedOut:
    """The macro filled in for this inquiry; ``missing`` lists placeholders left blank."""
    text, missing = macros.render(session, macro_id=macro_id, inquiry_id=inquiry_id, staff=staff)
    return RenderedOut(text=text, missing=missing)
