"""Erasing a member's personal data (a deletion request under Japan's
personal-information law).

The member row stays (transactions, ledgers, ratings and takedowns point at
it) but its name and contact details are replaced, and the free text the
member wrote (inquiry messages, rating comments, appeal statements,
transaction messages) is redacted. Money rows and the audit chain are not
touched, so the ledger invariants and ``audit-verify`` still hold. Refused
with 409 while a legal hold covers the member.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.authority import service as authority
from backend.authority.models import MemberErasure
from backend.db import utcnow
from backend.enforcement.models import Appeal
from backend.errors import Conflict, InvalidInput, NotFound
from backend.inquiries.models import Inquiry, InquiryMessage
from backend.members.models import Member
from backend.ratings.models import Rating
from backend.staff.models import Staff
from backend.text_hygiene import clean, has_visible_text

REDACTED = "[erased]"


@dataclass(frozen=True)
class ErasureResult:
    erasure: MemberErasure
    changed: bool


def erased_name(member_id: int) -> str:
    return f"Erased member #{member_id}"


def erase(session: Session, *, member_id: int, reason: str, actor: Staff) -> ErasureResult:
    reason = clean(reason or "").strip()
    if not has_visible_text(reason):
        raise InvalidInput("say why the member's data is erased", field="reason")
    member = session.scalar(select(Member).where(Member.id == member_id).with_for_update())
    if member is None:
        raise NotFound(f"No member with id {member_id}.")
    done = session.scalar(select(MemberErasure).where(MemberErasure.member_id == member_id))
    if done is not None:
        return ErasureResult(done, changed=False)
    holds = authority.holds_covering_member(session, member_id)
    if holds:
        requests = sorted({h.request_id for h in holds})
        raise Conflict(f"A legal hold covers this member (authority request {', '.join(map(str, requests))}); "
                       "their data cannot be erased until the request is closed.", code="legal_hold")
    effects = {
        "profile": 1,
        "inquiry_messages": session.execute(
            update(InquiryMessage).where(InquiryMessage.kind == "member", InquiryMessage.inquiry_id.in_(
                select(Inquiry.id).where(Inquiry.member_id == member_id))).values(body=REDACTED)).rowcount,
        "rating_comments": session.execute(
            update(Rating).where(Rating.rater_id == member_id, Rating.comment != "").values(comment="")).rowcount,
        "appeal_statements": session.execute(
            update(Appeal).where(Appeal.member_id == member_id).values(statement=REDACTED)
            .execution_options(synchronize_session=False)).rowcount,
    }
    messages = _messages_model()
    if messages is not None:
        effects["transaction_messages"] = session.execute(
            update(messages).where(messages.sender_id == member_id).values(text=REDACTED)).rowcount
    member.display_name = erased_name(member_id)
    member.email = member.phone = member.address = None
    erasure = MemberErasure(member_id=member_id, reason=reason, actor_id=actor.id, created_at=utcnow(),
                            effects=effects)
    session.add(erasure)
    session.flush()
    # The audit event names what was erased and how much, never the erased values.
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="member.erase", target_type="member",
                 target_id=member_id, after={"erased": effects}, reason=reason)
    return ErasureResult(erasure, changed=True)


def _messages_model():  # type: ignore[no-untyped-def]
    """Transaction messages, where that module is installed (issue 21)."""
    try:
        from backend.messages.models import TransactionMessage
    except ImportError:
        return None
    return TransactionMessage
