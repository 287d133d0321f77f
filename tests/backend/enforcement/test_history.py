"""The listing pane's enforcement history: the listing's and the seller's, in one request."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.backend.enforcement.conftest import Shop


def test_listing_history_shows_listing_and_seller(client: TestClient, headers, shop: Shop) -> None:
    client.post(f"/api/v1/listings/{shop.other_listings[0]}/takedown", json={"reason_code": "weapon"},
                headers=headers["moderator"])
    client.post(f"/api/v1/flags/{shop.flag}/dismiss", json={"reason": "genuine"}, headers=headers["moderator"])
    taken = client.post(f"/api/v1/listings/{shop.listing}/takedown",
                        json={"reason_code": "other", "note": "misleading photos"},
                        headers=headers["moderator"]).json()["takedown"]
    response = client.get(f"/api/v1/listings/{shop.listing}/enforcement", headers=headers["agent"])
    assert response.status_code == 200, response.text
    history = response.json()
    assert history["status"] == "removed"
    assert [t["id"] for t in history["takedowns"]] == [taken["id"]]
    assert history["takedowns"][0]["reason_label"] == "Other (see note)"
    assert {f["id"]: f["status"] for f in history["flags"]} == {shop.flag: "dismissed", shop.report: "actioned"}
    seller = history["seller"]
    assert (seller["takedowns_total"], seller["takedowns_in_force"], seller["live_strikes"]) == (2, 2, 2)
    assert seller["standing"] == {"points": 4, "window_days": 90, "suggestion": "restrict"}
    assert len(seller["recent_takedowns"]) == 2 and len(seller["strikes"]) == 2


def test_takedown_list_pages_by_seller(client: TestClient, headers, shop: Shop) -> None:
    for listing_id in shop.other_listings:
        client.post(f"/api/v1/listings/{listing_id}/takedown", json={"reason_code": "weapon"},
                    headers=headers["moderator"])
    seen, cursor = [], None
    while True:
        params = {"member_id": shop.seller, "limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/api/v1/takedowns", params=params, headers=headers["agent"]).json()
        seen += [t["listing_id"] for t in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert sorted(seen) == sorted(shop.other_listings)
    assert client.get("/api/v1/takedowns", params={"in_force": False}, headers=headers["agent"]).json()["items"] == []
    assert client.get("/api/v1/members/999999/enforcement", headers=headers["agent"]).status_code == 404
