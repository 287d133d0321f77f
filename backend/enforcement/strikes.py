"""Strikes against a seller and the standing they add up to.

``members.strikes`` keeps the count of live strikes so member lists can show
it without a join; points (weights within the window) drive the suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.enforcement.models import SanctionKind, Strike
from backend.enforcement.reasons import STRIKE_WINDOW, reason_for, suggested_sanction
from backend.members.models import Member


@dataclass(frozen=True)
class Standing:
    points: int  # live strike weights within the window
    window_days: int
    suggestion: SanctionKind | None  # what a moderator should consider confirming


def add_strike(session: Session, *, member: Member, takedown_id: int, reason_code: str, now: datetime) -> Strike:
    strike = Strike(member_id=member.id, takedown_id=takedown_id, policy=reason_code,
                    weight=reason_for(reason_code).weight, created_at=now)
    session.add(strike)
    member.strikes += 1
    return strike


def remove_strikes_of(session: Session, *, takedown_id: int, member: Member, actor_id: int | None, reason: str,
                      now: datetime) -> list[int]:
    """Remove the live strikes a takedown added; returns their ids."""
    strikes = session.scalars(select(Strike).where(Strike.takedown_id == takedown_id,
                                                   Strike.removed_at.is_(None))).all()
    for strike in strikes:
        strike.removed_at = now
        strike.removed_by_id = actor_id
        strike.removed_reason = reason
    member.strikes = max(0, member.strikes - len(strikes))
    return [s.id for s in strikes]


def standing(session: Session, *, member_id: int, now: datetime) -> Standing:
    points = session.scalar(select(func.coalesce(func.sum(Strike.weight), 0)).where(
        Strike.member_id == member_id, Strike.removed_at.is_(None), Strike.created_at > now - STRIKE_WINDOW,
        Strike.created_at <= now)) or 0
    return Standing(points=int(points), window_days=STRIKE_WINDOW.days, suggestion=suggested_sanction(int(points)))
