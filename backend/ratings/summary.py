"""The ratings pane header: totals both ways, the recent trend, and the bad
ratings received with their comments, so a reviewer scans them first."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import Any

from pydantic import BaseModel
from sqlalchemy import BindParameter, ColumnElement, Select, bindparam, case, func, select
from sqlalchemy.orm import Session

from backend.db import utcnow
from backend.errors import NotFound
from backend.members.models import Member
from backend.ratings.models import Rating, RatingScore

TREND_PERIOD_DAYS = 30
TREND_PERIODS = 6
RECENT_BAD = 10


class Totals(BaseModel):
    good: int
    normal: int
    bad: int
    total: int


class TrendPoint(BaseModel):
    """Ratings received in [start, end)."""

    start: datetime
    end: datetime
    good: int
    normal: int
    bad: int


class BadRating(BaseModel):
    id: int
    transaction_id: int
    rater_id: int
    rater_name: str
    direction: str
    comment: str
    created_at: datetime


class RatingSummary(BaseModel):
    member_id: int
    received: Totals
    given: Totals
    trend: list[TrendPoint]
    recent_bad: list[BadRating]


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _bound(i: int) -> BindParameter[datetime]:
    return bindparam(f"bound_{i}")


@cache
def _received() -> Select[Any]:
    """Ratings received by score, with the count in each trend period: one pass over the
    member's (ratee_id, created_at, id, score) index. Built once, with bound parameters."""
    periods = [_count_if((Rating.created_at >= _bound(i)) & (Rating.created_at < _bound(i + 1))).label(f"period_{i}")
               for i in range(TREND_PERIODS)]
    return select(Rating.score, func.count().label("total"), *periods) \
        .where(Rating.ratee_id == bindparam("member_id")).group_by(Rating.score)


@cache
def _given() -> Select[Any]:
    return select(Rating.score, func.count()).where(Rating.rater_id == bindparam("member_id")).group_by(Rating.score)


@cache
def _recent_bad() -> Select[Any]:
    """Newest first, walking the member's index backwards until enough bad ones are found."""
    return (select(Rating.id, Rating.transaction_id, Rating.rater_id, Member.display_name.label("rater_name"),
                   Rating.direction, Rating.comment, Rating.created_at)
            .join(Member, Member.id == Rating.rater_id)
            .where(Rating.ratee_id == bindparam("member_id"), Rating.score == RatingScore.bad)
            .order_by(Rating.created_at.desc(), Rating.id.desc()).limit(RECENT_BAD))


def _totals(counts: dict[str, int]) -> Totals:
    return Totals(good=counts.get(RatingScore.good, 0), normal=counts.get(RatingScore.normal, 0),
                  bad=counts.get(RatingScore.bad, 0), total=sum(counts.values()))


def rating_summary(session: Session, *, member_id: int, now: datetime | None = None) -> RatingSummary:
    """Two index-only aggregates (received with the trend, given), then the latest bad
    ratings only if there are any; the member is looked up only when there are no ratings.
    The statements are built once, with bound parameters."""
    now = now or utcnow()
    period = timedelta(days=TREND_PERIOD_DAYS)
    bounds = [now - (TREND_PERIODS - i) * period for i in range(TREND_PERIODS + 1)]
    member = {"member_id": member_id}
    received = session.execute(_received(), {**member, **{f"bound_{i}": b for i, b in enumerate(bounds)}}).all()
    given = {score: count for score, count in session.execute(_given(), member)}
    if not received and not given and session.get(Member, member_id) is None:
        raise NotFound(f"No member with id {member_id}.")
    by_score = {row.score: row for row in received}
    trend = [TrendPoint(start=bounds[i], end=bounds[i + 1],
                        **{score.value: getattr(by_score[score], f"period_{i}") if score in by_score else 0
                           for score in RatingScore})
             for i in range(TREND_PERIODS)]
    return RatingSummary(
        member_id=member_id,
        received=_totals({row.score: row.total for row in received}),
        given=_totals(given),
        trend=trend,
        recent_bad=[BadRating(**row._mapping) for row in session.execute(_recent_bad(), member)]
        if RatingScore.bad in by_score else [],
    )
