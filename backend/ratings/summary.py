"""The ratings pane header: totals both ways, the recent trend, and the bad
ratings received with their comments, so a reviewer scans them first."""

from __future__ import annotations

from datetime import datetime, timedelta

from pydantic import BaseModel
from sqlalchemy import func, select
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


def _totals(session: Session, column: object, member_id: int) -> Totals:
    counts = dict.fromkeys(RatingScore, 0)
    for score, count in session.execute(select(Rating.score, func.count()).where(column == member_id)
                                        .group_by(Rating.score)):
        counts[RatingScore(score)] = count
    return Totals(good=counts[RatingScore.good], normal=counts[RatingScore.normal], bad=counts[RatingScore.bad],
                  total=sum(counts.values()))


def _trend(session: Session, member_id: int, now: datetime) -> list[TrendPoint]:
    """Oldest period first; rows come off the (ratee_id, created_at) index."""
    period = timedelta(days=TREND_PERIOD_DAYS)
    start = now - TREND_PERIODS * period
    points = [TrendPoint(start=start + i * period, end=start + (i + 1) * period, good=0, normal=0, bad=0)
              for i in range(TREND_PERIODS)]
    rows = session.execute(select(Rating.score, Rating.created_at)
                           .where(Rating.ratee_id == member_id, Rating.created_at >= start, Rating.created_at < now))
    for score, created_at in rows:
        point = points[min(int((created_at - start) / period), TREND_PERIODS - 1)]
        setattr(point, score, getattr(point, score) + 1)
    return points


def rating_summary(session: Session, *, member_id: int, now: datetime | None = None) -> RatingSummary:
    if session.get(Member, member_id) is None:
        raise NotFound(f"No member with id {member_id}.")
    now = now or utcnow()
    bad = session.execute(
        select(Rating, Member.display_name).join(Member, Member.id == Rating.rater_id)
        .where(Rating.ratee_id == member_id, Rating.score == RatingScore.bad)
        .order_by(Rating.created_at.desc(), Rating.id.desc()).limit(RECENT_BAD)
    ).all()
    return RatingSummary(
        member_id=member_id,
        received=_totals(session, Rating.ratee_id, member_id),
        given=_totals(session, Rating.rater_id, member_id),
        trend=_trend(session, member_id, now),
        recent_bad=[BadRating(id=r.id, transaction_id=r.transaction_id, rater_id=r.rater_id, rater_name=name,
                              direction=r.direction, comment=r.comment, created_at=r.created_at) for r, name in bad],
    )
