"""Messages: posting (screened as they arrive), reading a thread masked, revealing with a reason.

Contact details inside a message are masked for staff like a member's own
contact fields (:mod:`backend.detection.messages.contacts` finds them);
revealing them needs ``reveal_pii`` and a reason, counts towards the same
per-hour reveal limit (:mod:`backend.members.reveals`) and is audited as a
contact reveal whose target is the thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.detection.messages import contacts
from backend.errors import Conflict, InvalidInput, NotFound
from backend.escrow.models import Transaction
from backend.listings.models import Listing
from backend.members.models import Member
from backend.messages.models import MessageContext, MessageFlag, TransactionMessage
from backend.messages.schemas import MessageFlagBrief, MessageOut, ThreadOut
from backend.staff.models import Staff

#: The audit action of every contact reveal (backend/members/reveals.py counts them per staff member).
REVEAL_ACTION = "member.contact_revealed"

OnMessage = Callable[[Session, TransactionMessage], object]


def post(session: Session, *, sender_id: int, text: str, transaction_id: int | None = None,
         listing_id: int | None = None, external_id: str | None = None, sent_at: datetime | None = None,
         on_message: OnMessage | None = None) -> TransactionMessage:
    """Store one message: on a transaction (the sender must be its buyer or seller) or,
    without one, as a public comment on a listing."""
    if (transaction_id is None) == (listing_id is None):
        raise InvalidInput("give a transaction_id or a listing_id (a public comment), not both", field="transaction_id")
    if not text.strip():
        raise InvalidInput("a message needs text", field="text")
    if session.get(Member, sender_id) is None:
        raise NotFound(f"No member with id {sender_id}.")
    if transaction_id is not None:
        tx = session.get(Transaction, transaction_id)
        if tx is None:
            raise NotFound(f"No transaction with id {transaction_id}.")
        if sender_id not in (tx.buyer_id, tx.seller_id):
            raise InvalidInput("the sender is neither the buyer nor the seller of this transaction", field="sender_id")
        context, listing_id = MessageContext.transaction, tx.listing_id
    else:
        if session.get(Listing, listing_id) is None:
            raise NotFound(f"No listing with id {listing_id}.")
        context = MessageContext.listing_comment
    if external_id is not None and session.scalar(
            select(TransactionMessage.id).where(TransactionMessage.external_id == external_id)) is not None:
        raise Conflict(f"A message with external id {external_id!r} is already stored.", code="duplicate",
                       field="external_id")
    message = TransactionMessage(external_id=external_id, context=context, transaction_id=transaction_id,
                                 listing_id=listing_id, sender_id=sender_id, text=text,
                                 sent_at=sent_at or utcnow())
    session.add(message)
    session.flush()
    if on_message is not None:
        on_message(session, message)
    return message


def _flags_by_message(session: Session, ids: list[int]) -> dict[int, list[MessageFlagBrief]]:
    out: dict[int, list[MessageFlagBrief]] = {}
    if ids:
        for flag in session.scalars(select(MessageFlag).where(MessageFlag.message_id.in_(ids)).order_by(MessageFlag.id)):
            out.setdefault(flag.message_id, []).append(MessageFlagBrief(
                id=flag.id, policy=flag.policy, score=flag.score, status=flag.status, action=flag.action))
    return out


def render(session: Session, messages: Iterable[TransactionMessage], *, reveal: bool = False) -> list[MessageOut]:
    rows = list(messages)
    senders = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_({r.sender_id for r in rows})))}
    txs = {t.id: t for t in session.scalars(select(Transaction).where(
        Transaction.id.in_({r.transaction_id for r in rows if r.transaction_id})))}
    flags = _flags_by_message(session, [r.id for r in rows])
    out = []
    for row in rows:
        tx = txs.get(row.transaction_id) if row.transaction_id else None
        role = ("buyer" if tx.buyer_id == row.sender_id else "seller") if tx else "commenter"
        found = contacts.find(row.text)
        sender = senders.get(row.sender_id)
        out.append(MessageOut(
            id=row.id, external_id=row.external_id, context=row.context, transaction_id=row.transaction_id,
            listing_id=row.listing_id, sender_id=row.sender_id,
            sender_name=sender.display_name if sender else f"member #{row.sender_id}", sender_role=role,
            sent_at=row.sent_at, text=row.text if reveal else contacts.mask(row.text, found), masked=len(found),
            flags=flags.get(row.id, [])))
    return out


def transaction_thread(session: Session, *, transaction_id: int) -> ThreadOut:
    tx = session.get(Transaction, transaction_id)
    if tx is None:
        raise NotFound(f"No transaction with id {transaction_id}.")
    messages = session.scalars(select(TransactionMessage).where(TransactionMessage.transaction_id == tx.id)
                               .order_by(TransactionMessage.sent_at, TransactionMessage.id).limit(1000))
    return ThreadOut(transaction_id=tx.id, listing_id=tx.listing_id, buyer_id=tx.buyer_id, seller_id=tx.seller_id,
                     items=render(session, messages))


def listing_comments(session: Session, *, listing_id: int) -> ThreadOut:
    listing = session.get(Listing, listing_id)
    if listing is None:
        raise NotFound(f"No listing with id {listing_id}.")
    messages = session.scalars(select(TransactionMessage).where(
        TransactionMessage.listing_id == listing.id, TransactionMessage.context == MessageContext.listing_comment)
        .order_by(TransactionMessage.sent_at, TransactionMessage.id).limit(1000))
    return ThreadOut(transaction_id=None, listing_id=listing.id, buyer_id=None, seller_id=listing.seller_id,
                     items=render(session, messages))


def reveal_thread(session: Session, *, transaction_id: int, staff: Staff, reason: str,
                  message_ids: list[int] | None = None, limit_per_hour: int | None = None) -> ThreadOut:
    """The thread unmasked (or only ``message_ids`` of it), audited as a contact reveal with the reason."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput("a reason is required", field="reason")
    thread = transaction_thread(session, transaction_id=transaction_id)
    wanted = [m.id for m in thread.items if message_ids is None or m.id in set(message_ids)]
    if message_ids is not None and len(wanted) != len(set(message_ids)):
        raise InvalidInput("some message_ids are not messages of this transaction", field="message_ids")
    if limit_per_hour is not None:
        from backend.members import reveals

        reveals.check_limit(session, staff=staff, member_id=thread.seller_id, limit=limit_per_hour, reason=reason)
    audit.record(session, actor_id=staff.id, actor_label=staff.username, action=REVEAL_ACTION,
                 target_type="transaction_messages", target_id=transaction_id,
                 after={"fields": ["message_text"], "message_ids": wanted}, reason=reason)
    rows = session.scalars(select(TransactionMessage).where(TransactionMessage.id.in_(wanted))
                           .order_by(TransactionMessage.sent_at, TransactionMessage.id))
    revealed = {m.id: m for m in render(session, rows, reveal=True)}
    thread.items = [revealed.get(m.id, m) for m in thread.items]
    thread.revealed = True
    return thread
