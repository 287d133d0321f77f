"""ApiClient: timeouts, retries only for idempotent calls, one error shape."""

from __future__ import annotations

import pytest
from http_stub import Answer, stub_server

from console.client import SECRET_HEADER, ApiClient, ApiError, ServiceUnreachable
from console.service_process import free_port

ERROR = {"error": {"code": "conflict", "message": "Someone else decided first.", "field": "version"}}


def test_get_retries_a_briefly_unavailable_service() -> None:
    script = {"GET /api/v1/listings": [Answer(503), Answer(503), Answer(200, {"items": [], "next_cursor": None})]}
    with stub_server(script) as (url, state):
        page = ApiClient(url).page("/listings", {"q": "", "status": None})
    assert page.items == [] and page.next_cursor is None
    assert len(state.seen) == 3
    assert state.seen[0][1] == "/api/v1/listings?limit=100", "empty filters are left out"


def test_post_is_never_repeated() -> None:
    with stub_server({"POST /api/v1/thing": [Answer(503), Answer(200, {})]}) as (url, state):
        with pytest.raises(ApiError) as raised:
            ApiClient(url).post("/thing", {"a": 1}, idempotency_key="k-1")
    assert raised.value.status == 503
    assert len(state.seen) == 1
    assert state.seen[0][2]["Idempotency-Key"] == "k-1"


def test_error_body_becomes_api_error() -> None:
    with stub_server({"GET /api/v1/flags/1": [Answer(409, ERROR)]}) as (url, _state):
        with pytest.raises(ApiError) as raised:
            ApiClient(url).get("/flags/1")
    assert (raised.value.status, raised.value.code, raised.value.field) == (409, "conflict", "version")
    assert raised.value.message == "Someone else decided first."


def test_secret_and_token_headers_are_sent() -> None:
    login = {"access_token": "tok", "token_type": "bearer", "expires_at": "2030-01-01T00:00:00Z",
             "staff": {"id": 1, "username": "agent", "display_name": "Aoi", "role": "agent"}}
    script = {"POST /api/v1/auth/login": [Answer(200, login)], "GET /api/v1/me": [Answer(200, login["staff"])]}
    with stub_server(script) as (url, state):
        client = ApiClient(url, secret="s3cret")
        sign_in = client.login("agent", "pw")
        assert client.me().role == "agent"
    assert sign_in.staff.display_name == "Aoi" and client.signed_in
    headers = state.seen[1][2]
    assert headers[SECRET_HEADER] == "s3cret" and headers["Authorization"] == "Bearer tok"


def test_read_timeout_is_reported_as_unreachable() -> None:
    with stub_server({"GET /health": [Answer(200, {"status": "ok"}, delay_s=3.0)]}) as (url, _state):
        with pytest.raises(ServiceUnreachable):
            ApiClient(url).health()


def test_nobody_listening_is_unreachable() -> None:
    with pytest.raises(ServiceUnreachable):
        ApiClient(f"http://127.0.0.1:{free_port()}", retries=0).get("/me")


def test_real_service_requires_the_launch_secret(shared_service) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ApiError) as raised:
        ApiClient(shared_service.url).login("agent", "agent-demo")
    assert raised.value.status == 401


def test_real_service_pages_with_cursors(signed_in_client: ApiClient) -> None:
    first = signed_in_client.page("/listings", limit=5)
    assert len(first.items) == 5 and first.next_cursor
    second = signed_in_client.page("/listings", cursor=first.next_cursor, limit=5)
    assert {i["id"] for i in first.items}.isdisjoint({i["id"] for i in second.items})
    assert signed_in_client.me().username == "supervisor"
