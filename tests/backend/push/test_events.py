"""GET /api/v1/events: signed-in consoles only; on SQLite one 'unavailable'
event tells the console to poll (across replicas on PostgreSQL: tests/backend/jobs/test_replicas.py)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from backend.db import Database


def test_events_need_a_signed_in_console(client: TestClient) -> None:
    assert client.get("/api/v1/events").status_code == 401


def test_sqlite_says_poll_instead(client: TestClient, headers, db: Database) -> None:  # type: ignore[no-untyped-def]
    if not db.is_sqlite:
        return
    response = client.get("/api/v1/events", headers=headers["agent"])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert "event: unavailable" in response.text and '"mode":"poll"' in response.text
