"""Restricting and suspending members, and lifting either.

Both are actions a moderator confirms (usually on the suggestion their strikes
produce), each audited and each reversible. The member's status is derived
from the live sanctions — suspended beats restricted beats active — so
lifting one never silently cancels the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.enforcement import notifications
from backend.enforcement.models import Sanction, SanctionKind
from backend.enforcement.notifications import NotificationKind
from backend.errors import Conflict, InvalidInput, NotFound
from backend.members.models import Member, MemberStatus
from backend.staff.models import Staff
from backend.versioning import ensure_version

_STATUS_FOR = {SanctionKind.suspend: MemberStatus.suspended, SanctionKind.restrict: MemberStatus.restricted}
_MESSAGE = {
    SanctionKind.restrict: "Your account may not list new items for now",
    SanctionKind.suspend: "Your account is suspended",
}


@dataclass(frozen=True)
class SanctionResult:
    sanction: Sanction
    member: Member
    changed: bool


def _kind(kind: str) -> SanctionKind:
    try:
        return SanctionKind(kind)
    except ValueError:
        raise InvalidInput("kind must be restrict or suspend", field="kind") from None


def _lock_member(session: Session, member_id: int) -> Member:
    member = session.scalar(select(Member).where(Member.id == member_id).with_for_update())
    if member is None:
        raise NotFound(f"No member with id {member_id}.")
    return member


def live_sanctions(session: Session, member_id: int) -> list[Sanction]:
    return list(session.scalars(select(Sanction).where(Sanction.member_id == member_id, Sanction.lifted_at.is_(None))
                                .order_by(Sanction.id)))


def _derive_status(session: Session, member_id: int) -> MemberStatus:
    kinds = {s.kind for s in live_sanctions(session, member_id)}
    for kind in (SanctionKind.suspend, SanctionKind.restrict):
        if kind in kinds:
            return _STATUS_FOR[kind]
    return MemberStatus.active


def impose(session: Session, *, member_id: int, kind: str, reason: str, actor: Staff, version: int | None = None,
           now: datetime | None = None) -> SanctionResult:
    """Restrict or suspend a member; doing it again while it is in force changes nothing."""
    sanction_kind = _kind(kind)
    if not reason.strip():
        raise InvalidInput("say why", field="reason")
    now = now or utcnow()
    member = _lock_member(session, member_id)
    existing = next((s for s in live_sanctions(session, member.id) if s.kind == sanction_kind), None)
    if existing is not None:
        return SanctionResult(existing, member, changed=False)
    ensure_version(member.version, version)
    before = {"status": member.status}
    sanction = Sanction(member_id=member.id, kind=sanction_kind, reason=reason.strip(), actor_id=actor.id,
                        created_at=now)
    session.add(sanction)
    session.flush()
    member.status = _derive_status(session, member.id)
    notifications.notify(session, member_id=member.id,
                         kind=NotificationKind.suspended if sanction_kind == SanctionKind.suspend
                         else NotificationKind.restricted,
                         body=f"{_MESSAGE[sanction_kind]}: {reason.strip()}")
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action=f"member.{sanction_kind}",
                 target_type="member", target_id=member.id, before=before,
                 after={"status": member.status, "sanction_id": sanction.id}, reason=reason.strip())
    return SanctionResult(sanction, member, changed=True)


def lift(session: Session, *, member_id: int, kind: str, reason: str, actor: Staff, now: datetime | None = None
         ) -> SanctionResult:
    """Lift the member's live restriction or suspension."""
    sanction_kind = _kind(kind)
    if not reason.strip():
        raise InvalidInput("say why", field="reason")
    now = now or utcnow()
    member = _lock_member(session, member_id)
    sanction = next((s for s in live_sanctions(session, member.id) if s.kind == sanction_kind), None)
    if sanction is None:
        raise Conflict(f"This member has no {sanction_kind} in force.", code="not_in_force")
    before = {"status": member.status}
    sanction.lifted_at = now
    sanction.lifted_by_id = actor.id
    sanction.lift_reason = reason.strip()
    session.flush()
    member.status = _derive_status(session, member.id)
    notifications.notify(session, member_id=member.id, kind=NotificationKind.sanction_lifted,
                         body=f"The {sanction_kind} on your account was lifted: {reason.strip()}")
    session.flush()
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action=f"member.lift_{sanction_kind}",
                 target_type="member", target_id=member.id, before=before,
                 after={"status": member.status, "sanction_id": sanction.id}, reason=reason.strip())
    return SanctionResult(sanction, member, changed=True)
