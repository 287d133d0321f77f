"""Scores and reasons on the demo's detector flags come from the real detector.

The generator decides which listings break a policy (so every policy is
present and the data is reproducible); the active detector then explains each
detector flag, so the reasons and highlighted words a moderator sees are the
ones screening would give. Flags the current detector would no longer raise
(the planted false positives moderators dismissed, as an older model might
have flagged them) keep their generated reasons. The `large` scale skips
this: a million listings are for load tests, not for reading reasons.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.flags.models import Flag, FlagSource
from backend.listings.models import Listing
from backend.screening.active import active_detector
from backend.screening.service import listing_fields


def score_detector_flags(session: Session) -> int:
    """Rewrite detector flags' scores and reasons from the active detector; returns how many changed."""
    detector = active_detector(session).detector
    changed = 0
    rows = session.execute(
        select(Flag, Listing).join(Listing, Listing.id == Flag.listing_id).where(Flag.source == FlagSource.detector)
    ).all()
    for flag, listing in rows:
        verdict = detector.score(listing_fields(listing), policy=flag.policy)
        score = verdict.scores.get(flag.policy, 0.0)
        reasons = [r.to_dict() for r in verdict.reasons if r.policy in (flag.policy, None)]
        if score < detector.thresholds[flag.policy][0] or not reasons:
            continue
        flag.score = round(score, 3)
        flag.reasons = reasons
        changed += 1
    session.flush()
    return changed

