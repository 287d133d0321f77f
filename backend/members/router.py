from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import or_, select

from backend.deps import DbSession, require, security_settings
from backend.members import service
from backend.members.lookup import lookup as lookup_key
from backend.members.models import Member, MemberStatus
from backend.members.schemas import ContactOut, LookupHit, MemberOut, MemberSummary, RevealIn
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff
from backend.text.fold import spellings

router = APIRouter(tags=["members"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]
Revealer = Annotated[Staff, Depends(require(Permission.reveal_pii))]
MemberId = Annotated[int, Path(ge=1, le=2**31 - 1)]  # a 32-bit column: larger ids are a 422, not a DB error


@router.get("/members", response_model=Page[MemberOut])
def list_members(
    _staff: Reader,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=100,
                                   description="name prefix in any kana or width, or external id")] = None,
    status: MemberStatus | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[MemberOut]:
    stmt = select(Member)
    if q:  # すずき finds スズキ and the other way round; ＡＢＣ and ABC alike
        stmt = stmt.where(or_(*(Member.display_name.startswith(v, autoescape=True) for v in sorted(spellings(q))),
                              Member.external_id == q))
    if status:
        stmt = stmt.where(Member.status == status)
    return paginate(session, stmt, sort=Member.joined_at, id_col=Member.id, cursor=cursor, limit=limit,
                    to_item=lambda row: service.member_out(row[0]))


@router.get("/members/{member_id}", response_model=MemberOut)
def get_member(member_id: MemberId, _staff: Reader, session: DbSession) -> MemberOut:
    return service.member_out(service.get_member(session, member_id))


@router.get("/members/{member_id}/summary", response_model=MemberSummary)
def member_summary(member_id: MemberId, _staff: Reader, session: DbSession) -> MemberSummary:
    """The member pane: counts, strikes, takedowns, flags, open inquiries and signals, in one request."""
    return service.summary(session, member_id=member_id)


@router.post("/members/{member_id}/contact/reveal", response_model=ContactOut)
def reveal_contact(member_id: MemberId, body: RevealIn, staff: Revealer, session: DbSession,
                   request: Request) -> ContactOut:
    """Show unmasked contact details; the reveal (who, which fields, why) goes to the audit log.

    Deliberately no Idempotency-Key: a replay would have to store the details
    outside the member row, and every repeated look is a disclosure to log.

    At most ``ANZEN_REVEALS_PER_HOUR`` (default 20) per staff member in any
    hour; beyond that 429 with Retry-After, and supervisors are alerted.
    """
    return service.reveal_contact(session, member_id=member_id, fields=body.fields, staff=staff, reason=body.reason,
                                  limit_per_hour=security_settings(request).reveals_per_hour)


@router.get("/lookup/{key}", response_model=list[LookupHit])
def lookup(key: Annotated[str, Path(min_length=1, max_length=64)], _staff: Reader,
           session: DbSession) -> list[LookupHit]:
    """What a pasted id names: a member, listing or transaction id, or a member's or listing's external id."""
    return lookup_key(session, key=key)
