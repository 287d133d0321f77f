"""Listing search finds titles in any script: "chanel" finds シャネル and back."""

from __future__ import annotations

import pytest

from backend.db import Database
from backend.recalls import evaluation

API = "/api/v1"

LISTINGS = [
    {"id": "s-kana", "title": "シャネル マトラッセ チェーンバッグ", "description": ""},
    {"id": "s-latin", "title": "CHANEL matelasse chain bag", "description": ""},
    {"id": "s-nike", "title": "ナイキ エアマックス 27cm", "description": ""},
    {"id": "s-petzl", "title": "Petzl Tikka headlamp", "description": ""},
    {"id": "s-other", "title": "シマノ リール", "description": ""},
]


@pytest.fixture
def listed(db: Database) -> None:
    with db.transaction() as session:
        evaluation.seed_listings(session, LISTINGS)


@pytest.mark.parametrize(("q", "found"), [
    ("chanel", {"s-kana", "s-latin"}),
    ("シャネル", {"s-kana", "s-latin"}),
    ("シャネル バッグ", {"s-kana", "s-latin"}),
    ("nike", {"s-nike"}),
    ("ペツル", {"s-petzl"}),
    ("マトラッセ", {"s-kana", "s-latin"}),
    ("リール", {"s-other"}),
])
def test_search_across_scripts(client, headers, listed, q: str, found: set[str]) -> None:
    response = client.get(f"{API}/listings", params={"q": q, "limit": 50}, headers=headers["moderator"])
    assert response.status_code == 200, response.text
    assert {item["external_id"] for item in response.json()["items"]} == found
