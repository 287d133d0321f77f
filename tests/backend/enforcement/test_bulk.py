"""Bulk takedowns: preview, one confirmation echoing the preview, a second one for large sellers."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import func, insert, select

from backend.db import Database, utcnow
from backend.enforcement.models import Strike, Takedown
from backend.listings.models import Listing
from tests.backend.enforcement.conftest import Shop, add_listing, snapshot

PREVIEW = "/api/v1/takedowns/bulk/preview"
BULK = "/api/v1/takedowns/bulk"


def _execute(client: TestClient, headers: dict[str, str], scope: dict[str, object], preview: dict[str, object],
             **extra: object):
    body = scope | {"reason_code": "counterfeit", "confirmation_token": preview["confirmation_token"],
                    "confirm_listings": preview["listings"]} | extra
    return client.post(BULK, json=body, headers=headers)


def test_whole_seller_preview_then_execute(client: TestClient, headers, db: Database, shop: Shop) -> None:
    scope = {"seller_id": shop.seller}
    preview = client.post(PREVIEW, json=scope, headers=headers["moderator"]).json()
    assert preview["listings"] == 4 and preview["listing_ids"] == sorted([shop.listing, *shop.other_listings])
    assert preview["open_transactions"] == 3  # paid, disputed, awaiting payment; the completed sale is done
    assert preview["held_yen"] == 5000 + 3000
    assert preview["needs_second_confirmation"] is False
    response = _execute(client, headers["moderator"], scope, preview)
    assert response.status_code == 201, response.text
    out = response.json()
    assert out["listings"] == 4 and out["transactions_cancelled"] == 3 and out["refunded_yen"] == 8000
    assert out["seller_standing"]["points"] == 8 and out["seller_standing"]["suggestion"] == "suspend"
    with db.session() as s:
        assert set(s.scalars(select(Listing.status).where(Listing.seller_id == shop.seller))) == {"removed"}
        batches = set(s.scalars(select(Takedown.batch_id)))
        assert batches == {out["batch_id"]}
    replay = client.post(PREVIEW, json=scope, headers=headers["moderator"]).json()
    assert replay["listings"] == 0


def test_execute_refuses_when_anything_changed_since_preview(client: TestClient, headers, db: Database,
                                                            shop: Shop) -> None:
    scope = {"seller_id": shop.seller}
    preview = client.post(PREVIEW, json=scope, headers=headers["moderator"]).json()
    with db.transaction() as s:
        add_listing(s, shop.seller, title="new listing after the preview")
    before = snapshot(db)
    response = _execute(client, headers["moderator"], scope, preview)
    assert response.status_code == 409 and response.json()["error"]["code"] == "preview_stale"
    wrong_count = _execute(client, headers["moderator"], scope, preview | {"listings": 99})
    assert wrong_count.status_code == 409
    assert snapshot(db) == before


def test_selected_listings_skip_the_ones_already_down(client: TestClient, headers, db: Database, shop: Shop) -> None:
    first = shop.other_listings[0]
    client.post(f"/api/v1/listings/{first}/takedown", json={"reason_code": "weapon"}, headers=headers["moderator"])
    scope = {"listing_ids": shop.other_listings}
    preview = client.post(PREVIEW, json=scope, headers=headers["moderator"]).json()
    assert preview["already_down"] == [first] and preview["listings"] == 2 and preview["held_yen"] == 0
    assert _execute(client, headers["moderator"], scope, preview).status_code == 201
    unknown = client.post(PREVIEW, json={"listing_ids": [999999]}, headers=headers["moderator"])
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "listing_ids"
    both = client.post(PREVIEW, json={"listing_ids": [first], "seller_id": shop.seller}, headers=headers["moderator"])
    assert both.status_code == 422


def test_large_seller_needs_a_second_confirmation(client: TestClient, headers, db: Database, shop: Shop) -> None:
    now = utcnow()
    with db.transaction() as s:
        s.execute(insert(Listing), [
            {"external_id": f"l-big-{i}", "seller_id": shop.seller, "title": f"コピー品 {i}", "description": "",
             "category": "bags", "price": 1000, "status": "active", "created_at": now, "updated_at": now,
             "version": 1, "condition": "used"} for i in range(100)])
    scope = {"seller_id": shop.seller}
    preview = client.post(PREVIEW, json=scope, headers=headers["moderator"]).json()
    assert preview["listings"] == 104 and preview["needs_second_confirmation"] is True
    before = snapshot(db)
    once = _execute(client, headers["moderator"], scope, preview)
    assert once.status_code == 409 and once.json()["error"]["code"] == "second_confirmation_required"
    assert snapshot(db) == before
    twice = _execute(client, headers["moderator"], scope, preview, confirm_large=True)
    assert twice.status_code == 201 and twice.json()["listings"] == 104
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Strike)) == 104


def test_agents_cannot_bulk_take_down(client: TestClient, headers, shop: Shop) -> None:
    assert client.post(PREVIEW, json={"seller_id": shop.seller}, headers=headers["agent"]).status_code == 403
    assert client.post(BULK, json={}, headers=headers["agent"]).status_code == 403


def test_many_selected_listings_are_taken_down_on_every_database(client: TestClient, headers, db: Database,
                                                                  shop: Shop) -> None:
    """Issue 19: on PostgreSQL more than about a dozen selected listings overflowed an audit field (422)."""
    from backend.audit import service as audit
    from backend.audit.models import AuditEvent

    with db.transaction() as s:
        ids = [add_listing(s, shop.seller, title=f"コピー品 {i}").id for i in range(40)]
    scope = {"listing_ids": ids}
    preview = client.post(PREVIEW, json=scope, headers=headers["moderator"]).json()
    assert preview["listings"] == 40
    response = _execute(client, headers["moderator"], scope, preview)
    assert response.status_code == 201, response.text
    with db.session() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "listing.bulk_takedown")).one()
        assert event.target_type == "takedown_batch" and event.target_id == response.json()["batch_id"]
        assert event.after["listing_ids"] == sorted(ids)
        assert s.scalar(select(func.count()).select_from(Takedown).where(Takedown.listing_id.in_(ids))) == 40
        assert audit.verify(s).ok
