"""New and edited listings from the marketplace are screened: flags, suspensions, the queue, the audit log."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.db import Database
from backend.detection.detector import listing_text
from backend.flags.models import Flag
from backend.listings.models import Listing
from backend.queue.models import QueueItem
from tests.backend.screening.helpers import CHEAP_NIKE, FAKE_CHANEL, YOGA_MAT, submit

SUP = "supervisor"


def test_clean_listing_is_stored_unflagged(client: TestClient, headers, db: Database) -> None:
    response = submit(client, headers[SUP], "ext-yoga", YOGA_MAT)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["listing"]["status"] == "active"
    assert body["screening"]["flagged"] is False and body["screening"]["flag_id"] is None
    assert body["screening"]["detector_version"] is not None  # the seed model was stored as version 1
    with db.session() as s:
        assert s.scalars(select(Flag)).all() == []


def test_violation_is_flagged_suspended_queued_and_audited(client: TestClient, headers, db: Database) -> None:
    body = submit(client, headers[SUP], "ext-chanel", FAKE_CHANEL).json()
    screening = body["screening"]
    assert screening["flagged"] and screening["policy"] == "counterfeit" and screening["suspended"]
    assert body["listing"]["status"] == "suspended"

    flag = client.get(f"/api/v1/flags/{screening['flag_id']}", headers=headers["moderator"]).json()
    assert (flag["source"], flag["policy"], flag["status"]) == ("detector", "counterfeit", "open")
    assert flag["score"] >= 0.97
    text = listing_text(FAKE_CHANEL)
    highlighted = [text[s:e] for reason in flag["reasons"] for s, e in reason["spans"]]
    assert {"シャネル", "スーパーコピー", "N級"} <= set(highlighted)
    with db.session() as s:
        assert s.scalar(select(QueueItem.open).where(QueueItem.kind == "flag", QueueItem.ref_id == flag["id"]))
        actions = set(s.scalars(select(AuditEvent.action)))
    assert {"member.create", "listing.create", "flag.create", "listing.suspend"} <= actions


def test_thresholds_decide_flag_and_suspension(client: TestClient, headers, db: Database) -> None:
    first = submit(client, headers[SUP], "ext-nike-1", CHEAP_NIKE).json()["screening"]
    score = first["score"]
    assert first["policy"] == "counterfeit" and first["suspended"]  # defaults: 0.70 / 0.97

    put = client.put("/api/v1/screening/thresholds/counterfeit", headers=headers[SUP],
                     json={"flag_at": round(score - 0.01, 4), "suspend_at": min(1.0, round(score + 0.001, 4)),
                           "version": 0})
    assert put.status_code == 200, put.text
    second = submit(client, headers[SUP], "ext-nike-2", CHEAP_NIKE).json()
    assert second["screening"]["flagged"] and not second["screening"]["suspended"]
    assert second["listing"]["status"] == "active"

    put = client.put("/api/v1/screening/thresholds/counterfeit", headers=headers[SUP],
                     json={"flag_at": min(1.0, round(score + 0.001, 4)), "suspend_at": 1.0, "version": 1})
    assert put.status_code == 200, put.text
    third = submit(client, headers[SUP], "ext-nike-3", CHEAP_NIKE).json()
    assert not third["screening"]["flagged"] and third["listing"]["status"] == "active"
    with db.session() as s:
        flagged = set(s.scalars(select(Listing.external_id).join(Flag, Flag.listing_id == Listing.id)))
    assert flagged == {"ext-nike-1", "ext-nike-2"}


def test_edit_rescreens_without_duplicating_the_flag(client: TestClient, headers, db: Database) -> None:
    created = submit(client, headers[SUP], "ext-chanel", FAKE_CHANEL).json()
    listing, flag_id = created["listing"], created["screening"]["flag_id"]
    edit = {"version": listing["version"], "title": "CHANEL 長財布 スーパーコピー",
            "description": "本物ではありません。N級品。"}
    response = client.patch(f"/api/v1/listings/{listing['id']}", json=edit, headers=headers[SUP])
    assert response.status_code == 200, response.text
    edited = response.json()
    assert edited["listing"]["version"] == listing["version"] + 1
    assert edited["screening"]["flag_id"] == flag_id and not edited["screening"]["flag_created"]

    flag = client.get(f"/api/v1/flags/{flag_id}", headers=headers["moderator"]).json()
    text = f"{edit['title']}\n{edit['description']}"
    assert any(text[s:e] == "スーパーコピー" for reason in flag["reasons"] for s, e in reason["spans"])
    with db.session() as s:
        assert len(s.scalars(select(Flag).where(Flag.listing_id == listing["id"])).all()) == 1

    stale = client.patch(f"/api/v1/listings/{listing['id']}", json=edit, headers=headers[SUP])
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"


def test_edit_that_changes_nothing_screens_nothing(client: TestClient, headers) -> None:
    listing = submit(client, headers[SUP], "ext-yoga", YOGA_MAT).json()["listing"]
    same = client.patch(f"/api/v1/listings/{listing['id']}", headers=headers[SUP],
                        json={"version": listing["version"], "title": YOGA_MAT["title"]})
    assert same.status_code == 200 and same.json()["screening"] is None
    assert same.json()["listing"]["version"] == listing["version"]


def test_bad_submissions_are_refused_cleanly(client: TestClient, headers) -> None:
    assert submit(client, headers[SUP], "ext-yoga", YOGA_MAT).status_code == 201
    duplicate = submit(client, headers[SUP], "ext-yoga", YOGA_MAT)
    assert duplicate.status_code == 409 and duplicate.json()["error"]["field"] == "external_id"
    assert submit(client, headers[SUP], "ext-neg", YOGA_MAT, price=-5).status_code == 422
    listing_id = client.get("/api/v1/listings", headers=headers[SUP]).json()["items"][0]["id"]
    nulled = client.patch(f"/api/v1/listings/{listing_id}", json={"version": 1, "title": None}, headers=headers[SUP])
    assert nulled.status_code == 422
    missing = client.patch("/api/v1/listings/999999", json={"version": 1, "price": 10}, headers=headers[SUP])
    assert missing.status_code == 404


def test_retried_submission_replays_the_answer(client: TestClient, headers, db: Database) -> None:
    key = {**headers[SUP], "Idempotency-Key": "listing-ext-chanel"}
    first = submit(client, key, "ext-chanel", FAKE_CHANEL)
    again = submit(client, key, "ext-chanel", FAKE_CHANEL)
    assert first.status_code == again.status_code == 201
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json() == first.json()
    with db.session() as s:
        assert len(s.scalars(select(Flag)).all()) == 1


def test_live_verdict_explains_a_listing(client: TestClient, headers) -> None:
    listing = submit(client, headers[SUP], "ext-chanel", FAKE_CHANEL).json()["listing"]
    verdict = client.get(f"/api/v1/screening/listings/{listing['id']}", headers=headers["moderator"]).json()
    assert verdict["text"] == listing_text(FAKE_CHANEL)
    assert verdict["policy"] == "counterfeit" and verdict["flagged"]
    assert set(verdict["scores"]) == {"counterfeit", "medicine", "game_account", "stolen_goods", "weapon",
                                      "cash_equivalent"}
    assert client.get("/api/v1/screening/listings/999999", headers=headers["moderator"]).status_code == 404
