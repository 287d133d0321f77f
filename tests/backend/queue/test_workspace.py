"""The inquiry workspace: replies, internal notes, status, macros."""

from __future__ import annotations

from fastapi.testclient import TestClient

API = "/api/v1"


def test_reply_moves_the_sla_to_resolution(client: TestClient, headers, sample) -> None:
    agent = headers["agent"]
    before = client.get(f"{API}/queue", params={"kind": "inquiry"}, headers=agent).json()["items"][0]
    assert before["sla_kind"] == "first_response"
    sent = client.post(f"{API}/inquiries/{sample.inquiry}/replies", json={"body": "We are checking.",
                       "status": "waiting_on_member", "version": 1}, headers=agent)
    assert sent.status_code == 201, sent.text
    assert sent.json()["message"]["kind"] == "agent"
    assert sent.json()["inquiry"]["status"] == "waiting_on_member"
    assert sent.json()["inquiry"]["first_responded_at"] is not None
    after = client.get(f"{API}/queue/items/{before['id']}", headers=agent).json()
    assert after["sla_kind"] == "resolution" and after["waiting"] and after["status"] == "waiting_on_member"
    thread = client.get(f"{API}/inquiries/{sample.inquiry}", headers=agent).json()["messages"]
    assert [m["kind"] for m in thread] == ["member", "agent"]


def test_notes_are_internal_messages(client: TestClient, headers, sample) -> None:
    noted = client.post(f"{API}/inquiries/{sample.inquiry}/notes", json={"body": "Seller is a repeat offender"},
                        headers=headers["agent"])
    assert noted.status_code == 201 and noted.json()["message"]["kind"] == "note"
    assert noted.json()["inquiry"]["first_responded_at"] is None  # a note is not a response


def test_status_changes_use_the_version(client: TestClient, headers, sample) -> None:
    agent = headers["agent"]
    resolved = client.post(f"{API}/inquiries/{sample.inquiry}/status", json={"status": "resolved", "version": 1},
                           headers=agent)
    assert resolved.status_code == 200 and resolved.json()["resolved_at"] is not None
    stale = client.post(f"{API}/inquiries/{sample.inquiry}/status", json={"status": "open", "version": 1},
                        headers=agent)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"
    reply_closed = client.post(f"{API}/inquiries/{sample.inquiry}/replies", json={"body": "hi"}, headers=agent)
    assert reply_closed.status_code == 409 and reply_closed.json()["error"]["code"] == "closed"
    reopened = client.post(f"{API}/inquiries/{sample.inquiry}/status",
                           json={"status": "open", "version": resolved.json()["version"]}, headers=agent)
    assert reopened.status_code == 200 and reopened.json()["resolved_at"] is None
    assert client.get(f"{API}/queue", headers=agent).json()["items"][0]["ref_id"] == sample.inquiry
    new = client.post(f"{API}/inquiries/{sample.inquiry}/status", json={"status": "new", "version": 3},
                      headers=agent)
    assert new.status_code == 422


def test_macros_are_checked_managed_and_rendered(client: TestClient, headers, sample) -> None:
    sup, agent = headers["supervisor"], headers["agent"]
    typo = client.post(f"{API}/macros", json={"name": "Typo", "body": "Hi {membr_name}"}, headers=sup)
    assert typo.status_code == 422 and "membr_name" in typo.json()["error"]["message"]
    brace = client.post(f"{API}/macros", json={"name": "Brace", "body": "Hi {member_name"}, headers=sup)
    assert brace.status_code == 422 and brace.json()["error"]["field"] == "body"
    made = client.post(f"{API}/macros", json={
        "name": "Shipping delay", "category": "item_not_received",
        "body": "{member_name}様、取引 {transaction_id} ({amount}, {listing_title}) を確認しています。— {agent_name}"},
        headers=sup)
    assert made.status_code == 201, made.text
    macro = made.json()
    text = client.get(f"{API}/inquiries/{sample.inquiry}/macros/{macro['id']}", headers=agent).json()
    assert text["text"] == (f"Brown Buyer様、取引 {sample.transaction} (¥25,000, Nintendo Switch 本体) "
                            "を確認しています。— test-agent")
    assert text["missing"] == []
    names = [m["name"] for m in client.get(f"{API}/macros", params={"category": "item_not_received"},
                                           headers=agent).json()]
    assert "Shipping delay" in names

    stale = client.patch(f"{API}/macros/{macro['id']}", json={"version": 99, "active": False}, headers=sup)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"
    off = client.patch(f"{API}/macros/{macro['id']}", json={"version": macro["version"], "active": False},
                       headers=sup)
    assert off.status_code == 200 and off.json()["version"] == macro["version"] + 1
    assert "Shipping delay" not in [m["name"] for m in client.get(f"{API}/macros", headers=agent).json()]
    gone = client.get(f"{API}/inquiries/{sample.inquiry}/macros/{macro['id']}", headers=agent)
    assert gone.status_code == 404
    assert client.post(f"{API}/macros", json={"name": "x", "body": "y"}, headers=agent).status_code == 403
