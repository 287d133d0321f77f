"""Rights owners' reports: filing, who sees what, the moderators' decision and its cascade (issue 17)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.db import Database
from backend.enforcement.models import Strike, Takedown
from backend.enforcement.models import MemberNotification
from backend.escrow.models import Transaction
from backend.listings.models import Listing
from backend.members.models import Member
from tests.backend.authority.helpers import rights_owner

API = "/api/v1"
SELLER_PII = ("sato@example.jp", "090-1234-5678", "Shibuya", "Sato Seller")


def _other_owner(client: TestClient, headers) -> dict[str, str]:  # type: ignore[no-untyped-def]
    body = {"name": "Sony Group", "marks": ["Sony", "PlayStation"], "username": "sony-brand",
            "password": "sony-brand-pw", "ownership_evidence": "JP TM 1234567"}
    created = client.post(f"{API}/rights-owners", json=body, headers=headers["supervisor"])
    assert created.status_code == 201, created.text
    assert created.json()["marks"] == ["Sony", "PlayStation"]
    login = client.post(f"{API}/auth/login", json={"username": "sony-brand", "password": "sony-brand-pw"})
    assert login.status_code == 200 and login.json()["staff"]["role"] == "rights_owner"
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


def _file(client: TestClient, headers, listing_id: int, mark: str = "nintendo") -> dict:  # type: ignore[no-untyped-def]
    response = client.post(f"{API}/rights-reports", json={"listing_id": listing_id, "mark": mark,
                                                            "evidence": "Not a genuine console; serial forged."},
                           headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_rights_owner_sees_only_its_own_reports_and_no_member_data(client: TestClient, headers, sample,
                                                                     db: Database) -> None:
    rights_owner(db)
    mine = headers["rights_owner"]
    report = _file(client, mine, sample.listing)
    assert report["mark"] == "Nintendo" and report["status"] == "open"
    assert report["seller_id"] is None and "seller" not in str(report["listing"])
    assert not any(value in str(report) for value in SELLER_PII)
    sony = _other_owner(client, headers)
    assert client.get(f"{API}/rights-reports/{report['id']}", headers=sony).status_code == 404
    assert client.get(f"{API}/rights-reports", headers=sony).json()["items"] == []
    theirs = client.post(f"{API}/rights-reports", json={"listing_id": sample.listing, "mark": "Nintendo",
                                                        "evidence": "x"}, headers=sony)
    assert theirs.status_code == 422 and theirs.json()["error"]["field"] == "mark"  # not Sony's mark
    for path in (f"/members/{sample.seller}", "/members", f"/members/{sample.seller}/summary",
                 f"/listings/{sample.listing}", "/transactions", f"/lookup/{sample.seller}"):
        assert client.get(f"{API}{path}", headers=mine).status_code == 403, path
    reveal = client.post(f"{API}/members/{sample.seller}/contact/reveal", json={"fields": ["email"], "reason": "x"},
                         headers=mine)
    assert reveal.status_code == 403
    listed = client.get(f"{API}/rights-reports", headers=mine).json()["items"]
    assert [r["id"] for r in listed] == [report["id"]]
    assert not any(value in str(listed) for value in SELLER_PII)
    # Moderators see the seller.
    staff_view = client.get(f"{API}/rights-reports/{report['id']}", headers=headers["moderator"]).json()
    assert staff_view["seller_id"] == sample.seller


def test_supervisors_cannot_report_as_a_rights_owner(client: TestClient, headers, sample) -> None:
    response = client.post(f"{API}/rights-reports", json={"listing_id": sample.listing, "mark": "Nintendo",
                                                           "evidence": "x"}, headers=headers["supervisor"])
    assert response.status_code == 403


def test_accepting_takes_the_listing_down_with_the_cascade(client: TestClient, headers, sample,
                                                          db: Database) -> None:
    rights_owner(db)
    report = _file(client, headers["rights_owner"], sample.listing)
    queue = client.get(f"{API}/queue", params={"kind": "rights_report"}, headers=headers["moderator"])
    assert queue.status_code == 200, queue.text
    assert [(i["kind"], i["listing_id"]) for i in queue.json()["items"]] == [("rights_report", sample.listing)]
    no_reason = client.post(f"{API}/rights-reports/{report['id']}/decision", json={"outcome": "accepted",
                                                                                  "reason": " "},
                            headers=headers["moderator"])
    assert no_reason.status_code == 422
    decided = client.post(f"{API}/rights-reports/{report['id']}/decision",
                          json={"outcome": "accepted", "reason": "Serial number format is fake."},
                          headers=headers["moderator"])
    assert decided.status_code == 200, decided.text
    body = decided.json()
    assert body["status"] == "accepted" and body["takedown_id"] and body["takedown_in_force"] is True
    with db.transaction() as s:
        takedown = s.get_one(Takedown, body["takedown_id"])
        assert takedown.reason_code == "counterfeit" and takedown.listing_id == sample.listing
        assert f"#{report['id']}" in (takedown.note or "")
        assert s.get_one(Listing, sample.listing).status == "removed"
        assert s.get_one(Transaction, sample.transaction).status == "cancelled"  # refunded to the buyer
        strikes = s.scalars(select(Strike).where(Strike.member_id == sample.seller)).all()
        assert [x.takedown_id for x in strikes] == [takedown.id]
        assert s.get_one(Member, sample.seller).strikes >= 1 or strikes
        assert s.scalar(select(MemberNotification).where(MemberNotification.member_id == sample.seller))
        actions = set(s.scalars(select(AuditEvent.action)))
    assert {"rights_report.file", "rights_report.accepted", "listing.takedown"} <= actions
    assert client.get(f"{API}/queue", params={"kind": "rights_report"},
                      headers=headers["moderator"]).json()["items"] == []
    seller_history = client.get(f"{API}/members/{sample.seller}/enforcement", headers=headers["moderator"]).json()
    shown = [t for t in seller_history["recent_takedowns"] if t["id"] == takedown.id]
    assert shown and "Rights owner report" in shown[0]["note"]  # the seller's history names the report
    assert any(x["takedown_id"] == takedown.id for x in seller_history["strikes"])  # and counts it as a strike
    again = client.post(f"{API}/rights-reports/{report['id']}/decision",
                        json={"outcome": "rejected", "reason": "oops"}, headers=headers["supervisor"])
    assert again.status_code == 409
    outcome = client.get(f"{API}/rights-reports/{report['id']}", headers=headers["rights_owner"]).json()
    assert outcome["status"] == "accepted" and outcome["decision_reason"] == "Serial number format is fake."


def test_rejecting_leaves_the_listing(client: TestClient, headers, sample, db: Database) -> None:
    rights_owner(db)
    report = _file(client, headers["rights_owner"], sample.listing)
    decided = client.post(f"{API}/rights-reports/{report['id']}/decision",
                          json={"outcome": "rejected", "reason": "Genuine: receipt shown."},
                          headers=headers["moderator"])
    assert decided.status_code == 200 and decided.json()["status"] == "rejected"
    with db.transaction() as s:
        assert s.get_one(Listing, sample.listing).status == "sold"
    assert client.get(f"{API}/rights-reports/{report['id']}",
                      headers=headers["rights_owner"]).json()["decision_reason"] == "Genuine: receipt shown."


def test_the_owner_answers_the_sellers_appeal_before_a_moderator_decides(client: TestClient, headers, sample,
                                                                          db: Database) -> None:
    rights_owner(db)
    report = _file(client, headers["rights_owner"], sample.listing)
    early = client.post(f"{API}/rights-reports/{report['id']}/appeal-response", json={"response": "x"},
                        headers=headers["rights_owner"])
    assert early.status_code == 409  # nothing to answer yet
    takedown_id = client.post(f"{API}/rights-reports/{report['id']}/decision",
                              json={"outcome": "accepted", "reason": "fake"},
                              headers=headers["moderator"]).json()["takedown_id"]
    appeal = client.post(f"{API}/takedowns/{takedown_id}/appeals", json={"statement": "It is genuine, I have a receipt."},
                         headers=headers["agent"])
    assert appeal.status_code == 201, appeal.text
    seen = client.get(f"{API}/rights-reports/{report['id']}", headers=headers["rights_owner"]).json()
    assert seen["appeal"]["statement"] == "It is genuine, I have a receipt." and seen["appeal"]["status"] == "open"
    answer = client.post(f"{API}/rights-reports/{report['id']}/appeal-response",
                         json={"response": "The receipt's shop is not an authorised dealer."},
                         headers=headers["rights_owner"])
    assert answer.status_code == 200 and answer.json()["appeal_response"].startswith("The receipt")
    moderator_view = client.get(f"{API}/rights-reports/{report['id']}", headers=headers["moderator"]).json()
    assert moderator_view["appeal_response"].startswith("The receipt")
    decided = client.post(f"{API}/appeals/{appeal.json()['appeal']['id']}/decide",
                          json={"decision": "uphold", "reason": "owner's answer holds"}, headers=headers["supervisor"])
    assert decided.status_code in (200, 201), decided.text
    late = client.post(f"{API}/rights-reports/{report['id']}/appeal-response", json={"response": "more"},
                       headers=headers["rights_owner"])
    assert late.status_code == 409


def test_csv_upload_is_all_or_nothing(client: TestClient, headers, sample, db: Database) -> None:
    rights_owner(db, marks=("Nintendo", "Switch"))
    mine = headers["rights_owner"]
    good = f"listing_id,mark,evidence\n{sample.listing},Nintendo,fake box\n{sample.listing},Switch,=HYPERLINK(1)\n"
    created = client.post(f"{API}/rights-reports/import", json={"csv": good}, headers=mine)
    assert created.status_code == 201, created.text
    assert created.json()["created"] == 2
    bad = f"listing_id,mark,evidence\n{sample.listing},Nintendo,again\n999999,Nintendo,missing listing\n"
    refused = client.post(f"{API}/rights-reports/import", json={"csv": bad}, headers=mine)
    assert refused.status_code == 422 and "line 3" in refused.json()["error"]["message"]
    assert len(client.get(f"{API}/rights-reports", headers=mine).json()["items"]) == 2
