"""Authority requests: registration, four-eyes decision, legal holds, closing.

A supervisor registers a request; a *different* supervisor approves or
declines it with a reason. Approval places one :class:`LegalHold` per record
in scope. Closing releases this request's holds; a record another open
request also holds stays held, because that request has hold rows of its own.
Every change is audited in the caller's transaction; nothing here commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.authority.models import AuthorityRequest, LegalBasis, LegalHold, RequestStatus
from backend.db import utcnow
from backend.errors import Conflict, Forbidden, InvalidInput, NotFound
from backend.escrow.models import Transaction
from backend.listings.models import Listing
from backend.members.models import Member
from backend.staff.models import Staff
from backend.text_hygiene import clean, has_visible_text
from backend.versioning import ensure_version

#: scope key -> (hold target type, model)
SCOPE_KINDS: dict[str, tuple[str, type[Any]]] = {
    "member_ids": ("member", Member),
    "listing_ids": ("listing", Listing),
    "transaction_ids": ("transaction", Transaction),
}
MAX_SCOPE = 1000  # records per request


def _text(value: str | None, field: str, *, required: bool = False) -> str | None:
    value = clean(value).strip() if value is not None else None
    if not value or not has_visible_text(value):
        if required:
            raise InvalidInput(f"{field} must not be empty", field=field)
        return None
    return value


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _scope(session: Session, scope: dict[str, list[int]]) -> dict[str, list[int]]:
    """The scope with each kind's ids sorted and de-duplicated, every one of them existing."""
    checked: dict[str, list[int]] = {}
    for key, (_kind, model) in SCOPE_KINDS.items():
        ids = sorted(set(scope.get(key) or []))
        if ids:
            found = set(session.scalars(select(model.id).where(model.id.in_(ids))))
            missing = [i for i in ids if i not in found]
            if missing:
                raise InvalidInput(f"no {_kind} with id {missing[0]}", field=f"scope.{key}")
        checked[key] = ids
    total = sum(len(ids) for ids in checked.values())
    if total == 0:
        raise InvalidInput("the scope names no members, listings or transactions", field="scope")
    if total > MAX_SCOPE:
        raise InvalidInput(f"a request may cover at most {MAX_SCOPE} records", field="scope")
    return checked


def request_state(req: AuthorityRequest) -> dict[str, Any]:
    return {"status": req.status, "agency": req.agency, "reference": req.reference, "legal_basis": req.legal_basis,
            "scope": req.scope, "due_at": req.due_at}


def register(session: Session, *, agency: str, reference: str, legal_basis: str, scope: dict[str, list[int]],
             due_at: datetime, actor: Staff, officer: str | None = None, contact: str | None = None,
             note: str | None = None) -> AuthorityRequest:
    try:
        basis = LegalBasis(legal_basis)
    except ValueError:
        raise InvalidInput(f"legal_basis must be one of {', '.join(LegalBasis)}", field="legal_basis") from None
    req = AuthorityRequest(
        agency=_text(agency, "agency", required=True), reference=_text(reference, "reference", required=True),
        officer=_text(officer, "officer"), contact=_text(contact, "contact"), legal_basis=basis,
        scope=_scope(session, scope), due_at=_utc(due_at), note=_text(note, "note"),
        status=RequestStatus.pending_approval, registered_by_id=actor.id, created_at=utcnow())
    session.add(req)
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="authority_request.register",
                 target_type="authority_request", target_id=req.id, after=request_state(req), reason=req.note)
    return req


def get(session: Session, request_id: int, *, lock: bool = False) -> AuthorityRequest:
    stmt = select(AuthorityRequest).where(AuthorityRequest.id == request_id)
    req = session.scalar(stmt.with_for_update() if lock else stmt)
    if req is None:
        raise NotFound(f"No authority request with id {request_id}.")
    return req


@dataclass(frozen=True)
class Result:
    request: AuthorityRequest
    changed: bool


