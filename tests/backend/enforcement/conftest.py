"""A small shop to take down: a seller with listings whose transactions sit in
every escrow state that matters, flags on them, and a second moderator for
the "someone else decides the appeal" rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backend.audit.models import AuditEvent
from backend.db import Database
from backend.enforcement.models import Appeal, MemberNotification, Sanction, Strike, Takedown
from backend.escrow.models import EntryKind, LedgerEntry, Transaction
from backend.flags.models import Flag
from backend.listings.models import Listing
from backend.members.models import Member
from backend.screening.models import DecisionLabel
from backend.staff import service as staff_service
from backend.staff.models import Staff
from tests.conftest import PASSWORD

_PAYMENT_STATES = {"paid", "shipped", "received", "disputed", "completed"}


def add_listing(s: Session, seller_id: int, *, status: str = "active", title: str = "ルイヴィトン 財布 新品",
                external_id: str | None = None) -> Listing:
    count = s.scalar(select(func.count()).select_from(Listing)) or 0
    listing = Listing(external_id=external_id or f"l-e{count + 1}", seller_id=seller_id, title=title,
                      description="国内正規品です", category="bags", price=12000, status=status)
    s.add(listing)
    s.flush()
    return listing


def add_transaction(s: Session, listing: Listing, buyer_id: int, *, status: str, amount: int = 12000) -> Transaction:
    tx = Transaction(listing_id=listing.id, buyer_id=buyer_id, seller_id=listing.seller_id, amount=amount,
                     status=status)
    s.add(tx)
    s.flush()
    if status in _PAYMENT_STATES:
        s.add(LedgerEntry(transaction_id=tx.id, seq=1, kind=EntryKind.payment, amount=amount))
    if status == "completed":
        s.add(LedgerEntry(transaction_id=tx.id, seq=2, kind=EntryKind.release, amount=amount))
    s.flush()
    return tx


@dataclass(frozen=True)
class Shop:
    seller: int
    buyer: int
    listing: int  # active, with a paid, a disputed, an awaiting-payment and a completed transaction
    paid: int
    disputed: int
    awaiting: int
    completed: int
    flag: int
    report: int  # a second open flag on the same listing
    other_listings: list[int]


@pytest.fixture
def shop(db: Database) -> Shop:
    with db.transaction() as s:
        seller = Member(external_id="m-shop", display_name="Shop Seller")
        buyer = Member(external_id="m-shop-buyer", display_name="Shop Buyer")
        s.add_all([seller, buyer])
        s.flush()
        listing = add_listing(s, seller.id, external_id="l-shop")
        paid = add_transaction(s, listing, buyer.id, status="paid", amount=5000)
        disputed = add_transaction(s, listing, buyer.id, status="disputed", amount=3000)
        awaiting = add_transaction(s, listing, buyer.id, status="awaiting_payment", amount=2000)
        completed = add_transaction(s, listing, buyer.id, status="completed", amount=7000)
        flag = Flag(listing_id=listing.id, source="detector", policy="counterfeit", score=0.91, reasons=[])
        report = Flag(listing_id=listing.id, source="member_report", policy="counterfeit", score=0.6, reasons=[])
        s.add_all([flag, report])
        others = [add_listing(s, seller.id, title=f"N1KE スニーカー {i}").id for i in range(3)]
        s.flush()
        return Shop(seller.id, buyer.id, listing.id, paid.id, disputed.id, awaiting.id, completed.id, flag.id,
                    report.id, others)


def snapshot(db: Database) -> dict[str, object]:
    """Everything a takedown could touch, to compare before and after."""
    with db.session() as s:
        def rows(stmt: object) -> list[tuple[object, ...]]:
            return [tuple(r) for r in s.execute(stmt).all()]  # type: ignore[call-overload]

        return {
            "listings": rows(select(Listing.id, Listing.status, Listing.version).order_by(Listing.id)),
            "transactions": rows(select(Transaction.id, Transaction.status, Transaction.version)
                                 .order_by(Transaction.id)),
            "ledger": rows(select(LedgerEntry.id, LedgerEntry.kind, LedgerEntry.amount).order_by(LedgerEntry.id)),
            "flags": rows(select(Flag.id, Flag.status, Flag.version).order_by(Flag.id)),
            "members": rows(select(Member.id, Member.status, Member.strikes, Member.version).order_by(Member.id)),
            "counts": {model.__tablename__: s.scalar(select(func.count()).select_from(model))
                       for model in (Takedown, Strike, DecisionLabel, MemberNotification, AuditEvent, Appeal,
                                     Sanction)},
        }


@pytest.fixture(scope="session")
def second_moderator(session_db: Database, role_staff: dict[str, int]) -> tuple[int, dict[str, str]]:
    """Another moderator (id, headers): appeals must be decided by someone other than the taker-down."""
    with session_db.transaction() as s:
        staff = s.scalar(select(Staff).where(Staff.username == "test-moderator-2"))
        if staff is None:
            staff = staff_service.create_staff(s, username="test-moderator-2", password=PASSWORD, role="moderator")
        token, _expires, _ = staff_service.login(s, username="test-moderator-2", password=PASSWORD)
        return staff.id, {"Authorization": f"Bearer {token}"}


@pytest.fixture
def staff_of(db: Database) -> Callable[[str], Staff]:
    """The ORM Staff row for a username, for calling services directly."""
    def load(username: str) -> Staff:
        with db.session() as s:
            return s.scalars(select(Staff).where(Staff.username == username)).one()
    return load
