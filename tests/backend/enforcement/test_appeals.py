"""Appeals: recorded for the seller, decided by a moderator other than the one who took the listing down."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.db import Database
from backend.enforcement.models import Strike
from backend.listings.models import Listing
from backend.members.models import Member
from backend.screening.models import DecisionLabel
from tests.backend.enforcement.conftest import Shop, snapshot


def _taken_down_and_appealed(client: TestClient, headers, shop: Shop) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    takedown = client.post(f"/api/v1/listings/{shop.listing}/takedown", json={"reason_code": "counterfeit"},
                           headers=headers["moderator"]).json()["takedown"]["id"]
    filed = client.post(f"/api/v1/takedowns/{takedown}/appeals", json={"statement": "正規品です。レシートあり"},
                        headers=headers["agent"])
    assert filed.status_code == 201, filed.text
    return takedown, filed.json()["appeal"]["id"]


def test_appeal_is_filed_once_and_listed_as_open(client: TestClient, headers, db: Database, shop: Shop) -> None:
    takedown, appeal = _taken_down_and_appealed(client, headers, shop)
    before = snapshot(db)
    again = client.post(f"/api/v1/takedowns/{takedown}/appeals", json={"statement": "again"},
                        headers=headers["agent"])
    assert again.status_code == 200 and again.json()["appeal"]["id"] == appeal and snapshot(db) == before
    listed = client.get("/api/v1/appeals", params={"status": "open"}, headers=headers["moderator"]).json()
    assert [a["id"] for a in listed["items"]] == [appeal]
    assert listed["items"][0]["member_id"] == shop.seller and listed["items"][0]["claimed_by_id"] is None
    assert client.post(f"/api/v1/takedowns/{takedown}/appeals", json={"statement": "x"},
                       headers=headers["moderator"]).status_code == 403


def test_the_moderator_who_took_it_down_cannot_decide(client: TestClient, headers, db: Database, shop: Shop) -> None:
    _, appeal = _taken_down_and_appealed(client, headers, shop)
    before = snapshot(db)
    response = client.post(f"/api/v1/appeals/{appeal}/decide", json={"decision": "uphold", "reason": "fake"},
                           headers=headers["moderator"])
    assert response.status_code == 403 and "different moderator" in response.json()["error"]["message"]
    assert client.post(f"/api/v1/appeals/{appeal}/decide", json={"decision": "uphold", "reason": "x"},
                       headers=headers["agent"]).status_code == 403
    assert snapshot(db) == before


def test_overturn_reinstates_and_removes_the_strike(client: TestClient, headers, db: Database, shop: Shop,
                                                   second_moderator) -> None:  # type: ignore[no-untyped-def]
    moderator_id, other = second_moderator
    _, appeal = _taken_down_and_appealed(client, headers, shop)
    response = client.post(f"/api/v1/appeals/{appeal}/decide",
                           json={"decision": "overturn", "reason": "receipt checks out", "version": 1}, headers=other)
    assert response.status_code == 200, response.text
    decided = response.json()["appeal"]
    assert (decided["status"], decided["decided_by_id"]) == ("overturned", moderator_id)
    with db.session() as s:
        assert s.get(Listing, shop.listing).status == "active"
        assert s.scalars(select(Strike)).one().removed_at is not None
        assert s.get(Member, shop.seller).strikes == 0
        assert s.scalars(select(DecisionLabel)).all() == []
    again = client.post(f"/api/v1/appeals/{appeal}/decide", json={"decision": "uphold", "reason": "x"},
                        headers=headers["supervisor"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_decided"


def test_uphold_keeps_the_takedown(client: TestClient, headers, db: Database, shop: Shop) -> None:
    _, appeal = _taken_down_and_appealed(client, headers, shop)
    response = client.post(f"/api/v1/appeals/{appeal}/decide", json={"decision": "uphold", "reason": "logo is fake"},
                           headers=headers["supervisor"])
    assert response.status_code == 200 and response.json()["appeal"]["status"] == "upheld"
    with db.session() as s:
        assert s.get(Listing, shop.listing).status == "removed"
        assert s.scalars(select(Strike)).one().removed_at is None
    history = client.get(f"/api/v1/listings/{shop.listing}/enforcement", headers=headers["moderator"]).json()
    assert [a["status"] for a in history["appeals"]] == ["upheld"]
    assert history["seller"]["notifications"][0]["kind"] == "appeal_upheld"


def test_nothing_to_appeal_once_reinstated(client: TestClient, headers, shop: Shop) -> None:
    takedown = client.post(f"/api/v1/listings/{shop.listing}/takedown", json={"reason_code": "counterfeit"},
                           headers=headers["moderator"]).json()["takedown"]["id"]
    client.post(f"/api/v1/takedowns/{takedown}/reinstate", json={"reason": "oops"}, headers=headers["moderator"])
    response = client.post(f"/api/v1/takedowns/{takedown}/appeals", json={"statement": "x"},
                           headers=headers["agent"])
    assert response.status_code == 409 and response.json()["error"]["code"] == "not_in_force"
