"""Deciding flags: dismissing a false positive, and closing a listing's open
flags when it is taken down. Both respect queue claims: a flag another
moderator is working on is theirs to decide."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.enforcement.labels import OK, record_label
from backend.errors import Conflict, InvalidInput, NotFound
from backend.flags.models import Flag, FlagStatus
from backend.listings.models import Listing
from backend.queue.claims import ensure_can_act
from backend.staff.models import Staff
from backend.versioning import ensure_version


def _decide(flag: Flag, *, status: FlagStatus, actor: Staff, reason: str, now: datetime) -> None:
    flag.status = status
    flag.decided_by_id = actor.id
    flag.decided_at = now
    flag.decision_reason = reason
    flag.claimed_by_id = None
    flag.claim_expires_at = None


def dismiss(session: Session, *, flag_id: int, reason: str, actor: Staff, version: int | None = None,
            now: datetime | None = None) -> Flag:
    """Close a flag as a false positive and teach the detector the listing is ok.

    Dismissing an already dismissed flag changes nothing (a retried click);
    a flag closed by a takedown cannot be dismissed.
    """
    if not reason.strip():
        raise InvalidInput("say why the flag is a false positive", field="reason")
    now = now or utcnow()
    flag = session.scalar(select(Flag).where(Flag.id == flag_id).with_for_update())
    if flag is None:
        raise NotFound(f"No flag with id {flag_id}.")
    if flag.status == FlagStatus.dismissed:
        return flag
    if flag.status != FlagStatus.open:
        raise Conflict(f"This flag was already {flag.status}; it cannot be dismissed.", code="already_decided")
    ensure_version(flag.version, version)
    ensure_can_act(session, flag, actor)
    listing = session.get_one(Listing, flag.listing_id)
    before = {"status": flag.status}
    _decide(flag, status=FlagStatus.dismissed, actor=actor, reason=reason.strip(), now=now)
    label = record_label(session, listing=listing, label=OK, source="dismiss", now=now)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="flag.dismiss", target_type="flag",
                 target_id=flag.id, before=before, after={"status": flag.status, "label_id": label.id},
                 reason=reason.strip())
    return flag


def open_flags_of(session: Session, *, listing_ids: list[int]) -> list[Flag]:
    return list(session.scalars(select(Flag).where(Flag.listing_id.in_(listing_ids), Flag.status == FlagStatus.open)
                                .order_by(Flag.id)))


def ensure_flags_free(session: Session, *, flags: list[Flag], actor: Staff) -> None:
    """Refuse before any change when another moderator holds one of the flags."""
    for flag in flags:
        ensure_can_act(session, flag, actor)


def close_as_actioned(flags: list[Flag], *, actor: Staff, reason: str, now: datetime) -> list[int]:
    """Close flags because their listing was taken down; the takedown's audit event records them."""
    for flag in flags:
        _decide(flag, status=FlagStatus.actioned, actor=actor, reason=reason, now=now)
    return [flag.id for flag in flags]
