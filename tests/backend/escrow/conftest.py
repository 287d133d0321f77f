"""Transactions driven into any escrow state through the state machine itself,
so every test starts from a ledger the service would have written."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backend.db import Database
from backend.escrow import service as escrow_service
from backend.escrow.models import Transaction
from backend.listings.models import Listing
from backend.members.models import Member

# The actions that lead from awaiting_payment to each status.
PATHS: dict[str, list[str]] = {
    "awaiting_payment": [],
    "paid": ["pay"],
    "shipped": ["pay", "ship"],
    "received": ["pay", "ship", "receive"],
    "completed": ["pay", "ship", "receive", "complete"],
    "cancelled": ["cancel"],
    "disputed": ["pay", "dispute"],
    "released": ["pay", "dispute", "release"],
    "refunded": ["pay", "dispute", "refund"],
}

MakeTx = Callable[..., int]


@pytest.fixture
def make_tx(db: Database) -> MakeTx:
    counter = iter(range(1, 10_000))

    def make(status: str, amount: int = 25_000) -> int:
        n = next(counter)
        with db.transaction() as s:
            seller = Member(external_id=f"seller-{n}", display_name=f"Seller {n}", email=f"s{n}@example.jp")
            buyer = Member(external_id=f"buyer-{n}", display_name=f"Buyer {n}")
            s.add_all([seller, buyer])
            s.flush()
            listing = Listing(external_id=f"listing-{n}", seller_id=seller.id, title=f"Item {n}",
                              category="games", price=amount)
            s.add(listing)
            s.flush()
            tx = Transaction(listing_id=listing.id, buyer_id=buyer.id, seller_id=seller.id, amount=amount,
                             fee=amount // 10, status="awaiting_payment")
            s.add(tx)
            s.flush()
            for action in PATHS[status]:
                escrow_service.apply(s, transaction_id=tx.id, action=action, actor_id=None, actor_label="setup",
                                     reason="test setup")
            assert tx.status == status
            return tx.id

    return make
