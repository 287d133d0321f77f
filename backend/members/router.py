from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy import select

from backend.deps import DbSession, require
from backend.errors import NotFound
from backend.members.models import Member, MemberStatus
from backend.members.pii import mask_address, mask_email, mask_phone
from backend.members.schemas import MemberOut
from backend.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page, paginate
from backend.permissions import Permission
from backend.staff.models import Staff

router = APIRouter(tags=["members"])
Reader = Annotated[Staff, Depends(require(Permission.read_marketplace))]


def member_out(member: Member) -> MemberOut:
    return MemberOut(
        id=member.id,
        external_id=member.external_id,
        display_name=member.display_name,
        status=member.status,
        strikes=member.strikes,
        joined_at=member.joined_at,
        email=mask_email(member.email),
        phone=mask_phone(member.phone),
        address=mask_address(member.address),
        version=member.version,
    )


@router.get("/members", response_model=Page[MemberOut])
def list_members(
    _staff: Reader,
    session: DbSession,
    q: Annotated[str | None, Query(max_length=100, description="name or external id prefix")] = None,
    status: MemberStatus | None = None,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> Page[MemberOut]:
    stmt = select(Member)
    if q:
        stmt = stmt.where(Member.display_name.startswith(q, autoescape=True) | (Member.external_id == q))
    if status:
        stmt = stmt.where(Member.status == status)
    return paginate(session, stmt, sort=Member.joined_at, id_col=Member.id, cursor=cursor, limit=limit,
                    to_item=lambda row: member_out(row[0]))


@router.get("/members/{member_id}", response_model=MemberOut)
def get_member(member_id: int, _staff: Reader, session: DbSession) -> MemberOut:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(f"No member with id {member_id}.")
    return member_out(member)
