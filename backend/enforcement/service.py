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

from dataclasses import dataclass, field
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
from backend.flags.models import Flag
from backend.listings.models import Listing, ListingStatus
from backend.members.models import Member
from backend.screening.models import DecisionLabel
from backend.staff.models import Role, Staff
from backend.text_hygiene import clean, has_visible_text
from backend.versioning import ensure_version

# Moderators may undo their colleagues' takedowns for this long; supervisors any time.
MODERATOR_REINSTATE_WINDOW = timedelta(hours=24)
MIN_TEMPORARY = timedelta(minutes=1)
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
    note = clean(note).strip() if note else None
    if note is not None and not has_visible_text(note):
        note = None  # only spaces or invisible characters: no note at all
    if code == ReasonCode.other and not note:
        raise InvalidInput("a takedown for 'other' needs a note saying why", field="note")
    if duration is not None and not (MIN_TEMPORARY <= duration <= MAX_TEMPORARY):
        raise InvalidInput("a temporary takedown lasts from a minute to a year", field="duration_hours")
    return code, note


def lock_listing(session: Session, listing_id: int) -> Listing:
    listing = session.scalar(select(Listing).where(Listing.id == listing_id).with_for_update())
    if listing is None:
        raise NotFound(f"No listing with id {listing_id}.")
    return listing


@dataclass
class _Target:
    """A listing and everything its takedown acts on, loaded before anything changes."""

    listing: Listing
    live: Takedown | None = None
    open_flags: list[Flag] = field(default_factory=list)
    open_transactions: list[int] = field(default_factory=list)


def _load_targets(session: Session, listing_ids: list[int]) -> dict[int, _Target]:
    """Lock the listings and read their live takedowns, open flags and open
    transactions in four queries, however many listings a bulk takedown names."""
    listings = session.scalars(select(Listing).where(Listing.id.in_(listing_ids)).order_by(Listing.id)
                               .with_for_update()).all()
    targets = {listing.id: _Target(listing) for listing in listings}
    missing = [i for i in listing_ids if i not in targets]
    if missing:
        raise NotFound(f"No listing with id {missing[0]}.")
    for takedown in session.scalars(select(Takedown).where(Takedown.listing_id.in_(listing_ids),
                                                           Takedown.reversed_at.is_(None))):
        targets[takedown.listing_id].live = takedown
    for flag in flags_service.open_flags_of(session, listing_ids=listing_ids):
        targets[flag.listing_id].open_flags.append(flag)
    for tx_id, listing_id in session.execute(select(Transaction.id, Transaction.listing_id).where(
            Transaction.listing_id.in_(listing_ids), Transaction.status.in_(escrow_service.OPEN_STATUSES))
            .order_by(Transaction.id)):
        targets[listing_id].open_transactions.append(tx_id)
    return targets


def _cancel_open_transactions(session: Session, *, transaction_ids: list[int], actor: Staff, reason: str
                              ) -> list[dict[str, int | str]]:
    """Cancel (or, when disputed, refund) every transaction still moving money; returns what was done."""
    done: list[dict[str, int | str]] = []
    for tx_id in transaction_ids:
        tx = escrow_service.lock_transaction(session, tx_id)
        held = escrow_service.current_balance(session, tx_id).held
        action = "refund" if tx.status == TxStatus.disputed else "cancel"
        escrow_service.apply(session, transaction_id=tx_id, action=action, actor_id=actor.id,
                             actor_label=actor.username, reason=reason)
        done.append({"id": tx_id, "action": action, "refunded": held})
    return done


@dataclass(frozen=True)
class _Decision:
    code: ReasonCode
    note: str | None
    duration: timedelta | None
    actor: Staff
    now: datetime
    batch_id: str | None


def _remove(session: Session, target: _Target, decision: _Decision, *, flag_id: int | None) -> Takedown:
    """The cascade itself, for one listing whose preconditions were checked."""
    listing, actor, now, code = target.listing, decision.actor, decision.now, decision.code
    reason = reason_for(code)
    why = f"takedown: {reason.label}" + (f" — {decision.note}" if decision.note else "")
    status_before = listing.status
    cancelled = _cancel_open_transactions(session, transaction_ids=target.open_transactions, actor=actor, reason=why)
    listing.status = ListingStatus.removed
    closed_flags = flags_service.close_as_actioned(target.open_flags, actor=actor, reason=why, now=now)
    label = record_label(session, listing=listing, label=reason.policy, source="takedown", now=now) \
        if reason.policy else None
    takedown = Takedown(
        listing_id=listing.id, flag_id=flag_id, reason_code=code, note=decision.note, actor_id=actor.id,
        created_at=now, expires_at=now + decision.duration if decision.duration else None,
        status_before=status_before, batch_id=decision.batch_id,
        effects={"transactions": cancelled, "refunded_yen": sum(int(t["refunded"]) for t in cancelled),
                 "flags_closed": closed_flags})
    session.add(takedown)
    session.flush()
    takedown.label_id = label.id if label else None
    seller = session.get_one(Member, listing.seller_id)
    notifications.notify(session, member_id=seller.id, kind=NotificationKind.takedown, listing_id=listing.id,
                         reason_code=code, body=_takedown_message(listing, reason.label, decision.note,
                                                                  takedown.expires_at))
    strikes.add_strike(session, member=seller, takedown_id=takedown.id, reason_code=code, now=now)
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="listing.takedown",
                 target_type="listing", target_id=listing.id, before={"status": status_before},
                 after={"status": listing.status, "takedown_id": takedown.id, "reason_code": code,
                        "expires_at": takedown.expires_at, "label_id": takedown.label_id, **takedown.effects},
                 reason=why)
    return takedown


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
    now: datetime | None = None,
) -> TakedownResult:
    """Remove a listing with every consequence, or change nothing if it is already down."""
    code, note = _validate(reason_code, note, duration)
    target = _load_targets(session, [listing_id])[listing_id]
    if target.live is not None:
        return TakedownResult(target.live, created=False)
    ensure_version(target.listing.version, listing_version)
    if flag_id is not None and flag_id not in {f.id for f in target.open_flags}:
        raise InvalidInput(f"flag {flag_id} is not an open flag on listing {listing_id}", field="flag_id")
    flags_service.ensure_flags_free(session, flags=target.open_flags, actor=actor)
    decision = _Decision(code, note, duration, actor, now or utcnow(), batch_id=None)
    return TakedownResult(_remove(session, target, decision, flag_id=flag_id), created=True)


def take_down_many(
    session: Session,
    *,
    listing_ids: list[int],
    reason_code: str,
    actor: Staff,
    batch_id: str,
    note: str | None = None,
    duration: timedelta | None = None,
    now: datetime | None = None,
) -> list[Takedown]:
    """Take several listings down in this transaction; listings already down are left as they are.
    Every precondition is checked for all of them before the first change."""
    code, note = _validate(reason_code, note, duration)
    targets = [t for t in _load_targets(session, listing_ids).values() if t.live is None]
    flags_service.ensure_flags_free(session, flags=[f for t in targets for f in t.open_flags], actor=actor)
    decision = _Decision(code, note, duration, actor, now or utcnow(), batch_id=batch_id)
    return [_remove(session, target, decision, flag_id=None) for target in targets]


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
