"""Keyset pages: every row exactly once, in order, whatever the sort and filters."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from backend.db import Database, utcnow
from backend.listings.models import Listing
from backend.members.models import Member


@pytest.fixture
def listings(db: Database) -> list[dict]:
    rng = random.Random(7)
    base = utcnow()
    rows = []
    with db.transaction() as s:
        sellers = [Member(external_id=f"m{i}", display_name=f"Seller {i}") for i in range(3)]
        s.add_all(sellers)
        s.flush()
        for i in range(137):
            listing = Listing(
                external_id=f"l{i}", seller_id=sellers[i % 3].id, title=f"Item {i}", category=rng.choice(["a", "b"]),
                price=rng.choice([500, 1000, 1000, 2500, 9000]),  # ties on purpose
                status=rng.choice(["active", "sold"]),
                created_at=base - timedelta(minutes=rng.choice([1, 2, 3, 4])),  # ties on purpose
            )
            s.add(listing)
            s.flush()
            rows.append({"id": listing.id, "price": listing.price, "created_at": listing.created_at,
                         "category": listing.category, "status": listing.status, "seller_id": listing.seller_id})
    return rows


def _walk(client: TestClient, headers: dict, params: dict) -> list[dict]:
    items, cursor = [], None
    while True:
        page = client.get("/api/v1/listings", params=params | ({"cursor": cursor} if cursor else {}), headers=headers)
        assert page.status_code == 200, page.text
        body = page.json()
        assert len(body["items"]) <= params["limit"]
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


@pytest.mark.parametrize("sort,order", [("created_at", "desc"), ("created_at", "asc"), ("price", "asc"),
                                        ("price", "desc")])
@pytest.mark.parametrize("filters", [{}, {"category": "a"}, {"status": "sold", "category": "b"}])
def test_pages_cover_every_row_once_in_order(client, headers, listings, sort, order, filters) -> None:
    got = _walk(client, headers["agent"], {"sort": sort, "order": order, "limit": 10} | filters)
    expected = [r for r in listings if all(r[k] == v for k, v in filters.items())]
    expected.sort(key=lambda r: (r[sort], r["id"]), reverse=order == "desc")
    assert [item["id"] for item in got] == [r["id"] for r in expected]


def test_seller_filter_and_limit_bounds(client, headers, listings) -> None:
    seller = listings[0]["seller_id"]
    got = _walk(client, headers["agent"], {"seller_id": seller, "limit": 200})
    assert {i["seller_id"] for i in got} == {seller}
    assert len(got) == sum(1 for r in listings if r["seller_id"] == seller)
    for bad in (0, 201):
        response = client.get("/api/v1/listings", params={"limit": bad}, headers=headers["agent"])
        assert response.status_code == 422 and response.json()["error"]["field"] == "limit"