def _decide(session: Session, *, request_id: int, approve: bool, reason: str, actor: Staff,
            version: int | None) -> Result:
    reason = _text(reason, "reason", required=True) or ""
    req = get(session, request_id, lock=True)
    target = RequestStatus.approved if approve else RequestStatus.declined
    if req.status == target and req.decided_by_id == actor.id:
        return Result(req, changed=False)  # a retry of the same decision
    if req.status != RequestStatus.pending_approval:
        raise Conflict(f"This request was already decided ({req.status}).", code="already_decided")
    if req.registered_by_id == actor.id:
        raise Forbidden("You registered this request; a second supervisor must approve or decline it (four eyes).",
                        code="four_eyes")
    ensure_version(req.version, version)
    now = utcnow()
    req.status, req.decided_by_id, req.decided_at, req.decision_reason = target, actor.id, now, reason
    held: list[dict[str, Any]] = []
    if approve:
        for key, (kind, _model) in SCOPE_KINDS.items():
            for target_id in req.scope.get(key) or []:
                session.add(LegalHold(request_id=req.id, target_type=kind, target_id=target_id, placed_at=now))
                held.append({"type": kind, "id": target_id})
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username,
                 action=f"authority_request.{'approve' if approve else 'decline'}", target_type="authority_request",
                 target_id=req.id, before={"status": RequestStatus.pending_approval},
                 after={"status": req.status, "holds_placed": len(held)}, reason=reason)
    for hold in held:
        audit.record(session, actor_id=actor.id, actor_label=actor.username, action="legal_hold.place",
                     target_type=hold["type"], target_id=hold["id"], after={"request_id": req.id}, reason=reason)
    return Result(req, changed=True)


def approve(session: Session, *, request_id: int, reason: str, actor: Staff, version: int | None = None) -> Result:
    return _decide(session, request_id=request_id, approve=True, reason=reason, actor=actor, version=version)


def decline(session: Session, *, request_id: int, reason: str, actor: Staff, version: int | None = None) -> Result:
    return _decide(session, request_id=request_id, approve=False, reason=reason, actor=actor, version=version)


def close(session: Session, *, request_id: int, actor: Staff, reason: str | None = None) -> Result:
    """Close the request and release its holds; records another request holds stay held."""
    reason = _text(reason, "reason")
    req = get(session, request_id, lock=True)
    if req.status == RequestStatus.closed:
        return Result(req, changed=False)
    if req.status == RequestStatus.pending_approval:
        raise Conflict("Approve or decline this request before closing it.", code="not_decided")
    now = utcnow()
    before = req.status
    holds = session.scalars(select(LegalHold).where(LegalHold.request_id == req.id, LegalHold.released_at.is_(None))
                            .order_by(LegalHold.id)).all()
    for hold in holds:
        hold.released_at = now
    req.status, req.closed_at, req.closed_by_id = RequestStatus.closed, now, actor.id
    session.flush()
    still = [{"type": h.target_type, "id": h.target_id} for h in holds
             if active_holds(session, target_type=h.target_type, target_id=h.target_id)]
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="authority_request.close",
                 target_type="authority_request", target_id=req.id, before={"status": before},
                 after={"status": req.status, "holds_released": len(holds), "still_held_by_other_requests": still},
                 reason=reason)
    for hold in holds:
        audit.record(session, actor_id=actor.id, actor_label=actor.username, action="legal_hold.release",
                     target_type=hold.target_type, target_id=hold.target_id, after={"request_id": req.id},
                     reason=reason)
    return Result(req, changed=True)


def mark_answered(session: Session, req: AuthorityRequest) -> None:
    if req.status == RequestStatus.approved:
        req.status = RequestStatus.answered
        req.answered_at = utcnow()
        session.flush()


def active_holds(session: Session, *, target_type: str, target_id: int) -> list[LegalHold]:
    return list(session.scalars(select(LegalHold).where(
        LegalHold.target_type == target_type, LegalHold.target_id == target_id, LegalHold.released_at.is_(None))
        .order_by(LegalHold.id)))


def holds_covering_member(session: Session, member_id: int) -> list[LegalHold]:
    """Live holds on the member, on listings they sell, or on transactions they are party to."""
    listing_ids = select(Listing.id).where(Listing.seller_id == member_id)
    tx_ids = select(Transaction.id).where((Transaction.buyer_id == member_id) | (Transaction.seller_id == member_id))
    return list(session.scalars(select(LegalHold).where(
        LegalHold.released_at.is_(None),
        ((LegalHold.target_type == "member") & (LegalHold.target_id == member_id))
        | ((LegalHold.target_type == "listing") & LegalHold.target_id.in_(listing_ids))
        | ((LegalHold.target_type == "transaction") & LegalHold.target_id.in_(tx_ids))).order_by(LegalHold.id)))


def held_records(session: Session, request_id: int) -> list[LegalHold]:
    return list(session.scalars(select(LegalHold).where(LegalHold.request_id == request_id).order_by(LegalHold.id)))
