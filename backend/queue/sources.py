"""The kinds of work the queue holds, and how their rows are mirrored into it.

Each kind registers a :class:`QueueSource`: its model, the roles that work it,
and how to project its rows into ``queue_items``. ORM changes to a registered
model are mirrored automatically after every flush (a flag marked actioned
leaves the queue in the same transaction, whoever's code changed it). Code
that writes source rows with Core statements (bulk seeding, imports) calls
:func:`sync_item` for single rows or :func:`rebuild` afterwards.

Plugging in a new kind (e.g. appeals) is one ``register(QueueSource(...))``
call in that domain; the claim columns ``claimed_by_id``,
``claim_expires_at`` and ``handover_note`` on the source row are kept in step
by :mod:`backend.queue.service`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, case, event, exists, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, UOWTransaction

from backend.db import utcnow
from backend.errors import InvalidInput
from backend.enforcement.models import Appeal, AppealStatus, Takedown
from backend.flags.models import Flag, FlagStatus
from backend.inquiries.models import Inquiry, InquiryStatus
from backend.listings.models import Listing
from backend.permissions import Permission
from backend.queue import priority
from backend.queue.models import QueueItem
from backend.staff.models import Role

Projection = dict[str, Any]
Projector = Callable[[Connection, Sequence[Any]], Iterable[tuple[int, Projection]]]


@dataclass(frozen=True)
class QueueSource:
    kind: str
    model: type[Any]
    roles: frozenset[Role]  # who works this kind; supervisors work every kind
    read_permission: Permission
    project: Projector  # rows -> (ref_id, queue columns), batched so lookups are one query per batch
    open_clause: Callable[[], ColumnElement[bool]]  # which source rows belong in the queue
    columns: tuple[str, ...]  # the attributes ``project`` reads, so rebuild can select just those

    def select_rows(self) -> Select[Any]:
        return select(*(getattr(self.model, name) for name in self.columns))


SOURCES: dict[str, QueueSource] = {}


def register(source: QueueSource) -> None:
    SOURCES[source.kind] = source


def source_for(kind: str) -> QueueSource:
    try:
        return SOURCES[kind]
    except KeyError:
        raise InvalidInput(f"kind must be one of {', '.join(sorted(SOURCES))}", field="kind") from None


def kinds_for(role: str) -> list[str]:
    """The kinds a role works, e.g. agents inquiries and moderators flags."""
    return sorted(kind for kind, source in SOURCES.items() if role == Role.supervisor or Role(role) in source.roles)


def _project_inquiries(_conn: Connection, rows: Sequence[Inquiry]) -> Iterable[tuple[int, Projection]]:
    for inquiry in rows:
        responded = inquiry.first_responded_at is not None
        due = inquiry.resolution_due if responded else inquiry.first_response_due
        severity = priority.inquiry_severity(inquiry.priority)
        yield inquiry.id, {
            "title": inquiry.subject[:256], "member_id": inquiry.member_id, "listing_id": inquiry.listing_id,
            "transaction_id": inquiry.transaction_id, "category": inquiry.category, "status": inquiry.status,
            "open": inquiry.status != InquiryStatus.resolved,
            "waiting": inquiry.status == InquiryStatus.waiting_on_member,
            "severity": severity, "score": 1.0, "sla_kind": "resolution" if responded else "first_response",
            "sla_due": due, "rank": priority.rank(due, severity, 1.0), "created_at": inquiry.created_at,
        }


def _project_flags(conn: Connection, rows: Sequence[Flag]) -> Iterable[tuple[int, Projection]]:
    listing_ids = {flag.listing_id for flag in rows}
    listings = {row.id: row for row in conn.execute(
        select(Listing.id, Listing.title, Listing.seller_id).where(Listing.id.in_(listing_ids)))}
    for flag in rows:
        listing = listings.get(flag.listing_id)
        severity, due = priority.flag_sla(flag.policy, flag.created_at)
        yield flag.id, {
            "title": (listing.title if listing else f"listing #{flag.listing_id}")[:256],
            "member_id": listing.seller_id if listing else None, "listing_id": flag.listing_id,
            "transaction_id": None, "category": flag.policy, "status": flag.status,
            "open": flag.status == FlagStatus.open, "waiting": False, "severity": severity, "score": flag.score,
            "sla_kind": "decision", "sla_due": due, "rank": priority.rank(due, severity, flag.score),
            "created_at": flag.created_at,
        }


register(QueueSource(
    "inquiry", Inquiry, frozenset({Role.agent}), Permission.read_inquiries, _project_inquiries,
    lambda: Inquiry.status != InquiryStatus.resolved,
    ("id", "subject", "member_id", "listing_id", "transaction_id", "category", "status", "priority",
     "first_response_due", "resolution_due", "first_responded_at", "created_at")))
def _project_appeals(conn: Connection, rows: Sequence[Appeal]) -> Iterable[tuple[int, Projection]]:
    takedown_ids = {appeal.takedown_id for appeal in rows}
    listings = {row.takedown_id: row for row in conn.execute(
        select(Takedown.id.label("takedown_id"), Takedown.reason_code, Listing.id, Listing.title)
        .join(Listing, Listing.id == Takedown.listing_id).where(Takedown.id.in_(takedown_ids)))}
    for appeal in rows:
        listing = listings.get(appeal.takedown_id)
        severity, due = priority.appeal_sla(appeal.created_at)
        yield appeal.id, {
            "title": f"Appeal: {listing.title if listing else f'takedown #{appeal.takedown_id}'}"[:256],
            "member_id": appeal.member_id, "listing_id": listing.id if listing else None, "transaction_id": None,
            "category": listing.reason_code if listing else "appeal", "status": appeal.status,
            "open": appeal.status == AppealStatus.open, "waiting": False, "severity": severity, "score": 1.0,
            "sla_kind": "decision", "sla_due": due, "rank": priority.rank(due, severity, 1.0),
            "created_at": appeal.created_at,
        }


register(QueueSource(
    "flag", Flag, frozenset({Role.moderator}), Permission.read_flags, _project_flags,
    lambda: Flag.status == FlagStatus.open, ("id", "listing_id", "policy", "score", "status", "created_at")))
register(QueueSource(
    "appeal", Appeal, frozenset({Role.moderator}), Permission.read_appeals, _project_appeals,
    lambda: Appeal.status == AppealStatus.open, ("id", "takedown_id", "member_id", "status", "created_at")))


def _upsert(conn: Connection, kind: str, projected: Iterable[tuple[int, Projection]]) -> None:
    """Insert or update queue rows in one statement; an item that closes loses its claim."""
    now = utcnow()
    params = [{"kind": kind, "ref_id": ref_id, "updated_at": now, "closed_at": None if values["open"] else now,
               "claimed_by_id": None, "claimed_at": None, "claim_expires_at": None, **values}
              for ref_id, values in projected]
    if not params:
        return
    table = QueueItem.__table__
    insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(table)
    new = stmt.excluded
    changes: dict[str, Any] = {name: new[name] for name in params[0] if name not in (
        "kind", "ref_id", "closed_at", "claimed_by_id", "claimed_at", "claim_expires_at")}
    changes["closed_at"] = case((new.open, None), else_=func.coalesce(table.c.closed_at, new.closed_at))
    for name in ("claimed_by_id", "claimed_at", "claim_expires_at"):
        changes[name] = case((new.open, table.c[name]), else_=None)
    conn.execute(stmt.on_conflict_do_update(index_elements=["kind", "ref_id"], set_=changes), params)


def mirror(conn: Connection, source: QueueSource, rows: Sequence[Any]) -> None:
    _upsert(conn, source.kind, list(source.project(conn, rows)))


@event.listens_for(Session, "after_flush")
def _mirror_flushed(session: Session, _flush: UOWTransaction) -> None:
    """Keep queue_items in step with every ORM change to a queued kind."""
    by_kind: dict[str, list[Any]] = {}
    for obj in list(session.new) + list(session.dirty):
        for source in SOURCES.values():
            if isinstance(obj, source.model):
                by_kind.setdefault(source.kind, []).append(obj)
    for kind, rows in by_kind.items():
        mirror(session.connection(), SOURCES[kind], rows)
    for obj in session.deleted:
        for source in SOURCES.values():
            if isinstance(obj, source.model):
                _remove(session.connection(), source.kind, obj.id)


def _remove(conn: Connection, kind: str, ref_id: int) -> None:
    """A deleted source row leaves the queue (kept as closed for the change feed)."""
    now = utcnow()
    conn.execute(update(QueueItem).where(QueueItem.kind == kind, QueueItem.ref_id == ref_id).values(
        open=False, status="deleted", closed_at=now, updated_at=now, claimed_by_id=None, claimed_at=None,
        claim_expires_at=None))


def sync_item(session: Session, *, kind: str, ref_id: int) -> None:
    """Enqueue, update or close one item after a Core-level write to its source row
    (ORM writes need nothing: they are mirrored after every flush)."""
    source = source_for(kind)
    row = session.get(source.model, ref_id, populate_existing=True)
    if row is None:
        _remove(session.connection(), kind, ref_id)
    else:
        mirror(session.connection(), source, [row])


def rebuild(conn: Connection, *, kinds: Iterable[str] | None = None, batch: int = 5000) -> int:
    """Add every open source row the queue is missing (after bulk Core inserts,
    e.g. seeding) and close queue rows whose source has closed. Reads only the
    projected columns, so it also runs inside a migration. Returns rows touched."""
    touched = 0
    for source in (source_for(kind) for kind in (kinds or list(SOURCES))):
        model = source.model
        in_queue = exists().where(QueueItem.kind == source.kind, QueueItem.ref_id == model.id)
        missing = source.select_rows().where(source.open_clause(), ~in_queue).order_by(model.id).limit(batch)
        last_id = 0
        while rows := conn.execute(missing.where(model.id > last_id)).all():
            mirror(conn, source, rows)
            touched += len(rows)
            last_id = rows[-1].id
        stale = conn.execute(source.select_rows().join(
            QueueItem, (QueueItem.kind == source.kind) & (QueueItem.ref_id == model.id))
            .where(QueueItem.open.is_(True), ~source.open_clause())).all()
        mirror(conn, source, stale)
        touched += len(stale)
    return touched


_BUILT: set[str] = set()  # databases (by URL) this process has checked


def ensure_built(session: Session) -> None:
    """Build the queue once per process when its table is empty but open
    inquiries or flags exist: a database seeded with bulk inserts. Runs in its
    own write transaction; costs one indexed probe per process afterwards."""
    engine = session.get_bind()
    key = str(engine.url)
    if key in _BUILT:
        return
    if session.scalar(select(QueueItem.id).limit(1)) is None and any(
            session.scalar(select(source.model.id).where(source.open_clause()).limit(1)) is not None
            for source in SOURCES.values()):
        with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
            if conn.scalar(select(QueueItem.id).limit(1)) is None:
                rebuild(conn)
    _BUILT.add(key)
