"""A client whose app holds the dashboards' routers and the lists they are compared with.

Built from the routers themselves rather than the whole API, so these tests
do not depend on where the routers are registered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from backend.app import create_app, sign_in_router
from backend.db import Database


@pytest.fixture(scope="session")
def metrics_app(session_db: Database) -> FastAPI:
    from backend.audit.viewer import router as audit_viewer_router
    from backend.enforcement.router import router as enforcement_router
    from backend.flags.router import router as flags_router
    from backend.metrics.router import router as metrics_router
    from backend.queue.router import router as queue_router

    return create_app(session_db, demo=True, routers=(sign_in_router(), metrics_router, audit_viewer_router,
                                                      queue_router, enforcement_router, flags_router))


@pytest.fixture
def client(metrics_app: FastAPI, db: Database) -> Iterator[TestClient]:
    with TestClient(metrics_app) as test_client:
        yield test_client
