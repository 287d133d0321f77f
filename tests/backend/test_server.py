"""Serving in two stages (backend/server.py): sign-in answers while the rest of
the API loads, and a request for the rest waits for it instead of failing."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.types import ASGIApp

from backend.app import API_PREFIX, create_app, exact_paths, sign_in_router
from backend.config import LAUNCH_SECRET_ENV
from backend.db import Database
from backend.server import LISTENING_LINE, StagedApp
from tests.conftest import PASSWORD

REPO = Path(__file__).resolve().parents[2]


class Loader:
    """A ``load_full`` that counts its calls and returns ``app`` once released."""

    def __init__(self, app: ASGIApp | Exception) -> None:
        self.app = app
        self.calls = 0
        self.release = threading.Event()

    def __call__(self) -> ASGIApp:
        self.calls += 1
        assert self.release.wait(10)
        if isinstance(self.app, Exception):
            raise self.app
        return self.app


@pytest.fixture
def sign_in_app(db: Database) -> FastAPI:
    return create_app(db, demo=True, routers=[sign_in_router()])


def test_sign_in_paths_are_the_staff_routes_without_parameters() -> None:
    paths = exact_paths([sign_in_router()])
    assert {"/health", f"{API_PREFIX}/auth/login", f"{API_PREFIX}/me", f"{API_PREFIX}/demo/accounts"} <= paths
    assert not any("{" in path for path in paths)
    assert f"{API_PREFIX}/listings" not in paths


def test_sign_in_goes_first_and_the_rest_waits_for_the_whole_api(
        sign_in_app: FastAPI, app: FastAPI, headers: dict[str, dict[str, str]]) -> None:
    loader = Loader(app)
    with TestClient(StagedApp(sign_in_app, exact_paths([sign_in_router()]), loader)) as client:
        assert client.get("/health").json()["status"] == "ok"
        assert loader.calls == 0, "health checks alone do not start the loading"
        login = client.post(f"{API_PREFIX}/auth/login", json={"username": "test-agent", "password": PASSWORD})
        assert login.status_code == 200, login.text
        assert loader.calls == 1, "an answered sign-in starts it"

        answers: list[int] = []
        waiting = threading.Thread(
            target=lambda: answers.append(client.get(f"{API_PREFIX}/listings", headers=headers["agent"]).status_code))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and not answers  # held, not refused

        loader.release.set()
        waiting.join(10)
        assert answers == [200]
        assert loader.calls == 1


def test_a_request_for_the_rest_starts_the_loading_and_then_everything_goes_there(app: FastAPI) -> None:
    stub = Starlette(routes=[Route("/health", lambda _request: PlainTextResponse("sign-in app", status_code=418))])
    loader = Loader(app)
    loader.release.set()
    with TestClient(StagedApp(stub, frozenset({"/health"}), loader)) as client:
        assert client.get("/health").status_code == 418
        assert client.get(f"{API_PREFIX}/nowhere").json()["error"]["code"] == "not_found"
        assert client.get("/health").json()["status"] == "ok"
        assert loader.calls == 1


def test_an_api_that_fails_to_load_is_reported_on_every_request(sign_in_app: FastAPI) -> None:
    loader = Loader(ImportError("no module named backend.nowhere"))
    loader.release.set()
    with TestClient(StagedApp(sign_in_app, exact_paths([sign_in_router()]), loader)) as client:
        for path in (f"{API_PREFIX}/listings", "/health"):
            response = client.get(path)
            assert response.status_code == 503
            error = response.json()["error"]
            assert error["code"] == "unavailable" and "backend.nowhere" in error["message"]
        assert loader.calls == 1


def test_every_route_answers_as_soon_as_the_service_says_it_listens(tmp_path: Path) -> None:
    """Against the real process: a request made right after ``anzen-listening``
    never meets a half-loaded API (a 404 for a route that exists, a partial schema)."""
    url = f"sqlite:///{tmp_path / 'served.db'}"
    backend = [sys.executable, "-m", "backend", "--database-url", url]
    subprocess.run([*backend, "create-staff", "lee", "--role", "agent", "--password", PASSWORD], cwd=REPO,
                   check=True, stdout=subprocess.DEVNULL)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != LAUNCH_SECRET_ENV}
    process = subprocess.Popen([*backend, "serve", "--port", str(port)], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdout is not None
        assert next(line for line in process.stdout if line.strip() == LISTENING_LINE)
        base = f"http://127.0.0.1:{port}"
        login = requests.post(f"{base}{API_PREFIX}/auth/login", json={"username": "lee", "password": PASSWORD},
                              timeout=30)
        assert login.status_code == 200, login.text
        auth = {"Authorization": f"Bearer {login.json()['access_token']}"}
        assert requests.get(f"{base}{API_PREFIX}/listings", headers=auth, timeout=30).json()["items"] == []
        paths = requests.get(f"{base}/openapi.json", timeout=30).json()["paths"]
        assert f"{API_PREFIX}/recalls" in paths and f"{API_PREFIX}/auth/login" in paths
    finally:
        process.terminate()
        process.wait(10)
