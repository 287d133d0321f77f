"""Taking a listing down and putting it back.

A takedown is one database transaction: the listing is removed, its open
transactions are cancelled (held escrow refunded to the buyers), its open
flags are closed as actioned, the seller is notified and gets a strike, the
decision is stored as a detector label, and the audit event is written. The
service only flushes; the request (or CLI command) commits once, so any
failure part-way leaves nothing behind.

Repeating a takedown of a listing that is already down changes nothing and
returns the takedown in force. A partial unique index (one live takedown
per listing) backs this up against two racing requests.

Temporary takedowns end lazily: :func:`reinstate_expired` puts back every
listing whose takedown has run out. The console calls it through
``POST /api/v1/takedowns/reinstate-expired`` on a timer and operators can
schedule ``python -m backend reinstate-expired``; until it runs, reads show
the takedown as expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.enforcement import notifications, strikes
from backend.enforcement.labels import record_label
from backend.enforcement.models import Takedown
from backend.enforcement.notifications import NotificationKind
from backend.enforcement.reasons import ReasonCode, reason_for
from backend.errors import Conflict, Forbidden, InvalidInput, NotFound
from backend.escrow import service as escrow_service
from backend.escrow.models import Transaction
from backend.escrow.models import TransactionStatus as TxStatus
from backend.flags import service as flags_service
from backend.listings.models import Listing, ListingStatus
from backend.members.models import Member
from backend.screening.models import DecisionLabel
from backend.staff.models import Role, Staff
from backend.versioning import ensure_version

# Moderators may undo their colleagues' takedowns for this long; supervisors any time.
MODERATOR_REINSTATE_WINDOW = timedelta(hours=24)
MAX_TEMPORARY = timedelta(days=365)
SYSTEM = "system"


@dataclass(frozen=True)
class TakedownResult:
    takedown: Takedown
    created: bool  # False when the listing was already down: nothing changed


def _validate(reason_code: str, note: str | None, duration: timedelta | None) -> tuple[ReasonCode, str | None]:
    try:
        code = ReasonCode(reason_code)
    except ValueError:
        raise InvalidInput(f"reason_code must be one of {', '.join(ReasonCode)}", field="reason_code") from None
    note = note.strip() if note else None
    if code == ReasonCode.other and not note:
        raise InvalidInput("a takedown for 'other' needs a note saying why", field="note")
    if duration is not None and not (timedelta(0) < duration <= MAX_TEMPORARY):
        raise InvalidInput("a temporary takedown lasts from a minute to a year", field="duration_hours")
    return code, note


def lock_listing(session: Session, listing_id: int) -> Listing:
    listing = session.scalar(select(Listing).where(Listing.id == listing_id).with_for_update())
    if listing is None:
        raise NotFound(f"No listing with id {listing_id}.")
    return listing


def live_takedown(session: Session, listing_id: int) -> Takedown | None:
    return session.scalar(select(Takedown).where(Takedown.listing_id == listing_id, Takedown.reversed_at.is_(None)))


def _cancel_open_transactions(session: Session, *, listing_id: int, actor: Staff | None, reason: str
                              ) -> list[dict[str, int | str]]:
    """Cancel (or, when disputed, refund) every transaction still moving money; returns what was done."""
    open_ids = session.scalars(select(Transaction.id).where(
        Transaction.listing_id == listing_id, Transaction.status.in_(escrow_service.OPEN_STATUSES))
        .order_by(Transaction.id)).all()
    done: list[dict[str, int | str]] = []
    for tx_id in open_ids:
        tx = escrow_service.lock_transaction(session, tx_id)
        held = escrow_service.current_balance(session, tx_id).held
        action = "refund" if tx.status == TxStatus.disputed else "cancel"
        escrow_service.apply(session, transaction_id=tx_id, action=action, actor_id=actor.id if actor else None,
                             actor_label=actor.username if actor else SYSTEM, reason=reason)
        done.append({"id": tx_id, "action": action, "refunded": held})
    return done


def take_down(
    session: Session,
    *,
    listing_id: int,
    reason_code: str,
    actor: Staff,
    note: str | None = None,
    flag_id: int | None = None,
    duration: timedelta | None = None,
    listing_version: int | None = None,
    batch_id: str | None = None,
    now: datetime | None = None,
) -> TakedownResult:
    """Remove a listing with every consequence, or change nothing if it is already down."""
    code, note = _validate(reason_code, note, duration)
    now = now or utcnow()
    listing = lock_listing(session, listing_id)
    existing = live_takedown(session, listing.id)
    if existing is not None:
        return TakedownResult(existing, created=False)
    ensure_version(listing.version, listing_version)
    open_flags = flags_service.open_flags_of(session, listing_id=listing.id)
    if flag_id is not None and flag_id not in {f.id for f in open_flags}:
        raise InvalidInput(f"flag {flag_id} is not an open flag on listing {listing.id}", field="flag_id")
    flags_service.ensure_flags_free(session, flags=open_flags, actor=actor)

    reason = reason_for(code)
    why = f"takedown: {reason.label}" + (f" — {note}" if note else "")
    status_before = listing.status
    cancelled = _cancel_open_transactions(session, listing_id=listing.id, actor=actor, reason=why)
    listing.status = ListingStatus.removed
    closed_flags = flags_service.close_as_actioned(open_flags, actor=actor, reason=why, now=now)
    takedown = Takedown(listing_id=listing.id, flag_id=flag_id, reason_code=code, note=note, actor_id=actor.id,
                        created_at=now, expires_at=now + duration if duration else None, status_before=status_before,
                        batch_id=batch_id)
    session.add(takedown)
    session.flush()
    seller = session.get_one(Member, listing.seller_id)
    notice = notifications.notify(
        session, member_id=seller.id, kind=NotificationKind.takedown, listing_id=listing.id, reason_code=code,
        body=_takedown_message(listing, reason.label, note, takedown.expires_at))
    strike = strikes.add_strike(session, member=seller, takedown_id=takedown.id, reason_code=code, now=now)
    label = record_label(session, listing=listing, label=reason.policy, source="takedown", now=now) \
        if reason.policy else None
    session.flush()
    refunded = sum(int(t["refunded"]) for t in cancelled)
    takedown.label_id = label.id if label else None
    takedown.effects = {"transactions": cancelled, "refunded_yen": refunded, "flags_closed": closed_flags,
                        "strike_id": strike.id, "notification_id": notice.id}
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="listing.takedown",
                 target_type="listing", target_id=listing.id, before={"status": status_before},
                 after={"status": listing.status, "takedown_id": takedown.id, "reason_code": code,
                        "expires_at": takedown.expires_at, **takedown.effects}, reason=why)
    return TakedownResult(takedown, created=True)


def _takedown_message(listing: Listing, label: str, note: str | None, expires_at: datetime | None) -> str:
    until = f" until {expires_at:%Y-%m-%d %H:%M} UTC" if expires_at else ""
    text = f"Your listing “{listing.title}” was removed{until}: {label}."
    if note:
        text += f" {note}"
    return text + " Any open purchase was cancelled and the buyer refunded. You may appeal this decision."


def restored_status(takedown: Takedown) -> str:
    """The listing's status before removal; a sale the takedown cancelled is no longer a sale."""
    before = takedown.status_before or ListingStatus.active
    if before == ListingStatus.sold and takedown.effects and takedown.effects.get("transactions"):
        return ListingStatus.active
    return before


