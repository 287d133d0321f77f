"""Listings the seed model scores predictably, and a helper to submit them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

# A long-standing seller, so that "new account" does not add to scores.
VETERAN_JOINED = (datetime.now(UTC) - timedelta(days=400)).isoformat()

FAKE_CHANEL = {"title": "シャネル スーパーコピー 財布", "description": "N級品です。即購入OK",
               "price": 3000, "category": "wallets", "brand": "CHANEL"}
CHEAP_NIKE = {"title": "ナイキ スニーカー", "description": "激安", "price": 2000, "category": "shoes", "brand": "NIKE"}
YOGA_MAT = {"title": "ヨガマット 6mm", "description": "数回使用しました。自宅保管品です。", "price": 1200,
            "category": "sports"}


def submit(client: TestClient, headers: dict[str, str], external_id: str, listing: dict[str, Any],
           **extra: Any) -> Any:
    body = {"external_id": external_id, "seller_external_id": "m-veteran", "seller_joined_at": VETERAN_JOINED,
            **listing, **extra}
    return client.post("/api/v1/listings", json=body, headers=headers)
