"""Crafted pagination cursors (issue 19): every list that takes a cursor answers
a cursor it did not issue with 400, never 500, and its own cursors still work."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from backend.pagination import sign_token


def _legacy(payload: object) -> str:
    """The unsigned base64-JSON shape cursors had before, with any payload."""
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


CRAFTED = [
    _legacy([{"dt": "2024-01-01T00:00:00"}, 5]),  # a naive date
    _legacy([{"dt": "2024-01-01T00:00:00+00:00"}, 5]),  # well formed, but not signed
    _legacy([[1, 2], 5]),  # a list
    _legacy(["text", 5]),
    _legacy([1.5, 5]),
    _legacy([True, 5]),
    _legacy([None, 5]),
    _legacy([1, 2 ** 70]),
    "not base64 at all!",
    "e30",  # {}
    "x.y",
    sign_token(["s", "a", 1], scope="Nothing.at_all"),  # signed, for another list
    sign_token(["t", "2024-01-01T00:00:00+00:00", 1], scope="Member.id"),
]


def _cursor_lists(client: TestClient) -> list[str]:
    paths = client.app.openapi()["paths"]
    return sorted(path for path, ops in paths.items() if "get" in ops
                  and any(p["name"] == "cursor" for p in ops["get"].get("parameters", [])))


def test_every_list_with_a_cursor_is_covered(client: TestClient) -> None:
    assert len(_cursor_lists(client)) >= 15


def test_crafted_cursors_are_a_400_on_every_list(client: TestClient, headers, sample) -> None:
    ids = sample.path_ids()
    for template in _cursor_lists(client):
        path = template.format(**ids)
        for cursor in CRAFTED:
            response = client.get(path, params={"cursor": cursor}, headers=headers["supervisor"])
            assert response.status_code == 400, (path, cursor, response.text)
            assert response.json()["error"]["code"] == "bad_cursor"
            assert response.json()["error"]["field"] == "cursor"


def test_a_cursor_from_one_list_does_not_open_another(client: TestClient, headers, sample) -> None:
    members = client.get("/api/v1/members", params={"limit": 1}, headers=headers["supervisor"]).json()
    assert members["next_cursor"]
    assert client.get("/api/v1/members", params={"limit": 1, "cursor": members["next_cursor"]},
                      headers=headers["supervisor"]).status_code == 200
    other = client.get("/api/v1/audit-events", params={"cursor": members["next_cursor"]},
                       headers=headers["supervisor"])
    assert other.status_code == 400


@pytest.mark.parametrize("since", CRAFTED[:9])
def test_crafted_queue_change_tokens_are_a_400(client: TestClient, headers, since: str) -> None:
    response = client.get("/api/v1/queue/changes", params={"since": since}, headers=headers["supervisor"])
    assert response.status_code == 400 and response.json()["error"]["field"] == "since"
