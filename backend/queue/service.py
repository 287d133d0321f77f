"""The work queue: listing, polling for changes, "next", and claims.

A claim is a lease: ``claimed_by_id`` plus ``claim_expires_at``. A lease that
has lapsed is treated as no claim everywhere (listing, "next", the action
guard in :mod:`backend.queue.claims`), so a console that dies frees its items
without any background job. Leases last ``ANZEN_CLAIM_LEASE_SECONDS`` (default
600) from the last claim or renewal and never run past the holder's shift end
plus grace (:func:`backend.staff.shifts.lease_cap`).

Every claim change locks the ``queue_items`` row first and then writes the
claim to both that row and the source row (inquiry, flag, ...), with UPDATE
statements that leave the source's ``version`` alone: a lease is not an edit,
so renewing it never makes an agent's open reply stale.

"Next" picks the best unclaimed item with ``FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so concurrent callers lock different rows and never block on each
other; on SQLite writers are serialised by ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select, update
from sqlalchemy.orm import Bundle, Session, aliased

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import Conflict, Forbidden, InvalidInput, NotFound
from backend.listings.models import Listing
from backend.members.models import Member
from backend.pagination import open_token, paginate, sign_token
from backend.permissions import Permission, allowed
from backend.queue import priority
from backend.queue.claims import ensure_can_act
from backend.queue.models import QueueItem
from backend.queue.schemas import QueueChanges, QueueItemOut, QueuePage
from backend.queue.sources import SOURCES, ensure_built, kinds_for, source_for
from backend.staff import shifts
from backend.staff.models import Role, Staff

LEASE_ENV = "ANZEN_CLAIM_LEASE_SECONDS"
DEFAULT_LEASE = timedelta(minutes=10)
# Changes are re-sent for this long, so a transaction that committed a moment
# after a poll read the table is still seen by the next poll.
CHANGES_OVERLAP = timedelta(seconds=5)

Claimer = aliased(Staff, name="claimer")
HandedBy = aliased(Staff, name="handed_by")


class ClaimFilter(enum.StrEnum):
    all = "all"
    mine = "mine"
    unclaimed = "unclaimed"
    others = "others"


class SlaFilter(enum.StrEnum):
    breached = "breached"
    at_risk = "at_risk"


class Sort(enum.StrEnum):
    priority = "priority"  # effective due, see backend.queue.priority
    due = "due"
    oldest = "oldest"
    newest = "newest"


_SORTS: dict[Sort, tuple[Any, bool]] = {
    Sort.priority: (QueueItem.rank, False), Sort.due: (QueueItem.sla_due, False),
    Sort.oldest: (QueueItem.created_at, False), Sort.newest: (QueueItem.created_at, True),
}


def lease_length() -> timedelta:
    """Configurable with $ANZEN_CLAIM_LEASE_SECONDS (30 s .. 1 h)."""
    raw = os.environ.get(LEASE_ENV)
    return timedelta(seconds=max(30, min(int(raw), 3600))) if raw else DEFAULT_LEASE


def live_claim(now: datetime) -> ColumnElement[bool]:
    return and_(QueueItem.claimed_by_id.is_not(None), QueueItem.claim_expires_at > now)


def unclaimed(now: datetime) -> ColumnElement[bool]:
    return or_(QueueItem.claimed_by_id.is_(None), QueueItem.claim_expires_at <= now)


def _works(staff: Staff, kind: str) -> None:
    if kind not in kinds_for(staff.role):
        raise Forbidden(f"Your role ({staff.role}) does not work {kind} items.")


def _visible(staff: Staff, kinds: list[str] | None) -> list[str]:
    mine = kinds_for(staff.role)
    if not kinds:
        return mine
    for kind in kinds:
        source_for(kind)
        _works(staff, kind)
    return kinds


def _kind_clause(kinds: list[str]) -> ColumnElement[bool]:
    """Equality for one kind, so both planners use the (open, kind, sort key) indexes."""
    return QueueItem.kind == kinds[0] if len(kinds) == 1 else QueueItem.kind.in_(kinds)


# Plain column rows, not ORM entities: loading 50 entities per page costs more than the query.
_ITEM = Bundle("item", *QueueItem.__table__.columns)


def joined_rows() -> Select[Any]:
    """(item, claimer name, handed over by, member name, listing title) rows;
    ``item`` has the queue_items columns as attributes. The names are joined by
    primary key, so a page costs the same; an agent scanning the queue reads
    "Aiko Sato · Nintendo Switch", not "member 12 · listing 34"."""
    return (select(_ITEM, Claimer.display_name, HandedBy.display_name, Member.display_name, Listing.title)
            .outerjoin(Claimer, Claimer.id == QueueItem.claimed_by_id)
            .outerjoin(HandedBy, HandedBy.id == QueueItem.handover_by_id)
            .outerjoin(Member, Member.id == QueueItem.member_id)
            .outerjoin(Listing, Listing.id == QueueItem.listing_id))


def renderer(staff: Staff, now: datetime) -> Callable[[Any], QueueItemOut]:
    def render(row: Any) -> QueueItemOut:
        item, claimer_name, handed_by, member_name, listing_title = row
        live = item.claimed_by_id is not None and item.claim_expires_at is not None and item.claim_expires_at > now
        return QueueItemOut(
            id=item.id, kind=item.kind, ref_id=item.ref_id, title=item.title, member_id=item.member_id,
            member_name=member_name, listing_id=item.listing_id, listing_title=listing_title, transaction_id=item.transaction_id, category=item.category,
            status=item.status, open=item.open, waiting=item.waiting, severity=item.severity, score=item.score,
            sla_kind=item.sla_kind, sla_due=item.sla_due, sla_state=priority.sla_state(item.sla_due, now),
            seconds_to_due=int((item.sla_due - now).total_seconds()), rank=item.rank, created_at=item.created_at,
            age_seconds=int((now - item.created_at).total_seconds()),
            claimed_by_id=item.claimed_by_id if live else None, claimed_by_name=claimer_name if live else None,
            claim_expires_at=item.claim_expires_at if live else None,
            claim_seconds_left=int((item.claim_expires_at - now).total_seconds()) if live else None,
            mine=live and item.claimed_by_id == staff.id, handover_note=item.handover_note,
            handover_by_name=handed_by, handover_at=item.handover_at, updated_at=item.updated_at,
        )

    return render


def _out(session: Session, staff: Staff, item_id: int, now: datetime) -> QueueItemOut:
    row = session.execute(joined_rows().where(QueueItem.id == item_id)).one()
    return renderer(staff, now)(row)


# --- reading -----------------------------------------------------------------------------------

def list_items(session: Session, *, staff: Staff, kind: str | None = None, category: str | None = None,
               status: str | None = None, claim: ClaimFilter = ClaimFilter.all, sla: SlaFilter | None = None,
               sort: Sort = Sort.priority, cursor: str | None = None, limit: int = 50) -> QueuePage:
    """One page of open items the caller's role works, filtered and sorted on indexed keys."""
    ensure_built(session)
    now = utcnow()
    kinds = _visible(staff, [kind] if kind else None)
    stmt = joined_rows().where(QueueItem.open.is_(True), _kind_clause(kinds))
    if category:
        stmt = stmt.where(QueueItem.category == category)
    if status:
        stmt = stmt.where(QueueItem.status == status)
    if claim == ClaimFilter.mine:
        stmt = stmt.where(QueueItem.claimed_by_id == staff.id, QueueItem.claim_expires_at > now)
    elif claim == ClaimFilter.unclaimed:
        stmt = stmt.where(unclaimed(now))
    elif claim == ClaimFilter.others:
        stmt = stmt.where(live_claim(now), QueueItem.claimed_by_id != staff.id)
    # The rank bounds are implied by the due-time bounds (rank = due - 0..MAX_SHIFT); stated,
    # they turn a scan of the rank index from its start into a range scan.
    if sla == SlaFilter.breached:
        stmt = stmt.where(QueueItem.sla_due <= now, QueueItem.rank <= now)
    elif sla == SlaFilter.at_risk:
        horizon = now + priority.AT_RISK_WINDOW
        stmt = stmt.where(QueueItem.sla_due > now, QueueItem.sla_due <= horizon,
                          QueueItem.rank > now - priority.MAX_SHIFT, QueueItem.rank <= horizon)
    column, descending = _SORTS[sort]
    page = paginate(session, stmt, sort=column, id_col=QueueItem.id, cursor=cursor, limit=limit,
                    descending=descending, to_item=renderer(staff, now))
    return QueuePage(items=page.items, next_cursor=page.next_cursor, server_time=now)