def lock_takedown(session: Session, takedown_id: int) -> Takedown:
    takedown = session.scalar(select(Takedown).where(Takedown.id == takedown_id).with_for_update())
    if takedown is None:
        raise NotFound(f"No takedown with id {takedown_id}.")
    return takedown


def reverse(session: Session, *, takedown: Takedown, actor: Staff | None, reason: str, mistaken: bool,
            action: str, now: datetime) -> Takedown:
    """Put the listing back. A mistaken takedown (undo, overturned appeal) also
    loses its strike and its detector label; one that simply ran out keeps both.
    Refunded escrow stays refunded either way."""
    listing = lock_listing(session, takedown.listing_id)
    before = {"status": listing.status}
    listing.status = restored_status(takedown)
    takedown.reversed_at = now
    takedown.reversed_by_id = actor.id if actor else None
    takedown.reversal_reason = reason
    seller = session.get_one(Member, listing.seller_id)
    withdrawn = withdraw_penalties(session, takedown=takedown, actor=actor, reason=reason, now=now) \
        if mistaken else {}
    notifications.notify(session, member_id=seller.id, kind=NotificationKind.reinstated, listing_id=listing.id,
                         body=f"Your listing “{listing.title}” is visible again: {reason}")
    session.flush()
    audit.record(session, actor_id=actor.id if actor else None, actor_label=actor.username if actor else SYSTEM,
                 action=action, target_type="listing", target_id=listing.id, before=before,
                 after={"status": listing.status, "takedown_id": takedown.id, **withdrawn}, reason=reason)
    return takedown


