"""Checking every escrow ledger against the invariants, for operators after an
import, a restore or a bug report: one aggregate query over the ledger."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from backend.escrow.models import EntryKind, LedgerEntry, Transaction
from backend.escrow.models import TransactionStatus as S

_SETTLED = frozenset({S.completed, S.released, S.cancelled, S.refunded})  # nothing may stay held
_HOLDING = frozenset({S.paid, S.shipped, S.received, S.disputed})  # the payment is still held


@dataclass(frozen=True)
class Problem:
    transaction_id: int
    status: str
    message: str


def _sum(kind: EntryKind) -> object:
    return func.coalesce(func.sum(case((LedgerEntry.kind == kind, LedgerEntry.amount), else_=0)), 0)


def problems(session: Session) -> Iterator[Problem]:
    """Every transaction whose ledger breaks held = paid − released − refunded ≥ 0 (which also rules
    out fully released and refunded) or disagrees with its status."""
    stmt = (
        select(Transaction.id, Transaction.status, _sum(EntryKind.payment), _sum(EntryKind.release),
               _sum(EntryKind.refund))
        .outerjoin(LedgerEntry, LedgerEntry.transaction_id == Transaction.id)
        .group_by(Transaction.id, Transaction.status)
        .order_by(Transaction.id)
    )
    for tx_id, status, paid, released, refunded in session.execute(stmt.execution_options(yield_per=10_000)):
        held = paid - released - refunded
        if held < 0:
            yield Problem(tx_id, status, f"held is ¥{held:,}: paid ¥{paid:,}, released ¥{released:,}, "
                                         f"refunded ¥{refunded:,}")
        elif status in _SETTLED and held:
            yield Problem(tx_id, status, f"¥{held:,} still held on a settled transaction")
        elif status in _HOLDING and not held:
            yield Problem(tx_id, status, "nothing held on a transaction that should hold the payment")
        elif status == S.awaiting_payment and paid:
            yield Problem(tx_id, status, f"¥{paid:,} paid on a transaction awaiting payment")
