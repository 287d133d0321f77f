"""What schemathesis found on the live demo service: a repeated external id and an invisible username."""

from __future__ import annotations

from typing import Any

API = "/api/v1"


def test_a_repeated_message_external_id_is_a_conflict_not_a_500(client: Any, headers: Any, sample: Any) -> None:
    body = {"external_id": "dup-1", "listing_id": sample.listing, "sender_id": sample.buyer, "text": "まだありますか？"}
    first = client.post(f"{API}/messages", json=body, headers=headers["supervisor"])
    assert first.status_code == 201, first.text
    again = client.post(f"{API}/messages", json=body, headers=headers["supervisor"])
    assert again.status_code == 409 and again.json()["error"]["field"] == "external_id"


def test_usernames_must_be_visible(client: Any, headers: Any, db: Any) -> None:
    owner = {"name": "Acme", "marks": ["ACME"], "username": "\u0011\u0007", "password": "long-enough-password"}
    refused = client.post(f"{API}/rights-owners", json=owner, headers=headers["supervisor"])
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "username"
    staff = {"username": "\u200b", "password": "long-enough-password", "role": "agent"}
    assert client.post(f"{API}/staff", json=staff, headers=headers["supervisor"]).status_code == 422