def _encode_since(at: datetime, item_id: int) -> str:
    return sign_token([at.isoformat(), item_id], scope="queue.since")


def _decode_since(token: str) -> tuple[datetime, int]:
    at, item_id = open_token(token, scope="queue.since", field="since")  # signed: ours, so well formed
    return datetime.fromisoformat(at), item_id


def changes(session: Session, *, staff: Staff, since: str | None, limit: int = 200) -> QueueChanges:
    """The cheap poll: items changed since the last poll, on the (updated_at, id) index.

    Without ``since`` nothing is returned, only a token to start from (load the
    page first, then poll). ``more`` means call again at once with the new token.
    """
    now = utcnow()
    if since is None:
        return QueueChanges(items=[], since=_encode_since(now - CHANGES_OVERLAP, 0), more=False, server_time=now)
    at, after_id = _decode_since(since)
    kinds = kinds_for(staff.role)
    rows = session.execute(
        joined_rows().where(or_(QueueItem.updated_at > at, and_(QueueItem.updated_at == at, QueueItem.id > after_id)),
                        QueueItem.kind.in_(kinds))
        .order_by(QueueItem.updated_at, QueueItem.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    if more:
        token = _encode_since(rows[-1][0].updated_at, rows[-1][0].id)
    else:
        token = _encode_since(max(at, now - CHANGES_OVERLAP), 0)
    render = renderer(staff, now)
    return QueueChanges(items=[render(row) for row in rows], since=token, more=more, server_time=now)


def ensure_works_item(session: Session, *, staff: Staff, item_id: int) -> None:
    kind = session.scalar(select(QueueItem.kind).where(QueueItem.id == item_id))
    if kind is None:
        raise NotFound(f"No queue item with id {item_id}.")
    _works(staff, kind)


def get_item(session: Session, *, staff: Staff, item_id: int) -> QueueItemOut:
    ensure_works_item(session, staff=staff, item_id=item_id)
    return _out(session, staff, item_id, utcnow())


# --- claims ------------------------------------------------------------------------------------

_KEEP = object()


def _lease_until(session: Session, staff: Staff, now: datetime, *, actor: Staff) -> datetime:
    """Now + lease, capped at the holder's shift end; staff other than
    supervisors must be clocked in to a shift that has not ended."""
    until = now + lease_length()
    who = "You are" if staff.id == actor.id else f"{staff.display_name} is"
    attendance = shifts.open_attendance(session, staff_id=staff.id)
    if attendance is None:
        if staff.role == Role.supervisor:
            return until
        raise Conflict(f"{who} not clocked in; clock in to a shift before taking work.", code="not_clocked_in")
    cap = shifts.lease_cap(session, staff=staff)
    if cap is None:
        return until
    if cap <= now:
        raise Conflict(f"{who} clocked in to a shift that has ended; clock out and in again.", code="shift_ended")
    return min(until, cap)


def _write_claim(session: Session, item: QueueItem, *, holder_id: int | None, until: datetime | None,
                 now: datetime, claimed_at: Any = _KEEP, note: Any = _KEEP, note_by: int | None = None) -> None:
    values: dict[str, Any] = {"claimed_by_id": holder_id, "claim_expires_at": until, "updated_at": now}
    source_values: dict[str, Any] = {"claimed_by_id": holder_id, "claim_expires_at": until}
    if claimed_at is not _KEEP:
        values["claimed_at"] = claimed_at
    if note is not _KEEP:
        values.update(handover_note=note, handover_by_id=note_by, handover_at=now)
        source_values["handover_note"] = note
    session.execute(update(QueueItem).where(QueueItem.id == item.id).values(**values))
    model = SOURCES[item.kind].model
    session.execute(update(model).where(model.id == item.ref_id).values(**source_values))


def _lock_source(session: Session, kind: str, ref_id: int, *, skip_locked: bool = False) -> bool:
    model = SOURCES[kind].model
    stmt = select(model.id).where(model.id == ref_id).with_for_update(skip_locked=skip_locked)
    return session.scalar(stmt) is not None


def _locked(session: Session, item_id: int) -> QueueItem:
    """Lock the source row, then the queue row: the order every ORM write to a
    source takes too (the row, then its mirror after flush), so none deadlock."""
    ref = session.execute(select(QueueItem.kind, QueueItem.ref_id).where(QueueItem.id == item_id)).first()
    if ref is None:
        raise NotFound(f"No queue item with id {item_id}.")
    _lock_source(session, ref.kind, ref.ref_id)
    return session.scalars(select(QueueItem).where(QueueItem.id == item_id).with_for_update()
                           .execution_options(populate_existing=True)).one()


def lock_for_action(session: Session, *, kind: str, ref_id: int) -> None:
    """Domains acting on a queued row call this first (before loading it), so an
    action and a concurrent claim are serialised in the one safe lock order."""
    _lock_source(session, kind, ref_id)
    session.execute(select(QueueItem.id).where(QueueItem.kind == kind, QueueItem.ref_id == ref_id)
                    .with_for_update())


def _ensure_open(item: QueueItem) -> None:
    if not item.open:
        raise Conflict(f"This {item.kind} is already closed ({item.status}).", code="closed")


def _audit(session: Session, actor: Staff, action: str, item: QueueItem, **after: Any) -> None:
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action=f"queue.{action}",
                 target_type=item.kind, target_id=item.ref_id, after={"queue_item": item.id, **after})


def next_item(session: Session, *, staff: Staff, kinds: list[str] | None = None) -> QueueItemOut | None:
    """Claim the best unclaimed, actionable item of the caller's kinds; None when there is none."""
    ensure_built(session)
    now = utcnow()
    chosen = _visible(staff, kinds)
    until = _lease_until(session, staff, now, actor=staff)
    passed: list[int] = []
    while True:
        item = session.scalar(
            select(QueueItem)
            .where(QueueItem.open.is_(True), QueueItem.waiting.is_(False), _kind_clause(chosen),
                   unclaimed(now), QueueItem.id.not_in(passed))
            .order_by(QueueItem.rank, QueueItem.id).limit(1)
            .with_for_update(skip_locked=True).execution_options(populate_existing=True))
        if item is None:
            return None
        # Someone is acting on the source row right now: take the next one rather than wait.
        if _lock_source(session, item.kind, item.ref_id, skip_locked=True):
            break
        passed.append(item.id)
    _write_claim(session, item, holder_id=staff.id, until=until, now=now, claimed_at=now)
    _audit(session, staff, "claim", item, claimed_by=staff.id, expires_at=until, via="next")
    return _out(session, staff, item.id, now)


def claim(session: Session, *, staff: Staff, item_id: int) -> QueueItemOut:
    """Claim one chosen item (from the list); refused if someone else holds it."""
    now = utcnow()
    item = _locked(session, item_id)
    _works(staff, item.kind)
    _ensure_open(item)
    ensure_can_act(session, item, staff)
    until = _lease_until(session, staff, now, actor=staff)
    _write_claim(session, item, holder_id=staff.id, until=until, now=now, claimed_at=now)
    _audit(session, staff, "claim", item, claimed_by=staff.id, expires_at=until)
    return _out(session, staff, item.id, now)


def renew(session: Session, *, staff: Staff, item_id: int) -> QueueItemOut:
    """Extend the caller's lease (the console calls this while the item is open).
    A lapsed lease nobody else took is simply taken again. Not audited: the
    claim itself was, and a renewal a minute per open item would drown the log."""
    now = utcnow()
    item = _locked(session, item_id)
    _works(staff, item.kind)
    _ensure_open(item)
    ensure_can_act(session, item, staff)
    until = _lease_until(session, staff, now, actor=staff)
    if item.claimed_by_id == staff.id:
        _write_claim(session, item, holder_id=staff.id, until=until, now=now)
    else:
        _write_claim(session, item, holder_id=staff.id, until=until, now=now, claimed_at=now)
        _audit(session, staff, "claim", item, claimed_by=staff.id, expires_at=until, via="renew")
    return _out(session, staff, item.id, now)


def _ensure_holder_or_supervisor(session: Session, item: QueueItem, staff: Staff) -> None:
    if allowed(staff.role, Permission.reassign_claims):
        return
    ensure_can_act(session, item, staff)
    if item.claimed_by_id != staff.id:  # a lapsed lease nobody else took still counts as the holder's
        raise Conflict("You do not hold this item; claim it first.", code="not_claimed")


def release(session: Session, *, staff: Staff, item_id: int, note: str | None = None) -> QueueItemOut:
    """Give the item back to the queue, optionally with a handover note for whoever takes it next.
    Supervisors may release anyone's claim."""
    now = utcnow()
    item = _locked(session, item_id)
    _works(staff, item.kind)
    _ensure_holder_or_supervisor(session, item, staff)
    previous = item.claimed_by_id
    note_value: Any = note.strip() if note and note.strip() else _KEEP
    _write_claim(session, item, holder_id=None, until=None, now=now, claimed_at=None, note=note_value,
                 note_by=staff.id)
    _audit(session, staff, "release", item, previous_holder=previous, note=note)
    return _out(session, staff, item.id, now)


def handoff(session: Session, *, staff: Staff, item_id: int, to_staff_id: int, note: str | None = None
            ) -> QueueItemOut:
    """Hand an item to a named colleague (its holder), or reassign it (supervisors)."""
    now = utcnow()
    item = _locked(session, item_id)
    _works(staff, item.kind)
    _ensure_open(item)
    _ensure_holder_or_supervisor(session, item, staff)
    target = session.get(Staff, to_staff_id)
    if target is None or not target.active:
        raise NotFound(f"No active staff member with id {to_staff_id}.", field="to_staff_id")
    if item.kind not in kinds_for(target.role):
        raise InvalidInput(f"{target.display_name} ({target.role}) does not work {item.kind} items.",
                           field="to_staff_id")
    until = _lease_until(session, target, now, actor=staff)
    previous = item.claimed_by_id
    note_value: Any = note.strip() if note and note.strip() else _KEEP
    _write_claim(session, item, holder_id=target.id, until=until, now=now, claimed_at=now, note=note_value,
                 note_by=staff.id)
    _audit(session, staff, "handoff", item, previous_holder=previous, claimed_by=target.id, expires_at=until,
           note=note)
    return _out(session, staff, item.id, now)


def release_held(session: Session, *, staff: Staff, actor: Staff | None, notes: dict[int, str],
                 default_note: str | None) -> list[int]:
    """Return every item ``staff`` holds to the queue (shift end), each with its
    own note or the general one. Lapsed claims are released too, so a note left
    at clock-out reaches the item whatever the lease said. Returns the item ids."""
    now = utcnow()
    held_ids = session.scalars(select(QueueItem.id).where(
        QueueItem.claimed_by_id == staff.id, QueueItem.open.is_(True)).order_by(QueueItem.id)).all()
    held = [item for item in (_locked(session, item_id) for item_id in held_ids) if item.claimed_by_id == staff.id]
    by = actor or staff
    for item in held:
        note = (notes.get(item.id) or default_note or "").strip()
        _write_claim(session, item, holder_id=None, until=None, now=now, claimed_at=None,
                     note=note if note else _KEEP, note_by=by.id)
        audit.record(session, actor_id=actor.id if actor else None, actor_label=actor.username if actor else "system",
                     action="queue.release", target_type=item.kind, target_id=item.ref_id,
                     after={"queue_item": item.id, "previous_holder": staff.id, "note": note or None,
                            "reason": "shift end"})
    unknown = set(notes) - {item.id for item in held}
    if unknown:
        raise InvalidInput(f"You do not hold queue item(s) {sorted(unknown)}.", field="item_notes")
    return [item.id for item in held]
