"""A small, fully linked marketplace for API tests: one of every kind of row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest

from backend.audit import service as audit
from backend.db import Database, utcnow
from backend.escrow.models import EntryKind, LedgerEntry, Transaction, TransactionStatus
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry, InquiryMessage
from backend.listings.models import Listing
from backend.members.models import Member
from backend.ratings.models import Rating


@dataclass(frozen=True)
class Sample:
    seller: int
    buyer: int
    listing: int
    transaction: int
    inquiry: int
    flag: int

    def path_ids(self) -> dict[str, int]:
        """Values for every {placeholder} the API's paths use."""
        return {"member_id": self.seller, "listing_id": self.listing, "transaction_id": self.transaction,
                "inquiry_id": self.inquiry, "flag_id": self.flag}


@pytest.fixture
def sample(db: Database) -> Sample:
    now = utcnow()
    with db.transaction() as s:
        seller = Member(external_id="m-seller", display_name="Sato Seller", email="sato@example.jp",
                        phone="090-1234-5678", address="Tokyo Shibuya 1-2-3")
        buyer = Member(external_id="m-buyer", display_name="Brown Buyer", email="brown@example.com")
        s.add_all([seller, buyer])
        s.flush()
        listing = Listing(external_id="l-1", seller_id=seller.id, title="Nintendo Switch 本体", category="games",
                          brand="Nintendo", price=25000, status="sold")
        s.add(listing)
        s.flush()
        tx = Transaction(listing_id=listing.id, buyer_id=buyer.id, seller_id=seller.id, amount=25000, fee=2500,
                         status=TransactionStatus.paid)
        s.add(tx)
        s.flush()
        s.add(LedgerEntry(transaction_id=tx.id, seq=1, kind=EntryKind.payment, amount=25000))
        s.add(Rating(transaction_id=tx.id, rater_id=buyer.id, ratee_id=seller.id, direction="buyer_to_seller",
                     score="good", comment="fast"))
        inquiry = Inquiry(member_id=buyer.id, category="item_not_received", subject="Where is my Switch?",
                          transaction_id=tx.id, listing_id=listing.id, first_response_due=now + timedelta(hours=4),
                          resolution_due=now + timedelta(hours=48))
        s.add(inquiry)
        s.flush()
        s.add(InquiryMessage(inquiry_id=inquiry.id, kind="member", body="It has not arrived."))
        flag = Flag(listing_id=listing.id, source="detector", policy="counterfeit", score=0.8,
                    reasons=[{"signal": "rule", "policy": "counterfeit", "text": "says replica", "spans": []}])
        s.add(flag)
        s.flush()
        audit.record(s, actor_id=None, actor_label="test", action="sample.create", target_type="listing",
                     target_id=listing.id)
        return Sample(seller.id, buyer.id, listing.id, tx.id, inquiry.id, flag.id)
