"""The transparency report's figures equal counts taken from the list endpoints (issue 17)."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import timedelta

from fastapi.testclient import TestClient

from backend.db import Database, utcnow
from backend.listings.models import Listing
from tests.backend.authority.helpers import rights_owner

API = "/api/v1"


def _all(client: TestClient, path: str, headers: dict[str, str], **params) -> list[dict]:  # type: ignore[no-untyped-def]
    items, cursor = [], None
    while True:
        page = client.get(f"{API}{path}", params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})},
                          headers=headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if not cursor:
            return items


def _activity(client: TestClient, headers, second_supervisor, sample, db: Database) -> None:  # type: ignore[no-untyped-def]
    sup, mod = headers["supervisor"], headers["moderator"]
    with db.transaction() as s:
        extra = Listing(external_id="l-fake", seller_id=sample.seller, title="Nintendo Switch 有機EL 新品", category="games",
                        brand="Nintendo", price=9000, status="active")
        other = Listing(external_id="l-recalled", seller_id=sample.buyer, title="Old heater", category="home",
                        price=3000, status="active")
        s.add_all([extra, other])
        s.flush()
        extra_id, other_id = extra.id, other.id
    # detector flag actioned by a takedown; a recalled product; the sample's moderator takedown, its appeal overturned
    assert client.post(f"{API}/listings/{sample.listing}/takedown",
                       json={"reason_code": "counterfeit", "flag_id": sample.flag}, headers=mod).status_code == 201
    assert client.post(f"{API}/listings/{other_id}/takedown", json={"reason_code": "recalled_product"},
                       headers=mod).status_code == 201
    assert client.post(f"{API}/appeals/{sample.appeal}/decide", json={"decision": "overturn", "reason": "genuine"},
                       headers=sup).status_code in (200, 201)
    # rights reports: one accepted (a takedown), one rejected, one open
    rights_owner(db, marks=("Nintendo", "Switch", "Joy-Con"))
    owner = headers["rights_owner"]
    ids = [client.post(f"{API}/rights-reports", json={"listing_id": extra_id, "mark": mark, "evidence": "fake"},
                       headers=owner).json()["id"] for mark in ("Nintendo", "Switch", "Joy-Con")]
    for report_id, outcome in zip(ids, ("accepted", "rejected")):
        assert client.post(f"{API}/rights-reports/{report_id}/decision", json={"outcome": outcome, "reason": "r"},
                           headers=mod).status_code == 200
    # authority requests: answered, declined, pending
    due = (utcnow() + timedelta(days=5)).isoformat()
    rids = [client.post(f"{API}/authority-requests", json={
        "agency": "Police", "reference": f"R{i}", "legal_basis": basis, "due_at": due,
        "scope": {"member_ids": [sample.seller]}}, headers=sup).json()["id"]
        for i, basis in enumerate(("court_order", "court_order", "regulator_request"))]
    assert client.post(f"{API}/authority-requests/{rids[0]}/approve", json={"reason": "ok"},
                       headers=second_supervisor).status_code == 200
    assert client.get(f"{API}/authority-requests/{rids[0]}/package", headers=sup).status_code == 200
    assert client.post(f"{API}/authority-requests/{rids[1]}/decline", json={"reason": "no"},
                       headers=second_supervisor).status_code == 200


def test_figures_equal_the_lists(client: TestClient, headers, second_supervisor, sample, db: Database) -> None:
    _activity(client, headers, second_supervisor, sample, db)
    sup = headers["supervisor"]
    period = {"from": (utcnow() - timedelta(days=1)).isoformat(), "to": (utcnow() + timedelta(days=1)).isoformat()}
    response = client.get(f"{API}/reports/transparency", params=period, headers=sup)
    assert response.status_code == 200, response.text
    report = response.json()

    takedowns = _all(client, "/takedowns", sup)
    reports = _all(client, "/rights-reports", sup)
    appeals = _all(client, "/appeals", sup)
    requests = _all(client, "/authority-requests", sup)
    notices = _all(client, "/notices", sup)

    assert report["takedowns"]["total"] == len(takedowns) == 4
    assert {k: v for k, v in report["takedowns"]["by_policy"].items() if v} == dict(
        Counter(t["reason_code"] for t in takedowns))
    by_rights = {r["takedown_id"] for r in reports if r["takedown_id"]}
    flagged = {t["id"] for t in takedowns if t.get("flag_id") == sample.flag}
    expected_sources = Counter(
        "rights_owner" if t["id"] in by_rights else "recall" if t["reason_code"] == "recalled_product"
        else "detector" if t["id"] in flagged else "moderator" for t in takedowns)
    assert {k: v for k, v in report["takedowns"]["by_source"].items() if v} == dict(expected_sources)
    assert dict(expected_sources) == {"rights_owner": 1, "recall": 1, "detector": 1, "moderator": 1}

    assert report["rights_reports"]["by_outcome"] == {"open": 1, "accepted": 1, "rejected": 1}
    assert report["rights_reports"]["by_outcome"] == {s: sum(r["status"] == s for r in reports)
                                                      for s in ("open", "accepted", "rejected")}
    statuses = Counter(a["status"] for a in appeals)
    assert report["appeals"]["filed"] == len(appeals)
    assert report["appeals"]["overturned"] == statuses["overturned"] == 1
    assert report["appeals"]["overturn_rate"] == 1.0

    outcome = {"pending_approval": "pending", "declined": "declined", "answered": "answered", "approved": "approved"}
    expected = Counter((r["legal_basis"], outcome[r["status"]]) for r in requests)
    got = Counter({(basis, o): n for basis, row in report["authority_requests"]["by_legal_basis"].items()
                   for o, n in row.items() if n})
    assert got == expected and report["authority_requests"]["total"] == len(requests) == 3
    assert report["authority_requests"]["answered"] == 1
    assert report["authority_requests"]["median_response_hours"] is not None

    assert report["recalls"]["notices_sent"] == len(notices)
    assert report["recalls"]["products_returned"] == sum(n["return_status"] == "returned" for n in notices)

    as_csv = client.get(f"{API}/reports/transparency", params={**period, "format": "csv"}, headers=sup)
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.headers["content-disposition"].startswith("attachment")
    rows = {(r[0], r[1], r[2]): r[3] for r in csv.reader(io.StringIO(as_csv.text))}
    assert rows[("takedowns", "by_source", "rights_owner")] == "1"
    assert rows[("appeals", "", "filed")] == str(len(appeals))


def test_an_empty_or_inverted_period(client: TestClient, headers, sample) -> None:
    sup = headers["supervisor"]
    inverted = client.get(f"{API}/reports/transparency", params={"from": "2030-02-01", "to": "2030-01-01"},
                          headers=sup)
    assert inverted.status_code == 422
    empty = client.get(f"{API}/reports/transparency", params={"from": "2001-01-01", "to": "2001-02-01"},
                       headers=sup).json()
    assert empty["takedowns"]["total"] == 0 and empty["appeals"]["overturn_rate"] is None
