"""Every (status, action) pair against the state machine on the real database:
legal moves change status and money as the design says, illegal ones change nothing."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import func, select

from backend.audit.models import AuditEvent
from backend.db import Database
from backend.errors import Conflict, InvalidInput
from backend.escrow import service as escrow_service
from backend.escrow.models import LedgerEntry, Transaction
from tests.backend.escrow.conftest import PATHS, MakeTx

AMOUNT = 25_000
ACTIONS = ["pay", "ship", "receive", "complete", "cancel", "dispute", "release", "refund"]
# Written out by hand from docs (the test's own oracle): (status, action) -> (new status, paid, released, refunded).
LEGAL: dict[tuple[str, str], tuple[str, int, int, int]] = {
    ("awaiting_payment", "pay"): ("paid", AMOUNT, 0, 0),
    ("awaiting_payment", "cancel"): ("cancelled", 0, 0, 0),
    ("paid", "ship"): ("shipped", AMOUNT, 0, 0),
    ("paid", "cancel"): ("cancelled", AMOUNT, 0, AMOUNT),
    ("paid", "dispute"): ("disputed", AMOUNT, 0, 0),
    ("shipped", "receive"): ("received", AMOUNT, 0, 0),
    ("shipped", "cancel"): ("cancelled", AMOUNT, 0, AMOUNT),
    ("shipped", "dispute"): ("disputed", AMOUNT, 0, 0),
    ("received", "complete"): ("completed", AMOUNT, AMOUNT, 0),
    ("received", "cancel"): ("cancelled", AMOUNT, 0, AMOUNT),
    ("received", "dispute"): ("disputed", AMOUNT, 0, 0),
    ("disputed", "release"): ("released", AMOUNT, AMOUNT, 0),
    ("disputed", "refund"): ("refunded", AMOUNT, 0, AMOUNT),
    ("disputed", "cancel"): ("cancelled", AMOUNT, 0, AMOUNT),
}
PAIRS = list(itertools.product(PATHS, ACTIONS))


def _state(db: Database, tx_id: int) -> tuple[str, int, int, int, int]:
    with db.session() as s:
        status = s.scalar(select(Transaction.status).where(Transaction.id == tx_id))
        money = escrow_service.current_balance(s, tx_id)
        entries = s.scalar(select(func.count()).select_from(LedgerEntry).where(LedgerEntry.transaction_id == tx_id))
        return status, money.paid, money.released, money.refunded, entries


@pytest.mark.parametrize(("status", "action"), PAIRS, ids=[f"{s}-{a}" for s, a in PAIRS])
def test_transition(db: Database, make_tx: MakeTx, status: str, action: str) -> None:
    tx_id = make_tx(status, AMOUNT)
    before = _state(db, tx_id)
    if (status, action) in LEGAL:
        with db.transaction() as s:
            escrow_service.apply(s, transaction_id=tx_id, action=action, actor_id=None, actor_label="t",
                                 reason="test")
        new_status, paid, released, refunded, _ = _state(db, tx_id)
        assert (new_status, paid, released, refunded) == LEGAL[(status, action)]
        assert paid - released - refunded >= 0
        with db.session() as s:
            event = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        assert event.action == f"escrow.{action}" and event.target_id == str(tx_id)
        assert event.before["status"] == status and event.after["status"] == new_status
        assert event.after["held"] == paid - released - refunded
    else:
        with pytest.raises(Conflict) as refused, db.transaction() as s:
            escrow_service.apply(s, transaction_id=tx_id, action=action, actor_id=None, actor_label="t",
                                 reason="test")
        assert refused.value.code == "illegal_transition"
        assert status.replace("_", " ") in refused.value.message
        assert _state(db, tx_id) == before


def test_every_pair_is_covered() -> None:
    assert set(LEGAL) <= set(PAIRS)
    assert set(LEGAL) == set(escrow_service.TRANSITIONS)


def test_partial_refund_keeps_the_rest_on_hold(db: Database, make_tx: MakeTx) -> None:
    tx_id = make_tx("disputed", AMOUNT)
    with db.transaction() as s:
        escrow_service.apply(s, transaction_id=tx_id, action="refund", amount=10_000, actor_id=None,
                             actor_label="t", reason="half")
    assert _state(db, tx_id)[:4] == ("disputed", AMOUNT, 0, 10_000)
    with db.transaction() as s:
        escrow_service.apply(s, transaction_id=tx_id, action="release", actor_id=None, actor_label="t",
                             reason="rest to seller")
    assert _state(db, tx_id)[:4] == ("released", AMOUNT, 15_000, 10_000)


@pytest.mark.parametrize(("amount", "error", "code"), [
    (30_000, Conflict, "insufficient_held"), (0, InvalidInput, "invalid"), (-5, InvalidInput, "invalid"),
])
def test_refund_never_takes_held_below_zero(db: Database, make_tx: MakeTx, amount: int, error: type,
                                            code: str) -> None:
    tx_id = make_tx("disputed", AMOUNT)
    before = _state(db, tx_id)
    with pytest.raises(error) as refused, db.transaction() as s:
        escrow_service.apply(s, transaction_id=tx_id, action="refund", amount=amount, actor_id=None,
                             actor_label="t", reason="too much")
    assert refused.value.code == code
    assert _state(db, tx_id) == before


def test_reason_is_required_and_amount_only_for_refunds(db: Database, make_tx: MakeTx) -> None:
    tx_id = make_tx("paid")
    with pytest.raises(InvalidInput) as no_reason, db.transaction() as s:
        escrow_service.apply(s, transaction_id=tx_id, action="dispute", actor_id=None, actor_label="t", reason="  ")
    assert no_reason.value.field == "reason"
    with pytest.raises(InvalidInput) as stray_amount, db.transaction() as s:
        escrow_service.apply(s, transaction_id=tx_id, action="cancel", amount=5, actor_id=None, actor_label="t",
                             reason="x")
    assert stray_amount.value.field == "amount"
