"""Issue 21, step 1: messages on a transaction, masked for staff, revealed with a reason; import all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.cli import main
from backend.db import Database
from backend.escrow.models import Transaction
from backend.messages import service
from backend.messages.importer import import_messages
from backend.messages.models import TransactionMessage


def _post(db: Database, sample, text: str, *, sender: str = "buyer") -> int:
    with db.transaction() as s:
        return service.post(s, sender_id=getattr(sample, sender), text=text, transaction_id=sample.transaction).id


def test_thread_masks_contacts_and_reveal_needs_a_reason(client, headers, sample, db: Database) -> None:
    _post(db, sample, "届きましたか？")
    _post(db, sample, "電話は ０９０－１２３４－５６７８ です。メールは sato@example.jp", sender="seller")
    thread = client.get(f"/api/v1/transactions/{sample.transaction}/messages", headers=headers["agent"])
    assert thread.status_code == 200, thread.text
    items = thread.json()["items"]
    assert [m["sender_role"] for m in items] == ["buyer", "seller"]
    masked = items[1]["text"]
    assert "1234" not in masked and "5678" in masked and "sato@" not in masked and items[1]["masked"] == 2
    no_reason = client.post(f"/api/v1/transactions/{sample.transaction}/messages/reveal", json={"reason": "  "},
                            headers=headers["agent"])
    assert no_reason.status_code == 422
    refused = client.post(f"/api/v1/transactions/{sample.transaction}/messages/reveal", json={"reason": "x"},
                          headers=headers["moderator"])
    assert refused.status_code == 403
    revealed = client.post(f"/api/v1/transactions/{sample.transaction}/messages/reveal",
                           json={"reason": "police request 123"}, headers=headers["agent"])
    assert revealed.status_code == 200, revealed.text
    assert "０９０－１２３４－５６７８" in revealed.json()["items"][1]["text"]
    with db.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.target_type == "transaction_messages")).one()
        assert event.action == "member.contact_revealed" and event.reason == "police request 123"
        assert "090" not in json.dumps(event.after)  # who saw what, never the details themselves


def test_a_sender_outside_the_transaction_is_refused(client, headers, sample, db: Database) -> None:
    with db.transaction() as s:
        stranger = s.scalar(select(Transaction.id))
        assert stranger == sample.transaction
    import pytest

    from backend.errors import InvalidInput
    from backend.members.models import Member

    with db.transaction() as s:
        other = Member(external_id="m-other", display_name="Other")
        s.add(other)
        s.flush()
        with pytest.raises(InvalidInput):
            service.post(s, sender_id=other.id, text="hi", transaction_id=sample.transaction)


def _lines(rows: list[object]) -> list[str]:
    return [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]


def test_import_is_all_or_nothing_with_line_numbers(sample, db: Database) -> None:
    with db.transaction() as s:
        s.get(Transaction, sample.transaction).external_id = "T-1"
    good = {"external_id": "msg-1", "transaction_external_id": "T-1", "sender_external_id": "m-buyer",
            "sent_at": "2026-10-01T10:00:00+09:00", "text": "発送はいつ頃ですか？"}
    comment = {"external_id": "msg-2", "listing_external_id": "l-1", "sender_external_id": "m-appellant",
               "sent_at": "2026-10-01T11:00:00Z", "text": "値下げ可能ですか？"}
    bad = _lines([good, comment, "{not json", {**good, "external_id": "msg-4", "transaction_external_id": "T-9"},
                  {**good, "external_id": "msg-5", "sender_external_id": "m-appellant"},
                  {**good, "external_id": "msg-1"}, {**comment, "external_id": "msg-7", "transaction_external_id": "T-1"}])
    with db.transaction() as s:
        report = import_messages(s, bad)
        assert [line for line, _ in report.errors] == [3, 4, 5, 6, 7]
        assert "no transaction 'T-9'" in report.errors[1][1]
        assert "neither the buyer nor the seller" in report.errors[2][1]
        assert "repeats line 1" in report.errors[3][1]
        s.rollback()
    with db.session() as s:
        assert s.scalar(select(TransactionMessage.id)) is None
    with db.transaction() as s:
        report = import_messages(s, _lines([good, comment]))
        assert report.errors == [] and report.imported == 2
    with db.session() as s:
        rows = s.scalars(select(TransactionMessage).order_by(TransactionMessage.id)).all()
        assert [(r.context, r.transaction_id is not None) for r in rows] == [("transaction", True),
                                                                           ("listing_comment", False)]


def test_import_messages_cli_reports_lines(sample, db: Database, tmp_path: Path, capsys, database_url) -> None:
    path = tmp_path / "m.jsonl"
    path.write_text("\n".join(_lines([{"external_id": "a", "listing_external_id": "l-1", "sender_external_id": "m-buyer",
                                       "sent_at": "2026-10-01T10:00:00Z", "text": "hi"},
                                      {"external_id": "b", "listing_external_id": "nope",
                                       "sender_external_id": "m-buyer", "sent_at": "2026-10-01T10:00:00Z",
                                       "text": "hi"}])), encoding="utf-8")
    assert main(["--database-url", database_url, "import-messages", str(path)]) == 1
    err = capsys.readouterr().err
    assert ":line 2: listing_external_id: no listing 'nope'" in err and "nothing imported" in err