def withdraw_penalties(session: Session, *, takedown: Takedown, actor: Staff | None, reason: str, now: datetime
                       ) -> dict[str, list[int] | int | None]:
    """Remove the strike and the detector label of a takedown found to be a mistake."""
    listing = session.get_one(Listing, takedown.listing_id)
    seller = session.get_one(Member, listing.seller_id)
    removed_strikes = strikes.remove_strikes_of(session, takedown_id=takedown.id, member=seller,
                                                actor_id=actor.id if actor else None, reason=reason, now=now)
    removed_label = takedown.label_id
    if removed_label is not None:
        takedown.label_id = None
        session.flush()
        session.delete(session.get_one(DecisionLabel, removed_label))
    return {"strikes_removed": removed_strikes, "label_removed": removed_label}


def reinstate(session: Session, *, takedown_id: int, reason: str, actor: Staff, now: datetime | None = None
              ) -> TakedownResult:
    """Undo a takedown. Moderators may do so within 24 h of it, supervisors at any time;
    reinstating an already reinstated listing changes nothing."""
    if not reason.strip():
        raise InvalidInput("say why the listing is reinstated", field="reason")
    now = now or utcnow()
    takedown = lock_takedown(session, takedown_id)
    if takedown.reversed_at is not None:
        return TakedownResult(takedown, created=False)
    if actor.role != Role.supervisor and now - takedown.created_at > MODERATOR_REINSTATE_WINDOW:
        raise Forbidden("This takedown is more than 24 hours old; only a supervisor can reinstate the listing now.")
    reverse(session, takedown=takedown, actor=actor, reason=reason.strip(), mistaken=True,
            action="listing.reinstate", now=now)
    return TakedownResult(takedown, created=True)


def make_permanent(session: Session, *, takedown_id: int, reason: str, actor: Staff, now: datetime | None = None
                   ) -> TakedownResult:
    """Stop a temporary takedown from ending; a permanent one is left as it is."""
    if not reason.strip():
        raise InvalidInput("say why the takedown becomes permanent", field="reason")
    now = now or utcnow()
    takedown = lock_takedown(session, takedown_id)
    if takedown.reversed_at is not None:
        raise Conflict("This listing has already been reinstated.", code="not_in_force")
    if takedown.expires_at is None:
        return TakedownResult(takedown, created=False)
    if takedown.expires_at <= now:
        raise Conflict("This temporary takedown has already ended; take the listing down again instead.",
                       code="expired")
    before = {"expires_at": takedown.expires_at}
    takedown.expires_at = None
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="takedown.make_permanent",
                 target_type="takedown", target_id=takedown.id, before=before, after={"expires_at": None},
                 reason=reason.strip())
    return TakedownResult(takedown, created=True)


def reinstate_expired(session: Session, *, now: datetime | None = None) -> list[int]:
    """Reinstate every listing whose temporary takedown has run out; returns the takedown ids."""
    now = now or utcnow()
    due = session.scalars(select(Takedown).where(
        Takedown.reversed_at.is_(None), Takedown.expires_at.is_not(None), Takedown.expires_at <= now)
        .order_by(Takedown.expires_at, Takedown.id).with_for_update(skip_locked=True)).all()
    for takedown in due:
        reverse(session, takedown=takedown, actor=None, reason="temporary takedown ended", mistaken=False,
                action="listing.reinstate_expired", now=now)
    return [t.id for t in due]
