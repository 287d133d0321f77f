"""Importing messages from JSON lines, all or nothing (like ``import-listings``).

Each line: ``{external_id, transaction_external_id or listing_external_id,
sender_external_id, sent_at, text}``. Every line is checked first (JSON, fields,
repeated ids, unknown transactions, listings and senders, a sender who is not
party to the transaction); any problem is reported with its line number and
nothing is written. Otherwise every message is stored, and screened, in the
caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.escrow.models import Transaction
from backend.listings.models import Listing
from backend.members.models import Member
from backend.messages.models import MessageContext, TransactionMessage

LOOKUP_CHUNK = 1000
_OPTIONAL = frozenset({"transaction_external_id", "listing_external_id"})


class MessageLine(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    external_id: str = Field(min_length=1, max_length=64)
    transaction_external_id: str | None = Field(default=None, max_length=64)
    listing_external_id: str | None = Field(default=None, max_length=64)
    sender_external_id: str = Field(min_length=1, max_length=64)
    sent_at: datetime
    text: str = Field(min_length=1, max_length=5000)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_absent(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: (None if k in _OPTIONAL and isinstance(v, str) and not v.strip() else v) for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _one_target(self) -> MessageLine:
        if (self.transaction_external_id is None) == (self.listing_external_id is None):
            raise ValueError("give transaction_external_id or listing_external_id (a public comment), not both")
        return self


@dataclass
class ImportReport:
    imported: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    message_ids: list[int] = field(default_factory=list)


def parse(lines: Iterable[str]) -> tuple[list[tuple[int, MessageLine]], list[tuple[int, str]]]:
    rows: list[tuple[int, MessageLine]] = []
    errors: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            row = MessageLine.model_validate(json.loads(raw))
        except json.JSONDecodeError as exc:
            errors.append((number, f"not valid JSON: {exc.msg}"))
            continue
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            errors.append((number, f"{where + ': ' if where else ''}{first['msg']}"))
            continue
        if row.external_id in seen:
            errors.append((number, f"external_id {row.external_id!r} repeats line {seen[row.external_id]}"))
            continue
        seen[row.external_id] = number
        rows.append((number, row))
    return rows, errors


def _lookup(session: Session, column: Any, values: Iterable[str], *entities: Any) -> dict[str, Any]:
    wanted = sorted(set(values))
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        chunk = wanted[start:start + LOOKUP_CHUNK]
        for row in session.execute(select(column, *entities).where(column.in_(chunk))):
            found[row[0]] = row
    return found


def import_messages(session: Session, lines: Iterable[str], *, actor_label: str = "cli",
                    on_message: Callable[[Session, TransactionMessage], object] | None = None) -> ImportReport:
    """Validate everything, then write everything in the caller's transaction."""
    rows, errors = parse(lines)
    report = ImportReport(errors=errors)
    existing = _lookup(session, TransactionMessage.external_id, [r.external_id for _, r in rows])
    txs = _lookup(session, Transaction.external_id, [r.transaction_external_id for _, r in rows
                                                     if r.transaction_external_id],
                  Transaction.id, Transaction.listing_id, Transaction.buyer_id, Transaction.seller_id)
    listings = _lookup(session, Listing.external_id, [r.listing_external_id for _, r in rows
                                                      if r.listing_external_id], Listing.id)
    members = _lookup(session, Member.external_id, [r.sender_external_id for _, r in rows], Member.id)
    for number, row in rows:
        if row.external_id in existing:
            report.errors.append((number, f"message {row.external_id!r} already exists"))
        if row.sender_external_id not in members:
            report.errors.append((number, f"sender_external_id: no member {row.sender_external_id!r}"))
        if row.transaction_external_id:
            tx = txs.get(row.transaction_external_id)
            if tx is None:
                report.errors.append((number, f"transaction_external_id: no transaction "
                                              f"{row.transaction_external_id!r}"))
            elif row.sender_external_id in members and members[row.sender_external_id].id not in (
                    tx.buyer_id, tx.seller_id):
                report.errors.append((number, "sender_external_id: the sender is neither the buyer nor the seller "
                                              "of the transaction"))
        elif row.listing_external_id not in listings:
            report.errors.append((number, f"listing_external_id: no listing {row.listing_external_id!r}"))
    report.errors.sort()
    if report.errors or not rows:
        return report
    now = datetime.now(UTC)
    for _number, row in rows:
        tx = txs.get(row.transaction_external_id) if row.transaction_external_id else None
        sent_at = row.sent_at if row.sent_at.tzinfo else row.sent_at.replace(tzinfo=UTC)
        message = TransactionMessage(
            external_id=row.external_id,
            context=MessageContext.transaction if tx else MessageContext.listing_comment,
            transaction_id=tx.id if tx else None,
            listing_id=tx.listing_id if tx else listings[row.listing_external_id].id,
            sender_id=members[row.sender_external_id].id, text=row.text, sent_at=sent_at, created_at=now)
        session.add(message)
        session.flush()
        report.message_ids.append(message.id)
        if on_message is not None:
            on_message(session, message)
        report.imported += 1
    audit.record(session, actor_id=None, actor_label=actor_label, action="messages.import",
                 target_type="message_batch", target_id=f"{rows[0][1].external_id}..{rows[-1][1].external_id}",
                 after={"messages": report.imported})
    return report
