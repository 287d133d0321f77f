"""The recall-matching screen's API, end to end over HTTP on the real database."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from backend.audit.models import AuditEvent
from backend.db import Database
from backend.escrow.models import Transaction, TransactionStatus
from backend.listings.keys import gtin14
from backend.listings.models import Listing
from backend.members.models import Member
from backend.recalls import evaluation, terms
from backend.recalls.models import Notice

API = "/api/v1"
OFFICER = "safety_officer"
RECALL = {
    "number": "25-001", "title": "Iris Ohyama Recalls Ceramic Fan Heaters Due to Fire Hazard",
    "source": "regulator_feed", "manufacturer": "Iris Ohyama Inc.",
    "manufacturer_contact": "0120-000-111 (9:00-18:00)", "hazard": "Fire hazard", "remedy": "Full refund",
    "description": "Model numbers JCH-12TD4 and JCH-12TD5. JAN 4967576448611.",
    "requested_at": "2025-03-07T15:00:00+09:00",
    "products": [{"name": "Ceramic fan heater", "brand": "Iris Ohyama"}],
}


@pytest.fixture
def market(db: Database) -> dict[str, int]:
    """A seller with an active heater, a sold one with its buyer, a near miss, and PII on everyone."""
    with db.transaction() as s:
        seller = Member(external_id="m-s", display_name="Suzuki Seller", email="suzuki@example.jp",
                        phone="090-1111-2222", address="Osaka Kita 1-1")
        buyer = Member(external_id="m-b", display_name="Tanaka Buyer", email="tanaka@example.jp",
                       phone="080-3333-4444", address="Tokyo Minato 2-2")
        s.add_all([seller, buyer])
        s.flush()
        rows = {
            "active": Listing(external_id="l-active", seller_id=seller.id, category="home", price=3000,
                              title="アイリスオーヤマ セラミックファンヒーター JCH-12TD4", status="active"),
            "sold": Listing(external_id="l-sold", seller_id=seller.id, category="home", price=2500,
                            title="ceramic heater", barcode="4967576448611", barcode_gtin=gtin14("4967576448611"),
                            status="sold"),
            "near": Listing(external_id="l-near", seller_id=seller.id, category="home", price=2000,
                            title="アイリスオーヤマ セラミックファンヒーター JCH-12TD3", status="active"),
        }
        s.add_all(rows.values())
        s.flush()
        s.add(Transaction(listing_id=rows["sold"].id, buyer_id=buyer.id, seller_id=seller.id, amount=2500, fee=250,
                          status=TransactionStatus.completed))
        terms.index_new_listings(s)
        return {"seller": seller.id, "buyer": buyer.id} | {k: v.id for k, v in rows.items()}


def _post(client: TestClient, headers: dict[str, dict[str, str]], path: str, body: Any = None, *,
          role: str = OFFICER, key: str | None = None) -> Any:
    h = dict(headers[role]) | ({"Idempotency-Key": key} if key else {})
    return client.post(API + path, json=body if body is not None else {}, headers=h)


def _recall(client: TestClient, headers: dict[str, dict[str, str]]) -> dict[str, Any]:
    response = _post(client, headers, "/recalls", RECALL)
    assert response.status_code == 201, response.text
    return response.json()


def _matched(client: TestClient, headers: dict[str, dict[str, str]]) -> tuple[int, dict[str, dict[str, Any]]]:
    recall = _recall(client, headers)
    run = _post(client, headers, f"/recalls/{recall['id']}/match")
    assert run.status_code == 200, run.text
    page = client.get(f"{API}/recalls/{recall['id']}/matches", headers=headers[OFFICER]).json()
    return recall["id"], {m["listing_external_id"]: m for m in page["items"]}


def test_typed_recall_takes_identifiers_from_the_prose_and_starts_the_clock(client, headers, market) -> None:
    recall = _recall(client, headers)
    models = {p["model_norm"] for p in recall["products"]}
    assert {"jch12td4", "jch12td5"} <= models
    assert "04967576448611" in {p["gtin"] for p in recall["products"]}
    # Friday 15:00 JST + 2 business days = Tuesday 15:00 JST
    assert recall["removal_due_at"] == "2025-03-11T06:00:00Z"
    again = _post(client, headers, "/recalls", RECALL)
    assert again.status_code == 409 and again.json()["error"]["field"] == "number"


def test_bad_recall_input_is_a_4xx_with_the_field(client, headers) -> None:
    bad_code = _post(client, headers, "/recalls", RECALL | {"products": [{"name": "x", "barcode": "12345"}]})
    assert bad_code.status_code == 422 and bad_code.json()["error"]["field"] == "products"
    naive = _post(client, headers, "/recalls", RECALL | {"requested_at": "2025-03-07T15:00:00"})
    assert naive.status_code == 422 and naive.json()["error"]["field"] == "requested_at"
    missing = _post(client, headers, "/recalls", {"number": "x"})
    assert missing.status_code == 422 and missing.json()["error"]["field"] == "title"
    assert client.get(f"{API}/recalls/999999", headers=headers[OFFICER]).status_code == 404


def test_cpsc_import_is_repeatable_and_csv_import_groups_rows(client, headers) -> None:
    content = (evaluation.DATA / "eval_recalls.json").read_text(encoding="utf-8")
    first = _post(client, headers, "/recalls/import", {"format": "cpsc_json", "content": content})
    assert first.status_code == 200 and len(first.json()["created"]) == 12
    again = _post(client, headers, "/recalls/import", {"format": "cpsc_json", "content": content})
    assert again.json() == {"created": [], "skipped": [r["RecallNumber"] for r in json.loads(content)]}
    csv_text = ("number,title,hazard,product_name,brand,model_numbers,barcodes\n"
                "C-1,Kettle recall,Burns,Justine,T-fal,KO4901JP;KO4908JP,\n"
                "C-1,Kettle recall,Burns,Justine,T-fal,,3054675001159\n")
    imported = _post(client, headers, "/recalls/import", {"format": "csv", "content": csv_text})
    assert imported.json()["created"] == ["C-1"]
    recall_id = client.get(f"{API}/recalls?q=C-1", headers=headers[OFFICER]).json()["items"][0]["id"]
    detail = client.get(f"{API}/recalls/{recall_id}", headers=headers[OFFICER]).json()
    assert {p["model_norm"] for p in detail["products"]} >= {"ko4901jp", "ko4908jp"}
    assert "03054675001159" in {p["gtin"] for p in detail["products"]}
    broken = _post(client, headers, "/recalls/import", {"format": "csv", "content": "name,title\nx,y\n"})
    assert broken.status_code == 422 and "number" in broken.json()["error"]["message"]
    not_json = _post(client, headers, "/recalls/import", {"format": "cpsc_json", "content": "[{"})
    assert not_json.status_code == 422


def test_candidates_carry_score_confidence_evidence_and_deadline(client, headers, market) -> None:
    _, matches = _matched(client, headers)
    assert matches["l-active"]["confidence"] == "high" and matches["l-sold"]["confidence"] == "high"
    assert matches["l-near"]["confidence"] == "low"
    assert matches["l-active"]["evidence"][0]["text"] == "model JCH-12TD4 ~ jch12td4"
    assert matches["l-active"]["evidence"][0]["spans"]
    assert matches["l-active"]["removal_state"] in ("pending", "overdue")
    assert matches["l-sold"]["removal_state"] == "not_required"
    scores = [m["score"] for m in matches.values()]
    assert scores == sorted(scores, reverse=True)


def test_confirming_suspends_active_listings_once_and_rejecting_reinstates(client, headers, market, db) -> None:
    recall_id, matches = _matched(client, headers)
    active, sold = matches["l-active"], matches["l-sold"]
    stale = _post(client, headers, f"/recalls/{recall_id}/matches/decide",
                  {"decision": "confirm", "matches": [{"id": active["id"], "version": active["version"] + 5}]})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"
    body = {"decision": "confirm", "matches": [{"id": active["id"], "version": active["version"]},
                                                {"id": sold["id"], "version": sold["version"]}]}
    done = _post(client, headers, f"/recalls/{recall_id}/matches/decide", body, key="confirm-1")
    assert done.status_code == 200, done.text
    assert done.json()["suspended_listing_ids"] == [market["active"]]
    replay = _post(client, headers, f"/recalls/{recall_id}/matches/decide", body, key="confirm-1")
    assert replay.headers.get("Idempotent-Replayed") == "true" and replay.json() == done.json()
    with db.session() as s:
        assert s.get(Listing, market["active"]).status == "suspended"
        assert s.get(Listing, market["sold"]).status == "sold"
        suspensions = s.scalars(select(AuditEvent).where(AuditEvent.action == "listing.suspend")).all()
        assert [(e.target_id, e.reason) for e in suspensions] == [(str(market["active"]), "recalled product")]
    decided = {m["listing_external_id"]: m for m in done.json()["decided"]}
    assert decided["l-active"]["removal_state"] in ("on_time", "late") and decided["l-active"]["suspended_at"]
    reject = _post(client, headers, f"/recalls/{recall_id}/matches/decide",
                   {"decision": "reject", "matches": [{"id": active["id"]}], "reason": "different model"})
    assert reject.status_code == 200
    with db.session() as s:
        assert s.get(Listing, market["active"]).status == "active"


def _confirm_all(client, headers, recall_id: int, matches: dict[str, dict[str, Any]]) -> None:
    refs = [{"id": matches[k]["id"]} for k in ("l-active", "l-sold")]
    assert _post(client, headers, f"/recalls/{recall_id}/matches/decide",
                 {"decision": "confirm", "matches": refs}).status_code == 200


def test_notices_go_to_sellers_of_active_and_buyers_of_sold_exactly_once(client, headers, market, db) -> None:
    recall_id, matches = _matched(client, headers)
    _confirm_all(client, headers, recall_id, matches)
    affected = client.get(f"{API}/recalls/{recall_id}/affected-members", headers=headers[OFFICER]).json()
    assert {(a["member_id"], a["listing_external_id"], a["why"]) for a in affected} == {
        (market["seller"], "l-active", "posted"), (market["buyer"], "l-sold", "bought")}
    sent = _post(client, headers, f"/recalls/{recall_id}/notices", key="send-1")
    assert sent.json()["sent"] == 2
    message = sent.json()["notices"][0]["message"]
    assert "Fire hazard" in message and "Full refund" in message and "0120-000-111" in message
    assert _post(client, headers, f"/recalls/{recall_id}/notices", key="send-1").json() == sent.json()
    second = _post(client, headers, f"/recalls/{recall_id}/notices", key="send-2").json()
    assert (second["sent"], second["already_sent"]) == (0, 2)
    assert _post(client, headers, f"/recalls/{recall_id}/notices").json()["sent"] == 0
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notice)) == 2


def test_notice_tracking_dashboard_and_report_without_personal_data(client, headers, market) -> None:
    recall_id, matches = _matched(client, headers)
    _confirm_all(client, headers, recall_id, matches)
    notices = _post(client, headers, f"/recalls/{recall_id}/notices").json()["notices"]
    buyer_notice = next(n for n in notices if n["why"] == "bought")
    read = _post(client, headers, f"/notices/{buyer_notice['id']}/read").json()
    assert read["read_at"] and not read["acknowledged_at"]
    assert _post(client, headers, f"/notices/{buyer_notice['id']}/read").json()["read_at"] == read["read_at"]
    ack = _post(client, headers, f"/notices/{buyer_notice['id']}/acknowledge").json()
    stale = _post(client, headers, f"/notices/{buyer_notice['id']}/return",
                  {"return_status": "returned", "version": ack["version"] - 1})
    assert stale.status_code == 409
    returned = _post(client, headers, f"/notices/{buyer_notice['id']}/return",
                     {"return_status": "returned", "version": ack["version"]}).json()
    assert returned["return_status"] == "returned" and returned["returned_at"]
    bad = _post(client, headers, f"/notices/{buyer_notice['id']}/return", {"return_status": "lost"})
    assert bad.status_code == 422
    board = client.get(f"{API}/recalls/{recall_id}/dashboard", headers=headers[OFFICER]).json()
    assert (board["owners_identified"], board["notified"], board["read"], board["acknowledged"],
            board["returned"], board["return_rate"]) == (2, 2, 1, 1, 1, 0.5)
    assert board["confirmed"] == 2 and board["listings_suspended"] == 1
    assert board["removals_on_time"] + board["removals_late"] == 1
    listed = client.get(f"{API}/notices?recall_id={recall_id}", headers=headers[OFFICER]).json()["items"]
    assert len(listed) == 2
    report = client.get(f"{API}/recalls/{recall_id}/report.csv", headers=headers[OFFICER])
    assert report.status_code == 200 and report.headers["content-type"].startswith("text/csv")
    text = report.text
    assert "l-active" in text and "l-sold" in text and "return_rate,0.5" in text
    for personal in ("Suzuki", "Tanaka", "@example.jp", "090-1111-2222", "080-3333-4444", "Osaka", "Minato"):
        assert personal not in text


def test_recall_edits_need_the_current_version(client, headers, market) -> None:
    recall = _recall(client, headers)
    path = f"{API}/recalls/{recall['id']}"
    closed = client.patch(path, json={"version": recall["version"], "status": "closed"}, headers=headers[OFFICER])
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    stale = client.patch(path, json={"version": recall["version"], "hazard": "x"}, headers=headers[OFFICER])
    assert stale.status_code == 409
    moved = client.patch(path, json={"version": closed.json()["version"], "requested_at": "2025-03-10T09:00:00+09:00"},
                         headers=headers[OFFICER])
    assert moved.json()["removal_due_at"] == "2025-03-12T00:00:00Z"
    assert client.get(f"{API}/recalls?status=closed", headers=headers[OFFICER]).json()["items"][0]["id"] == recall["id"]


def test_moderators_and_agents_cannot_act_on_recalls(client, headers, market) -> None:
    recall = _recall(client, headers)
    for role in ("agent", "moderator"):
        assert _post(client, headers, f"/recalls/{recall['id']}/match", role=role).status_code == 403
    assert _post(client, headers, f"/recalls/{recall['id']}/match", role="supervisor").status_code == 200
