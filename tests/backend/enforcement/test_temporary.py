"""Temporary takedowns end by themselves (evaluated lazily, with an injected clock) unless made permanent."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.cli import main as cli_main
from backend.db import Database, utcnow
from backend.enforcement import service
from backend.enforcement.models import Strike, Takedown
from backend.listings.models import Listing
from backend.screening.models import DecisionLabel
from tests.backend.enforcement.conftest import Shop


def _temporary(db: Database, staff_of, shop: Shop, hours: float, now):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return service.take_down(s, listing_id=shop.other_listings[0], reason_code="game_account",
                                 actor=staff_of("test-moderator"), duration=timedelta(hours=hours), now=now).takedown.id


def test_listing_comes_back_when_the_time_is_up(db: Database, staff_of, shop: Shop) -> None:
    start = utcnow() - timedelta(hours=10)
    takedown_id = _temporary(db, staff_of, shop, 2, start)
    with db.transaction() as s:
        assert service.reinstate_expired(s, now=start + timedelta(hours=1, minutes=59)) == []
    with db.session() as s:
        assert s.get(Listing, shop.other_listings[0]).status == "removed"
    with db.transaction() as s:
        assert service.reinstate_expired(s, now=start + timedelta(hours=2)) == [takedown_id]
    with db.session() as s:
        assert s.get(Listing, shop.other_listings[0]).status == "active"
        takedown = s.get(Takedown, takedown_id)
        assert takedown.reversed_at == start + timedelta(hours=2) and takedown.reversed_by_id is None
        # The takedown was right, only temporary: strike and label stay.
        assert s.scalars(select(Strike)).one().removed_at is None
        assert len(s.scalars(select(DecisionLabel)).all()) == 1
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        assert (event.action, event.actor_label) == ("listing.reinstate_expired", "system")
    with db.transaction() as s:
        assert service.reinstate_expired(s, now=start + timedelta(hours=3)) == []


def test_reads_say_expired_before_the_sweep(client: TestClient, headers, db: Database, staff_of, shop: Shop) -> None:
    _temporary(db, staff_of, shop, 1, utcnow() - timedelta(hours=2))
    history = client.get(f"/api/v1/listings/{shop.other_listings[0]}/enforcement", headers=headers["agent"]).json()
    assert history["takedowns"][0]["expired"] is True
    swept = client.post("/api/v1/takedowns/reinstate-expired", headers=headers["moderator"])
    assert swept.status_code == 200 and len(swept.json()["reinstated"]) == 1
    history = client.get(f"/api/v1/listings/{shop.other_listings[0]}/enforcement", headers=headers["agent"]).json()
    assert history["status"] == "active" and history["takedowns"][0]["expired"] is False


def test_made_permanent_it_stays_down(client: TestClient, headers, db: Database, staff_of, shop: Shop) -> None:
    takedown_id = _temporary(db, staff_of, shop, 2, utcnow())
    response = client.post(f"/api/v1/takedowns/{takedown_id}/make-permanent", json={"reason": "repeat offender"},
                           headers=headers["moderator"])
    assert response.status_code == 201 and response.json()["takedown"]["expires_at"] is None
    again = client.post(f"/api/v1/takedowns/{takedown_id}/make-permanent", json={"reason": "x"},
                        headers=headers["moderator"])
    assert again.status_code == 200 and again.json()["changed"] is False
    with db.transaction() as s:
        assert service.reinstate_expired(s, now=utcnow() + timedelta(days=30)) == []
    with db.session() as s:
        assert s.get(Listing, shop.other_listings[0]).status == "removed"


def test_an_ended_takedown_cannot_be_made_permanent(client: TestClient, headers, db: Database, staff_of,
                                                    shop: Shop) -> None:
    takedown_id = _temporary(db, staff_of, shop, 1, utcnow() - timedelta(hours=2))
    response = client.post(f"/api/v1/takedowns/{takedown_id}/make-permanent", json={"reason": "too late"},
                           headers=headers["moderator"])
    assert response.status_code == 409 and response.json()["error"]["code"] == "expired"


def test_cli_sweeps_expired_takedowns(db: Database, staff_of, shop: Shop, capsys) -> None:  # type: ignore[no-untyped-def]
    _temporary(db, staff_of, shop, 1, utcnow() - timedelta(hours=2))
    assert cli_main(["--database-url", db.url, "reinstate-expired"]) == 0
    assert "reinstated 1 listing" in capsys.readouterr().out
    with db.session() as s:
        assert s.get(Listing, shop.other_listings[0]).status == "active"
