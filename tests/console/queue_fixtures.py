"""Fixtures for the queue and inquiry-workspace tests: their own copy of the
seeded database behind one service per test module (these tests claim,
reply and clock in, so they keep away from the read-mostly shared service),
and signed-in agents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any


import pytest

from console.client import ApiClient
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.settings import Options, Settings
from console.tasks import TaskRunner
from tests.console.support import ServiceProcess, copy_database

TIMEOUT_MS = 15_000




@pytest.fixture(scope="module")
def queue_service(seeded_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    url = copy_database(seeded_database, tmp_path_factory.mktemp("anzen-queue") / "anzen.db")
    service = ServiceProcess(url)
    service.start()
    # The service builds the queue table on the first GET /queue of a fresh database,
    # but that first answer comes back empty (reported to the backend); build it now.
    warm = sign_in(service, "supervisor")
    warm.get("/queue", {"limit": 1})
    warm.close()
    yield service
    service.stop()


def sign_in(service: ServiceProcess, username: str) -> ApiClient:
    api = service.client()
    api.login(username, f"{username}-demo")
    return api


def ensure_clocked_in(api: ApiClient) -> None:
    if api.get("/shifts/current").get("me") is None:
        api.post("/attendance/clock-in")


@pytest.fixture
def colleague(queue_service: ServiceProcess) -> Iterator[ApiClient]:
    """agent2, signed in and clocked in, acting through the API as a second desk would."""
    api = sign_in(queue_service, "agent2")
    ensure_clocked_in(api)
    yield api
    for item in api.get("/queue", {"claim": "mine", "limit": 200})["items"]:
        api.post(f"/queue/items/{item['id']}/release")
    api.close()


@pytest.fixture
def agent_context(queue_service: ServiceProcess, runner: TaskRunner, settings: Settings
                  ) -> Iterator[ConsoleContext]:
    api = sign_in(queue_service, "agent")
    settings.set(Options.QUEUE_POLL_MS, 500)
    monitor = ConnectionMonitor(api, runner, interval_ms=60_000)
    monitor.start()
    yield ConsoleContext(settings, api, runner, monitor, api.me())
    runner.wait(10_000)
    for item in api.get("/queue", {"claim": "mine", "limit": 200})["items"]:
        api.post(f"/queue/items/{item['id']}/release")
    monitor.stop()
    monitor.deleteLater()
    api.close()


def wait_loaded(qtbot: Any, model: Any) -> None:
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading, timeout=TIMEOUT_MS)
