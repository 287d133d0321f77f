from __future__ import annotations

import enum
from datetime import datetime
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel
from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import aliased

from backend.deps import DbSession, require
from backend.members.models import Member
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, after_cursor, cursor_params, page_of_rows
from backend.permissions import Permission
from backend.ratings.models import Rating, RatingScore
from backend.ratings.summary import RatingSummary, rating_summary
from backend.staff.models import Staff

router = APIRouter(tags=["ratings"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]
Rater = aliased(Member, name="rater")
Ratee = aliased(Member, name="ratee")


class Direction(enum.StrEnum):
    received = "received"
    given = "given"


class RatingOut(BaseModel):
    id: int
    transaction_id: int
    rater_id: int
    rater_name: str
    ratee_id: int
    ratee_name: str
    direction: str
    score: str
    comment: str
    created_at: datetime


#: Made once and kept (pydantic caches parametrised generic models only weakly).
RatingPage = Page[RatingOut]


@cache
def _page(member: Direction | None, score: bool, transaction: bool, after: bool) -> Select[Any]:
    """One statement per combination of filters (``member``: which of the member's ratings), built
    once with bound parameters: plain rows named like :class:`RatingOut`'s fields, no ORM objects."""
    stmt = (
        select(Rating.id, Rating.transaction_id, Rating.rater_id, Rater.display_name.label("rater_name"),
               Rating.ratee_id, Ratee.display_name.label("ratee_name"), Rating.direction, Rating.score,
               Rating.comment, Rating.created_at)
        .join(Rater, Rater.id == Rating.rater_id)
        .join(Ratee, Ratee.id == Rating.ratee_id)
    )
    if member is not None:
        column = Rating.ratee_id if member == Direction.received else Rating.rater_id
        stmt = stmt.where(column == bindparam("member_id"))
    if score:
        stmt = stmt.where(Rating.score == bindparam("score"))
    if transaction:
        stmt = stmt.where(Rating.transaction_id == bindparam("transaction_id"))
    if after:
        stmt = stmt.where(after_cursor(Rating.created_at, Rating.id))
    return stmt.order_by(Rating.created_at.desc(), Rating.id.desc()).limit(bindparam("limit"))


@router.get("/ratings", response_model=RatingPage)
def list_ratings(
    _staff: Reader,
    session: DbSession,
    member_id: int | None = None,
    direction: Direction = Direction.received,
    score: RatingScore | None = None,
    transaction_id: int | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[RatingOut]:
    """Newest first."""
    stmt = _page(direction if member_id is not None else None, score is not None, transaction_id is not None,
                 bool(cursor))
    rows = session.execute(stmt, {"member_id": member_id, "score": score, "transaction_id": transaction_id,
                                  "limit": limit + 1, **cursor_params(cursor, sort_key="created_at")}).all()
    return page_of_rows(RatingPage, rows, limit, sort_key="created_at", to_item=lambda row: RatingOut(**row._mapping))


@router.get("/members/{member_id}/ratings/summary", response_model=RatingSummary)
def member_rating_summary(member_id: Annotated[int, Path(ge=1, le=2**31 - 1)], _staff: Reader,
                          session: DbSession) -> RatingSummary:
    """The ratings pane header: totals received and given, a 6 × 30-day trend, the latest bad ratings."""
    return rating_summary(session, member_id=member_id)
