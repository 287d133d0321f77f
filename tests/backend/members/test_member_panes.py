"""The member, ratings and lookup panes on the real database: counts, signals
with their reasons, masked contact details and the audited reveal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.enforcement.models import Strike, Takedown
from backend.escrow.models import Transaction
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry
from backend.listings.models import Listing
from backend.members import signals
from backend.members.models import Member
from backend.ratings.models import Rating

API = "/api/v1"


@dataclass(frozen=True)
class Seller:
    member: int
    other: int
    listing: int
    transaction: int


@pytest.fixture
def seller(db: Database, role_staff: dict[str, int]) -> Seller:
    """A five-day-old account: 14 listings today (3 at ¥50,000+), 6 bad ratings of 20, 2 takedowns."""
    now = utcnow()
    with db.transaction() as s:
        member = Member(external_id="m-tanaka", display_name="Tanaka", email="tanaka@example.jp",
                        phone="080-9876-5432", address="Osaka Kita 4-5-6", joined_at=now - timedelta(days=5),
                        strikes=2)
        other = Member(external_id="m-other", display_name="Other", joined_at=now - timedelta(days=900))
        s.add_all([member, other])
        s.flush()
        listings = [Listing(external_id=f"l-t{i}", seller_id=member.id, title=f"Bag {i}", category="bags",
                            price=80_000 if i < 3 else 3_000, status="active" if i < 10 else "removed",
                            created_at=now - timedelta(hours=i)) for i in range(14)]
        s.add_all(listings)
        s.flush()
        sales = [Transaction(listing_id=listings[i % 14].id, buyer_id=other.id, seller_id=member.id, amount=3_000,
                             status=status, created_at=now - timedelta(days=1, minutes=i))
                 for i, status in enumerate(["completed"] * 17 + ["disputed", "refunded", "paid"])]
        purchase = Transaction(listing_id=listings[0].id, buyer_id=member.id, seller_id=other.id, amount=1_000,
                               status="completed")
        s.add_all([*sales, purchase])
        s.flush()
        for i, tx in enumerate(sales):
            score = "bad" if i < 6 else ("normal" if i < 8 else "good")
            s.add(Rating(transaction_id=tx.id, rater_id=other.id, ratee_id=member.id, direction="buyer_to_seller",
                         score=score, comment=f"comment {i}", created_at=now - timedelta(days=2, minutes=i)))
        s.add(Rating(transaction_id=sales[0].id, rater_id=member.id, ratee_id=other.id,
                     direction="seller_to_buyer", score="good", comment="thanks"))
        s.add(Rating(transaction_id=purchase.id, rater_id=other.id, ratee_id=member.id,
                     direction="seller_to_buyer", score="bad", comment="old and rude",
                     created_at=now - timedelta(days=400)))
        actor = role_staff["moderator"]
        downs = [Takedown(listing_id=listings[10 + i].id, reason_code="counterfeit", actor_id=actor,
                          created_at=now - timedelta(days=i + 1)) for i in range(3)]
        downs[2].reversed_at = now
        s.add_all(downs)
        s.flush()
        s.add_all([Strike(member_id=member.id, takedown_id=downs[0].id, policy="counterfeit"),
                   Strike(member_id=member.id, takedown_id=downs[1].id, policy="counterfeit",
                          created_at=now - timedelta(days=1))])
        s.add_all([Flag(listing_id=listings[1].id, source="detector", policy="counterfeit", score=0.9),
                   Flag(listing_id=listings[2].id, source="member_report", policy="counterfeit", score=0.5,
                        status="dismissed")])
        s.add_all([Inquiry(member_id=member.id, category="payment", subject="Where is my money?",
                           first_response_due=now, resolution_due=now),
                   Inquiry(member_id=member.id, category="other", subject="done", status="resolved",
                           first_response_due=now, resolution_due=now)])
        return Seller(member.id, other.id, listings[0].id, sales[17].id)


def test_summary_in_one_request(client: TestClient, headers, seller: Seller) -> None:
    response = client.get(f"{API}/members/{seller.member}/summary", headers=headers["moderator"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["member"]["email"] == "t***@example.jp" and body["member"]["phone"] == "***-****-5432"
    assert body["account_age_days"] == 5
    assert body["listings"] == {"total": 14, "last_24h": 14}
    assert body["transactions"] == {"as_buyer": 1, "as_seller": 20, "open": 2, "disputed": 1}
    newest = client.get(f"{API}/transactions", params={"member_id": seller.member, "limit": 1},
                        headers=headers["moderator"]).json()["items"][0]
    assert body["latest_transaction_id"] == newest["id"] and newest["buyer_id"] == seller.member  # the purchase
    assert body["ratings_received"] == {"good": 12, "normal": 2, "bad": 7}
    assert [s["created_at"] >= t["created_at"] for s, t in zip(body["strikes"], body["strikes"][1:])] == [True]
    assert body["takedowns"]["total"] == 3 and body["takedowns"]["reversed"] == 1
    assert [t["listing_title"] for t in body["takedowns"]["recent"]] == ["Bag 10", "Bag 11", "Bag 12"]
    assert body["flags"]["open"] == 1 and body["flags"]["total"] == 2
    assert body["flags"]["recent_open"][0]["listing_title"] == "Bag 1"
    assert body["inquiries"]["open"] == 1 and body["inquiries"]["recent_open"][0]["subject"] == "Where is my money?"
    reasons = {s["code"]: s["reason"] for s in body["signals"]}
    assert reasons == {
        "new_account_high_value": "account 5 days old, 3 listings at or over ¥50,000",
        "listing_burst": "14 listings in the last 24 h",
        "bad_ratings": "6 bad ratings of 20 in 90 days",
        "repeat_takedowns": "2 listings taken down in 90 days",
    }


def test_summary_of_unknown_member_is_404(client: TestClient, headers, db: Database) -> None:
    response = client.get(f"{API}/members/424242/summary", headers=headers["agent"])
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_new_member_has_empty_panes(client: TestClient, headers, db: Database) -> None:
    with db.transaction() as s:
        member = Member(external_id="m-new", display_name="Newcomer")
        s.add(member)
        s.flush()
        member_id = member.id
    summary = client.get(f"{API}/members/{member_id}/summary", headers=headers["agent"]).json()
    assert summary["latest_transaction_id"] is None and summary["signals"] == []
    assert summary["transactions"] == {"as_buyer": 0, "as_seller": 0, "open": 0, "disputed": 0}
    assert summary["strikes"] == [] and summary["takedowns"]["total"] == 0 and summary["flags"]["total"] == 0
    ratings = client.get(f"{API}/members/{member_id}/ratings/summary", headers=headers["agent"]).json()
    assert ratings["received"]["total"] == ratings["given"]["total"] == 0 and ratings["recent_bad"] == []
    assert [p["good"] + p["normal"] + p["bad"] for p in ratings["trend"]] == [0] * 6


def _facts(**overrides: int) -> signals.Facts:
    quiet = dict(account_age_days=400, high_value_listings=0, listings_24h=1, ratings_received_window=10,
                 bad_ratings_window=0, sales_window=10, disputed_sales_window=0, takedowns_window=0)
    return signals.Facts(**(quiet | overrides))


@pytest.mark.parametrize(("overrides", "expected"), [
    ({}, []),
    ({"account_age_days": 0, "high_value_listings": 1}, ["account less than a day old, 1 listing at or over ¥50,000"]),
    ({"account_age_days": 400, "high_value_listings": 9}, []),  # established sellers sell expensive things
    ({"listings_24h": 9}, []),
    ({"bad_ratings_window": 2, "ratings_received_window": 2}, []),  # too few to mean anything
    ({"bad_ratings_window": 3, "ratings_received_window": 30}, []),  # one in ten is ordinary
    ({"bad_ratings_window": 3, "ratings_received_window": 15}, ["3 bad ratings of 15 in 90 days"]),
    ({"disputed_sales_window": 4, "sales_window": 12}, ["4 of 12 sales disputed in 90 days"]),
    ({"takedowns_window": 1}, []),
])
def test_signal_thresholds(overrides: dict[str, int], expected: list[str]) -> None:
    assert [s.reason for s in signals.signals(_facts(**overrides))] == expected


def test_ratings_summary(client: TestClient, headers, seller: Seller) -> None:
    body = client.get(f"{API}/members/{seller.member}/ratings/summary", headers=headers["agent"]).json()
    assert body["received"] == {"good": 12, "normal": 2, "bad": 7, "total": 21}
    assert body["given"] == {"good": 1, "normal": 0, "bad": 0, "total": 1}
    assert len(body["trend"]) == 6 and body["trend"][0]["start"] < body["trend"][-1]["start"]
    assert body["trend"][-1] | {"start": None, "end": None} == {"start": None, "end": None, "good": 12,
                                                                "normal": 2, "bad": 6}
    assert sum(p["bad"] for p in body["trend"]) == 6  # the 400-day-old one is outside the trend
    assert [r["comment"] for r in body["recent_bad"]] == [f"comment {i}" for i in range(6)] + ["old and rude"]
    assert body["recent_bad"][0]["rater_name"] == "Other"
    missing = client.get(f"{API}/members/999999/ratings/summary", headers=headers["agent"])
    assert missing.status_code == 404


def test_transactions_pane_pages_by_role(client: TestClient, headers, seller: Seller) -> None:
    first = client.get(f"{API}/transactions", params={"member_id": seller.member, "role": "seller", "limit": 15},
                       headers=headers["agent"]).json()
    second = client.get(f"{API}/transactions", params={"member_id": seller.member, "role": "seller", "limit": 15,
                                                       "cursor": first["next_cursor"]}, headers=headers["agent"]).json()
    ids = [t["id"] for t in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 20 and second["next_cursor"] is None
    assert all(t["buyer_name"] == "Other" for t in first["items"])
    bought = client.get(f"{API}/transactions", params={"member_id": seller.member, "role": "buyer"},
                        headers=headers["agent"]).json()
    assert [t["seller_name"] for t in bought["items"]] == ["Other"]


def _all_pages(client: TestClient, headers, path: str, params: dict[str, object]) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cursor = None
    while True:
        body = client.get(f"{API}{path}", params=params | ({"cursor": cursor} if cursor else {}),
                          headers=headers["agent"]).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_transactions_pane_merges_purchases_and_sales_newest_first(client: TestClient, headers, db: Database,
                                                                   seller: Seller) -> None:
    with db.transaction() as s:
        listing = s.scalar(select(Listing).where(Listing.id == seller.listing))
        s.add(Transaction(listing_id=listing.id, buyer_id=seller.member, seller_id=seller.member, amount=500,
                          status="completed", created_at=utcnow() - timedelta(days=3)))  # bought from oneself
    items = _all_pages(client, headers, "/transactions", {"member_id": seller.member, "limit": 8})
    ids = [t["id"] for t in items]
    assert len(ids) == len(set(ids)) == 22  # 20 sales, 1 purchase, the sale to oneself once
    order = [(t["created_at"], t["id"]) for t in items]
    assert order == sorted(order, reverse=True)
    assert sum(t["buyer_id"] == seller.member for t in items) == 2
    disputed = _all_pages(client, headers, "/transactions", {"member_id": seller.member, "status": "disputed"})
    assert [t["status"] for t in disputed] == ["disputed"]
    bad = client.get(f"{API}/transactions", params={"member_id": seller.member, "cursor": "not-a-cursor"},
                     headers=headers["agent"])
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "cursor"


def test_ratings_pane_pages_received_and_given(client: TestClient, headers, seller: Seller) -> None:
    received = _all_pages(client, headers, "/ratings", {"member_id": seller.member, "limit": 8})
    assert len({r["id"] for r in received}) == len(received) == 21
    order = [(r["created_at"], r["id"]) for r in received]
    assert order == sorted(order, reverse=True)
    assert {(r["rater_name"], r["ratee_name"]) for r in received} == {("Other", "Tanaka")}
    bad = _all_pages(client, headers, "/ratings", {"member_id": seller.member, "score": "bad", "limit": 3})
    assert len(bad) == 7 and {r["score"] for r in bad} == {"bad"}
    given = _all_pages(client, headers, "/ratings", {"member_id": seller.member, "direction": "given"})
    assert [(g["comment"], g["ratee_name"]) for g in given] == [("thanks", "Other")]


def test_contact_reveal_is_audited(client: TestClient, headers, db: Database, seller: Seller) -> None:
    masked = client.get(f"{API}/members/{seller.member}", headers=headers["agent"]).json()
    assert "tanaka@" not in masked["email"] and masked["address"] == "Osaka ***"
    response = client.post(f"{API}/members/{seller.member}/contact/reveal",
                           json={"reason": "courier needs the address for inquiry 12", "fields": ["address"]},
                           headers=headers["agent"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["address"] == "Osaka Kita 4-5-6" and body["email"] is None and body["phone"] is None
    assert body["revealed"] == ["address"]
    everything = client.post(f"{API}/members/{seller.member}/contact/reveal", json={"reason": "call back"},
                             headers=headers["supervisor"]).json()
    assert (everything["email"], everything["phone"]) == ("tanaka@example.jp", "080-9876-5432")
    with db.session() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.action == "member.contact_revealed")
                                .order_by(AuditEvent.id)))
    assert [(e.actor_label, e.reason, e.after["fields"]) for e in events] == [
        ("test-agent", "courier needs the address for inquiry 12", ["address"]),
        ("test-supervisor", "call back", ["email", "phone", "address"]),
    ]
    assert all("Osaka" not in str(e.after) and "tanaka@" not in str(e.after) for e in events)


@pytest.mark.parametrize(("body", "field"), [({}, "reason"), ({"reason": "  "}, "reason"),
                                             ({"reason": "x", "fields": []}, "fields"),
                                             ({"reason": "x", "fields": ["password"]}, "fields.0")])
def test_reveal_refuses_bad_input(client: TestClient, headers, db: Database, seller: Seller, body, field) -> None:
    response = client.post(f"{API}/members/{seller.member}/contact/reveal", json=body, headers=headers["agent"])
    assert response.status_code == 422 and response.json()["error"]["field"] == field
    with db.session() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "member.contact_revealed")) is None


def test_lookup_by_numeric_or_external_id(client: TestClient, headers, seller: Seller) -> None:
    by_external = client.get(f"{API}/lookup/m-tanaka", headers=headers["agent"]).json()
    assert [(h["kind"], h["id"], h["member_ids"]) for h in by_external] == [("member", seller.member, [seller.member])]
    listing = client.get(f"{API}/lookup/l-t0", headers=headers["agent"]).json()
    assert listing[0]["kind"] == "listing" and listing[0]["member_ids"] == [seller.member]
    assert listing[0]["transaction_id"] is not None
    numeric = client.get(f"{API}/lookup/{seller.transaction}", headers=headers["agent"]).json()
    tx_hit = next(h for h in numeric if h["kind"] == "transaction")
    assert tx_hit["member_ids"] == [seller.member, seller.other] and tx_hit["status"] == "disputed"
    assert tx_hit["label"] == "Bag 3 — ¥3,000"
    assert client.get(f"{API}/lookup/nothing-here", headers=headers["agent"]).json() == []
    assert client.get(f"{API}/lookup/99999999999999999999999", headers=headers["agent"]).json() == []
