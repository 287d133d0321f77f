"""One error shape, the right status, never a 500 for bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from backend.app import create_app
from backend.db import Database


def _is_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    assert set(error) == {"code", "message", "field"}
    return error


def test_not_found(client, headers) -> None:
    _is_error(client.get("/api/v1/listings/999999", headers=headers["agent"]), 404, "not_found")
    _is_error(client.get("/api/v1/nowhere", headers=headers["agent"]), 404, "not_found")


@pytest.mark.parametrize("path,field", [
    ("/api/v1/listings?status=lost", "status"),
    ("/api/v1/listings/abc", "listing_id"),
    ("/api/v1/transactions?role=buyer", "role"),
    ("/api/v1/members?q=" + "x" * 500, "q"),
])
def test_bad_query_input(client, headers, path, field) -> None:
    error = _is_error(client.get(path, headers=headers["supervisor"]), 422, "invalid")
    assert error["field"] == field


@pytest.mark.parametrize("path", ["/api/v1/listings?cursor=%00%01", "/api/v1/listings?cursor=eyJ4IjogMX0"])
def test_cursors_the_service_did_not_issue_are_a_400(client, headers, path) -> None:
    error = _is_error(client.get(path, headers=headers["supervisor"]), 400, "bad_cursor")  # issue 19: not 422
    assert error["field"] == "cursor"


@pytest.mark.parametrize("body", [None, [], {"username": ""}, {"username": "a", "password": 5}, "garbage"])
def test_bad_login_bodies(client, body) -> None:
    response = client.post("/api/v1/auth/login", json=body) if body != "garbage" else client.post(
        "/api/v1/auth/login", content=b"\xff\xfe", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_member_contact_details_are_masked(client, headers, sample) -> None:
    member = client.get(f"/api/v1/members/{sample.seller}", headers=headers["agent"]).json()
    assert member["email"] == "s***@example.jp"
    assert member["phone"] == "***-****-5678"
    assert "1-2-3" not in member["address"]


def test_launch_secret_guards_the_api(db: Database) -> None:
    with TestClient(create_app(db, launch_secret="s3cret")) as client:
        assert client.get("/health").status_code == 200
        _is_error(client.post("/api/v1/auth/login", json={"username": "x", "password": "y"}), 401, "unauthorized")
        _is_error(client.get("/api/v1/me", headers={"X-Anzen-Secret": "s3cre"}), 401, "unauthorized")
        _is_error(client.get("/api/v1/me", headers={"X-Anzen-Secret": "s3cret-and-more"}), 401, "unauthorized")
        with_secret = client.post("/api/v1/auth/login", json={"username": "x", "password": "y"},
                                  headers={"X-Anzen-Secret": "s3cret"})
        assert with_secret.json()["error"]["message"] == "Wrong username or password."


def test_demo_accounts_only_in_demo_mode(db: Database) -> None:
    with TestClient(create_app(db, demo=False)) as client:
        _is_error(client.get("/api/v1/demo/accounts"), 404, "not_found")
    with TestClient(create_app(db, demo=True)) as client:
        roles = {a["role"] for a in client.get("/api/v1/demo/accounts").json()}
        assert roles == {"agent", "moderator", "safety_officer", "supervisor"}


@pytest.mark.parametrize("path", ["/api/v1/listings/99999999999", "/api/v1/members/99999999999",
                                  "/api/v1/flags/99999999999", f"/api/v1/listings/{2 ** 70}/enforcement",
                                  f"/api/v1/transactions/{2 ** 70}"])
def test_huge_ids_are_bad_input_not_a_crash(client, headers, path) -> None:
    response = client.get(path, headers=headers["supervisor"])
    assert response.status_code in (404, 422), response.text
    assert response.json()["error"]["code"] in ("not_found", "invalid")


def test_implausible_recall_request_time_is_refused(client, headers) -> None:
    response = client.post("/api/v1/recalls", headers=headers["safety_officer"],
                           json={"title": "Heater", "number": "R-1", "requested_at": "0255-03-20T15:58:15-22:05"})
    assert response.status_code == 422 and response.json()["error"]["field"] == "requested_at"


@pytest.mark.parametrize("content", [".\r\u00b5\u0089J\u00b0", "number,title\n\"open quote", "\x00\x00"])
def test_unreadable_recall_csv_is_bad_input(client, headers, content) -> None:
    response = client.post("/api/v1/recalls/import", headers=headers["safety_officer"],
                           json={"format": "csv", "content": content})
    assert response.status_code in (200, 422), response.text
