"""Importing listings from JSON lines, all or nothing.

Every line is validated before anything is written, so a bad file reports
all its problems by line number and leaves the database untouched.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.escrow.models import EntryKind, LedgerEntry, Transaction, TransactionStatus
from backend.listings.keys import gtin14, normalise_model
from backend.listings.models import Listing, ListingStatus
from backend.members.models import Member

FEE_RATE = 0.10
_OPTIONAL = frozenset({"brand", "model_number", "barcode", "buyer_external_id", "sold_at"})


class ListingLine(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    external_id: str = Field(min_length=1, max_length=64)
    seller_external_id: str = Field(min_length=1, max_length=64)
    title: str = Field(min_length=1, max_length=256)
    description: str = Field(default="", max_length=20000)
    brand: str | None = Field(default=None, max_length=128)
    model_number: str | None = Field(default=None, max_length=128)
    barcode: str | None = Field(default=None, max_length=32)
    price: int = Field(ge=1, le=100_000_000)
    category: str = Field(min_length=1, max_length=64)
    status: Literal["active", "sold"] = "active"
    buyer_external_id: str | None = Field(default=None, max_length=64)
    sold_at: datetime | None = None

    @model_validator(mode="before")
    @classmethod
    def _empty_is_absent(cls, data: Any) -> Any:
        """Spreadsheets export an empty cell as "": for an optional field that means absent, like null."""
        if isinstance(data, dict):
            return {k: None if k in _OPTIONAL and isinstance(v, str) and not v.strip() else v
                    for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _sold_needs_buyer(self) -> ListingLine:
        if self.status == "sold" and not self.buyer_external_id:
            raise ValueError("a sold listing needs buyer_external_id")
        if self.status == "active" and (self.buyer_external_id or self.sold_at):
            raise ValueError("an active listing has no buyer_external_id or sold_at")
        if self.buyer_external_id and self.buyer_external_id == self.seller_external_id:
            raise ValueError("buyer and seller are the same member")
        return self


@dataclass
class ImportReport:
    imported: int = 0
    members_created: int = 0
    transactions_created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    listing_ids: list[int] = field(default_factory=list)


def parse(lines: Iterable[str]) -> tuple[list[ListingLine], list[tuple[int, str]]]:
    rows: list[ListingLine] = []
    errors: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            row = ListingLine.model_validate(json.loads(raw))
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
        rows.append(row)
    return rows, errors


def import_listings(
    session: Session,
    lines: Iterable[str],
    *,
    actor_label: str = "cli",
    on_listing: Callable[[Session, Listing], None] | None = None,
) -> ImportReport:
    """Validate everything, then write everything in the caller's transaction.

    ``on_listing`` lets screening score each new listing in the same transaction.
    """
    rows, errors = parse(lines)
    report = ImportReport(errors=errors)
    existing = _existing(session, Listing.external_id, [r.external_id for r in rows])
    for row in rows:
        if row.external_id in existing:
            report.errors.append((0, f"listing {row.external_id!r} already exists"))
    if report.errors or not rows:
        return report

    members = _members_by_external_id(session, rows, report)
    now = datetime.now(UTC)
    for row in rows:
        listing = Listing(
            external_id=row.external_id,
            seller_id=members[row.seller_external_id].id,
            title=row.title,
            description=row.description,
            category=row.category,
            brand=row.brand,
            model_number=row.model_number,
            barcode=row.barcode,
            barcode_gtin=gtin14(row.barcode),
            model_norm=normalise_model(row.model_number),
            price=row.price,
            status=ListingStatus.sold if row.status == "sold" else ListingStatus.active,
            created_at=now,
        )
        session.add(listing)
        session.flush()
        report.listing_ids.append(listing.id)
        if row.status == "sold" and row.buyer_external_id:
            _completed_sale(session, listing, members[row.buyer_external_id], row.sold_at or now)
            report.transactions_created += 1
        if on_listing is not None:
            on_listing(session, listing)
        report.imported += 1
    audit.record(
        session, actor_id=None, actor_label=actor_label, action="listings.import", target_type="listing_batch",
        target_id=f"{rows[0].external_id}..{rows[-1].external_id}",
        after={"listings": report.imported, "members_created": report.members_created,
               "transactions_created": report.transactions_created},
    )
    return report


#: Ids per IN (...) lookup: SQLite allows 32,766 bound parameters per statement, psycopg 65,535.
LOOKUP_CHUNK = 1000


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), LOOKUP_CHUNK):
        yield values[start:start + LOOKUP_CHUNK]


def _existing(session: Session, column: Any, values: list[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(values):
        found.update(session.scalars(select(column).where(column.in_(chunk))))
    return found


def _members_by_external_id(session: Session, rows: list[ListingLine], report: ImportReport) -> dict[str, Member]:
    wanted = {r.seller_external_id for r in rows} | {r.buyer_external_id for r in rows if r.buyer_external_id}
    members: dict[str, Member] = {}
    for chunk in _chunks(sorted(wanted)):
        members.update((m.external_id, m) for m in session.scalars(select(Member).where(Member.external_id.in_(chunk))))
    for external_id in sorted(wanted - members.keys()):
        member = Member(external_id=external_id, display_name=external_id)
        session.add(member)
        members[external_id] = member
        report.members_created += 1
    session.flush()
    return members


def _completed_sale(session: Session, listing: Listing, buyer: Member, sold_at: datetime) -> None:
    """A sale that already happened: paid, shipped, received, released."""
    if sold_at.tzinfo is None:
        sold_at = sold_at.replace(tzinfo=UTC)
    tx = Transaction(
        listing_id=listing.id, buyer_id=buyer.id, seller_id=listing.seller_id, amount=listing.price,
        fee=int(listing.price * FEE_RATE), status=TransactionStatus.completed, created_at=sold_at, updated_at=sold_at,
    )
    session.add(tx)
    session.flush()
    steps = [(EntryKind.payment, listing.price), (EntryKind.shipped, 0), (EntryKind.received, 0),
             (EntryKind.release, listing.price)]
    for seq, (kind, amount) in enumerate(steps, start=1):
        session.add(LedgerEntry(transaction_id=tx.id, seq=seq, kind=kind, amount=amount,
                                actor_label="import", created_at=sold_at))
