"""``python -m backend escrow-verify`` finds ledgers that break the invariants."""

from __future__ import annotations

import pytest

from backend.cli import main
from backend.db import Database
from backend.escrow.models import EntryKind, LedgerEntry
from tests.backend.escrow.conftest import PATHS, MakeTx


def test_consistent_ledgers_pass_and_a_double_refund_is_found(db: Database, make_tx: MakeTx,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    ids = {status: make_tx(status, 9_000) for status in PATHS}
    assert main(["--database-url", db.url, "escrow-verify"]) == 0
    assert "consistent" in capsys.readouterr().out

    with db.transaction() as s:  # a second refund written behind the service's back
        s.add(LedgerEntry(transaction_id=ids["refunded"], seq=99, kind=EntryKind.refund, amount=9_000))
        s.add(LedgerEntry(transaction_id=ids["completed"], seq=99, kind=EntryKind.payment, amount=100))
    assert main(["--database-url", db.url, "escrow-verify"]) == 1
    err = capsys.readouterr().err
    assert f"transaction {ids['refunded']} (refunded): held is ¥-9,000" in err
    assert f"transaction {ids['completed']} (completed): ¥100 still held on a settled transaction" in err
    assert "2 transaction(s)" in err
