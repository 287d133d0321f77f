"""The escrow state machine. Money is an append-only ledger; the transaction
row's status follows it. Every change locks the transaction row first, so two
agents acting on one transaction at once are serialised and the second sees
the first's result (and is refused if it no longer applies).

    awaiting_payment -> paid(held) -> shipped -> received -> completed(released)
    before completed: -> cancelled(refunded to buyer)
    paid/shipped/received -> disputed(on hold) -> released | refunded
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.errors import Conflict, InvalidInput, NotFound
from backend.escrow.ledger import Balance, balance
from backend.escrow.models import EntryKind, LedgerEntry, Transaction
from backend.escrow.models import TransactionStatus as S

# (from, action) -> to. The one table of legal moves.
TRANSITIONS: dict[tuple[str, str], str] = {
    (S.awaiting_payment, "pay"): S.paid,
    (S.awaiting_payment, "cancel"): S.cancelled,
    (S.paid, "ship"): S.shipped,
    (S.shipped, "receive"): S.received,
    (S.received, "complete"): S.completed,
    (S.paid, "cancel"): S.cancelled,
    (S.shipped, "cancel"): S.cancelled,
    (S.received, "cancel"): S.cancelled,
    (S.paid, "dispute"): S.disputed,
    (S.shipped, "dispute"): S.disputed,
    (S.received, "dispute"): S.disputed,
    (S.disputed, "release"): S.released,
    (S.disputed, "refund"): S.refunded,
}
# Transactions a takedown must cancel: money may still move on them.
OPEN_STATUSES = frozenset({S.awaiting_payment, S.paid, S.shipped, S.received, S.disputed})


def lock_transaction(session: Session, transaction_id: int) -> Transaction:
    tx = session.scalar(select(Transaction).where(Transaction.id == transaction_id).with_for_update())
    if tx is None:
        raise NotFound(f"No transaction with id {transaction_id}.")
    return tx


def ledger_of(session: Session, transaction_id: int) -> list[LedgerEntry]:
    return list(session.scalars(
        select(LedgerEntry).where(LedgerEntry.transaction_id == transaction_id).order_by(LedgerEntry.seq)
    ))


def current_balance(session: Session, transaction_id: int) -> Balance:
    return balance(ledger_of(session, transaction_id))


def _append(session: Session, tx: Transaction, kind: EntryKind, amount: int, actor_id: int | None,
            actor_label: str, note: str | None) -> LedgerEntry:
    seq = (session.scalar(select(func.max(LedgerEntry.seq)).where(LedgerEntry.transaction_id == tx.id)) or 0) + 1
    entry = LedgerEntry(transaction_id=tx.id, seq=seq, kind=kind, amount=amount, actor_staff_id=actor_id,
                        actor_label=actor_label, note=note)
    session.add(entry)
    return entry


def apply(
    session: Session,
    *,
    transaction_id: int,
    action: str,
    actor_id: int | None,
    actor_label: str,
    reason: str,
    amount: int | None = None,
) -> Transaction:
    """Apply one escrow action, with its ledger lines and audit event.

    ``amount`` is for partial refunds only; a partial refund keeps the
    transaction disputed with the rest still held. Anything that would make
    held negative, or move an illegal edge, is refused.
    """
    if not reason or not reason.strip():
        raise InvalidInput("a reason is required", field="reason")
    tx = lock_transaction(session, transaction_id)
    target = TRANSITIONS.get((tx.status, action))
    partial_refund = action == "refund" and amount is not None
    if target is None:
        raise Conflict(f"Cannot {action} a transaction that is {tx.status.replace('_', ' ')}.", code="illegal_transition")
    before = {"status": tx.status, **_money(session, tx.id)}
    held = current_balance(session, tx.id).held

    if action == "pay":
        _append(session, tx, EntryKind.payment, tx.amount, actor_id, actor_label, reason)
    elif action in ("ship", "receive", "dispute"):
        kind = {"ship": EntryKind.shipped, "receive": EntryKind.received, "dispute": EntryKind.dispute}[action]
        _append(session, tx, kind, 0, actor_id, actor_label, reason)
    elif action in ("complete", "release"):
        _append(session, tx, EntryKind.release, held, actor_id, actor_label, reason)
    elif action == "cancel":
        if held:
            _append(session, tx, EntryKind.refund, held, actor_id, actor_label, reason)
        _append(session, tx, EntryKind.cancel, 0, actor_id, actor_label, reason)
    elif action == "refund":
        refund = held if amount is None else amount
        if refund <= 0:
            raise InvalidInput("a refund must be more than ¥0", field="amount")
        if refund > held:
            raise Conflict(f"Cannot refund ¥{refund:,}: only ¥{held:,} is held.", code="insufficient_held")
        _append(session, tx, EntryKind.refund, refund, actor_id, actor_label, reason)
        if partial_refund and refund < held:
            target = S.disputed  # the rest stays on hold until released or refunded
    tx.status = target
    session.flush()
    after = {"status": tx.status, **_money(session, tx.id)}
    assert after["held"] >= 0, "escrow invariant broken"
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action=f"escrow.{action}",
                 target_type="transaction", target_id=tx.id, before=before, after=after, reason=reason)
    return tx


def _money(session: Session, transaction_id: int) -> dict[str, int]:
    b = current_balance(session, transaction_id)
    return {"paid": b.paid, "released": b.released, "refunded": b.refunded, "held": b.held}
