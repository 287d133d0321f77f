"""A small, fully linked marketplace for API tests: one of every kind of row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from backend.audit import service as audit
from backend.db import Database, utcnow
from backend.enforcement.models import Appeal, Takedown
from backend.escrow.models import EntryKind, LedgerEntry, RefundApproval, Transaction, TransactionStatus
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry, InquiryMessage
from backend.listings.models import Listing
from backend.members.models import Member
from backend.queue.models import Macro, QueueItem
from backend.ratings.models import Rating
from backend.recalls.models import Notice, Recall, RecallMatch
from backend.staff.models import RotaEntry, Shift, Staff


@dataclass(frozen=True)
class Sample:
    seller: int
    buyer: int
    listing: int
    transaction: int
    inquiry: int
    flag: int
    refund_approval: int
    takedown: int = 0
    appeal: int = 0
    queue_item: int = 0  # the flag's queue row
    macro: int = 0
    shift: int = 0
    rota_entry: int = 0
    recall: int = 0
    notice: int = 0
    staff: int = 0  # the test agent

    def path_ids(self) -> dict[str, int]:
        """Values for every {placeholder} the API's paths use."""
        return {"member_id": self.seller, "listing_id": self.listing, "transaction_id": self.transaction,
                "inquiry_id": self.inquiry, "flag_id": self.flag,
                "approval_id": self.refund_approval, "key": self.seller,
                "takedown_id": self.takedown, "appeal_id": self.appeal,
                "queue_item_id": self.queue_item, "macro_id": self.macro, "shift_id": self.shift,
                "rota_entry_id": self.rota_entry, "recall_id": self.recall, "notice_id": self.notice,
                "policy": "counterfeit", "version_id": 1,
                "staff_id": self.staff}


@pytest.fixture(autouse=True)
def audit_checkpoint_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Each test its own audit checkpoint directory (backend/audit/checkpoints.py): the
    database is wiped between tests, and a chain id's checkpoints must not outlive it."""
    directory = tmp_path_factory.mktemp("checkpoints")
    monkeypatch.setenv("ANZEN_AUDIT_CHECKPOINT_DIR", str(directory))
    return directory


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
        agent = s.scalar(select(Staff).where(Staff.username == "test-agent"))
        approval = RefundApproval(transaction_id=tx.id, action="cancel", amount=25000, reason="sample",
                                  requested_by_id=agent.id)
        s.add(approval)
        s.flush()
        appellant = Member(external_id="m-appellant", display_name="Abe Appellant")
        s.add(appellant)
        s.flush()
        removed = Listing(external_id="l-removed", seller_id=appellant.id, title="N1KE sneakers", category="shoes",
                          price=9800, status="removed")
        s.add(removed)
        s.flush()
        moderator = s.scalar(select(Staff).where(Staff.username == "test-moderator"))
        takedown = Takedown(listing_id=removed.id, reason_code="counterfeit", actor_id=moderator.id,
                            status_before="active")
        s.add(takedown)
        s.flush()
        appeal = Appeal(takedown_id=takedown.id, member_id=appellant.id, statement="They are genuine.",
                        filed_by_id=agent.id)
        s.add(appeal)
        s.flush()
        macro = Macro(name="Sample greeting", body="Hello {member_name}, about transaction {transaction_id}.")
        shift = Shift(name="sample-day", start_minute=0, duration_minutes=1440, timezone="Asia/Tokyo", active=True)
        s.add_all([macro, shift])
        s.flush()
        rota_entry = RotaEntry(staff_id=agent.id, shift_id=shift.id, day="2030-01-01")
        s.add(rota_entry)
        s.flush()
        queue_item = s.scalar(select(QueueItem.id).where(QueueItem.kind == "flag", QueueItem.ref_id == flag.id))
        recall = Recall(source="manual", number="S-1", title="Sample recall", requested_at=now,
                        removal_due_at=now + timedelta(days=2))
        s.add(recall)
        s.flush()
        s.add(RecallMatch(recall_id=recall.id, listing_id=listing.id, score=0.9, confidence="high", evidence=[]))
        notice = Notice(recall_id=recall.id, member_id=buyer.id, listing_id=listing.id, why="bought")
        s.add(notice)
        s.flush()
        return Sample(seller.id, buyer.id, listing.id, tx.id, inquiry.id, flag.id, refund_approval=approval.id,
                      takedown=takedown.id, appeal=appeal.id, queue_item=queue_item, macro=macro.id,
                      shift=shift.id, rota_entry=rota_entry.id, recall=recall.id, notice=notice.id,
                      staff=agent.id)
