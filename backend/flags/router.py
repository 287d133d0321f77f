from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select

from backend.deps import DbSession, require
from backend.errors import NotFound
from backend.flags.models import Flag, FlagSource, FlagStatus, Policy
from backend.listings.models import Listing
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["flags"])
Reader = Annotated[Staff, Depends(require(Permission.read_flags))]


class FlagOut(BaseModel):
    id: int
    listing_id: int
    listing_title: str
    source: str
    policy: str
    score: float
    reasons: list[Any]
    status: str
    created_at: datetime
    decided_by_id: int | None
    decided_at: datetime | None
    decision_reason: str | None
    claimed_by_id: int | None
    claim_expires_at: datetime | None
    version: int


def flag_out(row: Any) -> FlagOut:
    flag, title = row
    fields = {name: getattr(flag, name) for name in FlagOut.model_fields if name != "listing_title"}
    return FlagOut(listing_title=title, **fields)


def _joined() -> Any:
    return select(Flag, Listing.title).join(Listing, Listing.id == Flag.listing_id)


@router.get("/flags", response_model=Page[FlagOut])
def list_flags(
    _staff: Reader,
    session: DbSession,
    status: FlagStatus | None = None,
    policy: Policy | None = None,
    source: FlagSource | None = None,
    listing_id: int | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[FlagOut]:
    stmt = _joined()
    if status:
        stmt = stmt.where(Flag.status == status)
    if policy:
        stmt = stmt.where(Flag.policy == policy)
    if source:
        stmt = stmt.where(Flag.source == source)
    if listing_id is not None:
        stmt = stmt.where(Flag.listing_id == listing_id)
    return paginate(session, stmt, sort=Flag.created_at, id_col=Flag.id, cursor=cursor, limit=limit,
                    to_item=flag_out)


@router.get("/flags/{flag_id}", response_model=FlagOut)
def get_flag(flag_id: int, _staff: Reader, session: DbSession) -> FlagOut:
    row = session.execute(_joined().where(Flag.id == flag_id)).first()
    if row is None:
        raise NotFound(f"No flag with id {flag_id}.")
    return flag_out(row)
