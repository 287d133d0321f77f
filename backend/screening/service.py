"""Screening listings as they reach the service: score, flag, suspend.

Every new or edited listing (marketplace API, ``import-listings``) is scored
by the active detector in the caller's transaction. A score at or above the
policy's flag threshold opens a detector flag (which enters the moderators'
queue: :mod:`backend.queue.sources` mirrors every flushed flag); at or above
the suspend threshold the listing is also hidden until a moderator looks.

Re-screening after an edit never opens a second open detector flag for the
same listing and policy: the open one gets the new score and reasons, so the
reason spans always index the listing's current ``title + "\\n" +
description``. Open detector flags for other policies are re-explained the
same way. Nothing is ever un-suspended automatically: that is a moderator's
call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.detection.detector import Verdict, listing_text
from backend.errors import NotFound
from backend.flags.models import Flag, FlagSource, FlagStatus
from backend.listings.models import Listing, ListingStatus
from backend.members.models import Member
from backend.recalls import service as recalls_service
from backend.screening.active import SYSTEM, ActiveDetector, active_detector


@dataclass
class ScreeningResult:
    """What screening did to one listing."""

    listing_id: int
    verdict: Verdict
    version_id: int | None
    flag_id: int | None = None
    flag_created: bool = False
    suspended: bool = False
    refreshed_flag_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"listing_id": self.listing_id, "flagged": self.verdict.flagged,
                "policy": self.verdict.policy if self.verdict.flagged else None,
                "score": round(self.verdict.score, 4), "scores": {p: round(s, 4) for p, s in
                                                                  self.verdict.scores.items()},
                "reasons": [r.to_dict() for r in self.verdict.reasons], "suspended": self.suspended,
                "flag_id": self.flag_id, "flag_created": self.flag_created,
                "refreshed_flag_ids": self.refreshed_flag_ids, "detector_version": self.version_id}


def listing_fields(listing: Listing) -> dict[str, Any]:
    """The listing as the detector reads it."""
    return {"id": listing.id, "title": listing.title, "description": listing.description,
            "price": listing.price, "category": listing.category, "brand": listing.brand}


def seller_profile(session: Session, *, seller_id: int) -> dict[str, Any]:
    """Account age, listings in the last 24 h and strikes: the seller signals the detector weighs."""
    now = utcnow()
    member = session.get(Member, seller_id)
    if member is None:
        return {}
    recent = session.scalar(select(func.count()).select_from(Listing).where(
        Listing.seller_id == seller_id, Listing.created_at >= now - timedelta(hours=24))) or 0
    return {"account_age_days": max(0, (now - member.joined_at).days), "listings_last_24h": int(recent),
            "prior_strikes": member.strikes}


class Screener:
    """Screens listings with one detector; make one per batch (an import) to look the model up once."""

    def __init__(self, active: ActiveDetector) -> None:
        self.active = active

    def __call__(self, session: Session, listing: Listing) -> ScreeningResult:
        return self.screen(session, listing)

    def screen(self, session: Session, listing: Listing) -> ScreeningResult:
        detector = self.active.detector
        fields = listing_fields(listing)
        seller = seller_profile(session, seller_id=listing.seller_id)
        verdict = detector.score(fields, seller)
        result = ScreeningResult(listing.id, verdict, self.active.version_id)
        open_flags = {flag.policy: flag for flag in session.scalars(select(Flag).where(
            Flag.listing_id == listing.id, Flag.source == FlagSource.detector, Flag.status == FlagStatus.open))}
        if verdict.flagged and verdict.policy is not None:
            flag = open_flags.pop(verdict.policy, None)
            if flag is None:
                flag = self._open_flag(session, listing, verdict)
                result.flag_created = True
            else:
                self._refresh(session, flag, verdict)
                result.refreshed_flag_ids.append(flag.id)
            result.flag_id = flag.id
            if verdict.suspend and listing.status == ListingStatus.active:
                self._suspend(session, listing, verdict, flag)
                result.suspended = True
        for policy, flag in sorted(open_flags.items()):
            self._refresh(session, flag, detector.score(fields, seller, policy=policy))
            result.refreshed_flag_ids.append(flag.id)
        recalls_service.check_new_listing(session, listing)
        return result

    def _open_flag(self, session: Session, listing: Listing, verdict: Verdict) -> Flag:
        flag = Flag(listing_id=listing.id, source=FlagSource.detector, policy=verdict.policy,
                    score=round(verdict.score, 4), reasons=[r.to_dict() for r in verdict.reasons],
                    status=FlagStatus.open, created_at=utcnow())
        session.add(flag)
        session.flush()
        audit.record(session, actor_id=None, actor_label=SYSTEM, action="flag.create", target_type="flag",
                     target_id=flag.id, after={"listing_id": listing.id, "policy": flag.policy, "score": flag.score,
                                               "detector_version": self.active.version_id})
        return flag

    def _refresh(self, session: Session, flag: Flag, verdict: Verdict) -> None:
        before = {"score": flag.score}
        flag.score = round(verdict.score, 4)
        flag.reasons = [r.to_dict() for r in verdict.reasons]
        session.flush()
        audit.record(session, actor_id=None, actor_label=SYSTEM, action="flag.rescore", target_type="flag",
                     target_id=flag.id, before=before,
                     after={"score": flag.score, "detector_version": self.active.version_id},
                     reason="listing edited")

    def _suspend(self, session: Session, listing: Listing, verdict: Verdict, flag: Flag) -> None:
        listing.status = ListingStatus.suspended
        session.flush()
        audit.record(session, actor_id=None, actor_label=SYSTEM, action="listing.suspend", target_type="listing",
                     target_id=listing.id, before={"status": ListingStatus.active},
                     after={"status": listing.status, "flag_id": flag.id, "policy": verdict.policy,
                            "score": round(verdict.score, 4)},
                     reason="detector score above the suspend threshold; pending review")


def screener(session: Session) -> Screener:
    """A screener with the detector active now."""
    return Screener(active_detector(session))


def screen_new_listing(session: Session, listing: Listing) -> ScreeningResult:
    """Screen one new or edited listing in the caller's transaction (fits the importer's ``on_listing``)."""
    return screener(session).screen(session, listing)


def explain(session: Session, *, listing_id: int) -> dict[str, Any]:
    """The active detector's verdict on a listing as it reads now, without changing anything:
    every policy's score, the reasons for the top one, and the text the spans index."""
    listing = session.get(Listing, listing_id)
    if listing is None:
        raise NotFound(f"No listing with id {listing_id}.")
    active = active_detector(session, store_seed=False)
    fields = listing_fields(listing)
    verdict = active.detector.score(fields, seller_profile(session, seller_id=listing.seller_id))
    flag_at, suspend_at = active.detector.thresholds[verdict.policy]
    return {"listing_id": listing.id, "listing_version": listing.version, "text": listing_text(fields),
            "detector_version": active.version_id, "flagged": verdict.flagged, "suspend": verdict.suspend,
            "policy": verdict.policy, "score": round(verdict.score, 4),
            "scores": {p: round(s, 4) for p, s in verdict.scores.items()},
            "flag_at": flag_at, "suspend_at": suspend_at, "reasons": [r.to_dict() for r in verdict.reasons]}
