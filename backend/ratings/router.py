from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import aliased

from backend.deps import DbSession, require
from backend.members.models import Member
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
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


def rating_out(row: Any) -> RatingOut:
    rating, rater_name, ratee_name = row
    return RatingOut(
        id=rating.id, transaction_id=rating.transaction_id, rater_id=rating.rater_id, rater_name=rater_name,
        ratee_id=rating.ratee_id, ratee_name=ratee_name, direction=rating.direction, score=rating.score,
        comment=rating.comment, created_at=rating.created_at,
    )


@router.get("/ratings", response_model=Page[RatingOut])
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
    stmt = (
        select(Rating, Rater.display_name, Ratee.display_name)
        .join(Rater, Rater.id == Rating.rater_id)
        .join(Ratee, Ratee.id == Rating.ratee_id)
    )
    if member_id is not None:
        column = Rating.ratee_id if direction == Direction.received else Rating.rater_id
        stmt = stmt.where(column == member_id)
    if score:
        stmt = stmt.where(Rating.score == score)
    if transaction_id is not None:
        stmt = stmt.where(Rating.transaction_id == transaction_id)
    return paginate(session, stmt, sort=Rating.created_at, id_col=Rating.id, cursor=cursor, limit=limit,
                    to_item=rating_out)


@router.get("/members/{member_id}/ratings/summary", response_model=RatingSummary)
def member_rating_summary(member_id: Annotated[int, Path(ge=1, le=2**31 - 1)], _staff: Reader,
                          session: DbSession) -> RatingSummary:
    """The ratings pane header: totals received and given, a 6 × 30-day trend, the latest bad ratings."""
    return rating_summary(session, member_id=member_id)
