"""The escrow state machine. Money is an append-only ledger; the transaction
row's status follows it. Every change locks the transaction row first, so two
agents acting on one transaction at once are serialised and the second sees
the first's result (and is refused if it no longer applies).

    awaiting_payment -> paid(held) -> shipped -> received -> completed(released)
    before completed: -> cancelled(refunded to buyer)
    paid/shipped/received -> disputed(on hold) -> released | refunded

Who may trigger which action (and how much an agent may refund) is decided
by the callers: ``backend.escrow.actions`` for staff, the takedown for
enforcement. This module only keeps the ledger legal.
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
    (S.disputed, "cancel"): S.cancelled,  # a takedown or an agent undoes a disputed sale, refunding what is held
}
# Transactions a takedown must cancel: money may still move on them.
OPEN_STATUSES = frozenset({S.awaiting_payment, S.paid, S.shipped, S.received, S.disputed})


def lock_transaction(session: Session, transaction_id: int) -> Transaction:
    """Lock the row (FOR UPDATE on PostgreSQL; SQLite writers are serialised by
    BEGIN IMMEDIATE) and reload it, so a copy read before the lock is not trusted."""
    stmt = select(Transaction).where(Transaction.id == transaction_id).with_for_update()
    tx = session.scalar(stmt.execution_options(populate_existing=True))
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
    held negative, or move an illegal edge, is refused. Callers check who may
    act (and refund limits) before calling: a takedown cancels here too.
    """
    if not reason or not reason.strip():
        raise InvalidInput("a reason is required", field="reason")
    if amount is not None and action != "refund":
        raise InvalidInput(f"an amount is only taken by a refund, not by {action}", field="amount")
    tx = lock_transaction(session, transaction_id)
    target = TRANSITIONS.get((tx.status, action))
    if target is None:
        raise Conflict(f"Cannot {action} a transaction that is {tx.status.replace('_', ' ')}.",
                       code="illegal_transition")
    before_balance = current_balance(session, tx.id)
    held = before_balance.held

    def append(kind: EntryKind, value: int = 0) -> None:
        _append(session, tx, kind, value, actor_id, actor_label, reason)

    if action == "pay":
        append(EntryKind.payment, tx.amount)
    elif action in ("ship", "receive", "dispute"):
        append({"ship": EntryKind.shipped, "receive": EntryKind.received, "dispute": EntryKind.dispute}[action])
    elif action in ("complete", "release"):
        append(EntryKind.release, held)
    elif action == "cancel":
        if held:
            append(EntryKind.refund, held)
        append(EntryKind.cancel)
    elif action == "refund":
        refund = held if amount is None else amount
        if refund <= 0:
            raise InvalidInput("a refund must be more than ¥0", field="amount")
        if refund > held:
            raise Conflict(f"Cannot refund ¥{refund:,}: only ¥{held:,} is held.", code="insufficient_held")
        append(EntryKind.refund, refund)
        if refund < held:
            target = S.disputed  # the rest stays on hold until released or refunded
    session.flush()
    after_balance = current_balance(session, tx.id)
    if after_balance.held < 0:  # unreachable by the checks above; never commit a ledger that breaks it
        raise RuntimeError(f"escrow invariant broken on transaction {tx.id}: held {after_balance.held}")
    before = _snapshot(tx.status, before_balance)
    tx.status = target
    session.flush()
    audit.record(session, actor_id=actor_id, actor_label=actor_label, action=f"escrow.{action}",
                 target_type="transaction", target_id=tx.id, before=before,
                 after=_snapshot(tx.status, after_balance), reason=reason)
    return tx


def _snapshot(status: str, money: Balance) -> dict[str, int | str]:
    return {"status": status, "paid": money.paid, "released": money.released, "refunded": money.refunded,
            "held": money.held}
