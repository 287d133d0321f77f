"""Member search treats hiragana and katakana, full and half width alike (issue 16)."""

from __future__ import annotations

from typing import Any

import pytest

from backend.db import Database
from backend.members.models import Member

API = "/api/v1"
NAMES = {"m-hira": "すずき はなこ", "m-kata": "スズキ タロウ", "m-half": "ｽｽﾞｷ ｼﾞﾛｳ", "m-wide": "ＡＢＣ商店",
         "m-narrow": "ABC Trading", "m-other": "さとう ゆい"}


@pytest.fixture
def members(db: Database) -> None:
    with db.transaction() as session:
        session.add_all(Member(external_id=ext, display_name=name) for ext, name in NAMES.items())


@pytest.mark.parametrize(("q", "found"), [
    ("すずき", {"m-hira", "m-kata"}),
    ("スズキ", {"m-hira", "m-kata"}),
    ("ｽｽﾞｷ", {"m-hira", "m-kata", "m-half"}),  # (a name stored in half-width kana is found only so)
    ("ABC", {"m-wide", "m-narrow"}),
    ("ＡＢＣ", {"m-wide", "m-narrow"}),
    ("さとう", {"m-other"}),
    ("m-other", {"m-other"}),
])
def test_names_in_any_kana_or_width(client: Any, headers: Any, members: None, q: str, found: set[str]) -> None:
    response = client.get(f"{API}/members", params={"q": q, "limit": 50}, headers=headers["supervisor"])
    assert response.status_code == 200, response.text
    assert {m["external_id"] for m in response.json()["items"]} & set(NAMES) == found
