"""Shared fixtures: a real database (SQLite file, or PostgreSQL when
ANZEN_TEST_PG_URL is set), the real service app, and signed-in staff per role.

PostgreSQL runs use a scratch database created for the run and dropped after,
so the suite never touches data it did not create.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from backend.app import create_app
from backend.db import Database
from backend.models import Base
from backend.schema import upgrade
from backend.staff import service as staff_service
from backend.staff.models import Role

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The service's secret key (backend/keys.py) for this run, never the user's own:
# services the console tests start inherit it.
os.environ.setdefault("ANZEN_KEY_FILE", os.path.join(tempfile.mkdtemp(prefix="anzen-key-"), "anzen.key"))

PG_ENV = "ANZEN_TEST_PG_URL"
PASSWORD = "correct-horse-battery"
KEEP_TABLES = {"staff", "auth_tokens", "alembic_version"}


def _scratch_postgres(base_url: str) -> Iterator[str]:
    name = f"anzen_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if base:
        yield from _scratch_postgres(base.replace("postgresql://", "postgresql+psycopg://", 1))
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'anzen-test.db'}"


@pytest.fixture(scope="session")
def session_db(database_url: str) -> Iterator[Database]:
    db = Database(database_url)
    upgrade(db)
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def role_staff(session_db: Database) -> dict[str, int]:
    """One account per role, created once: Argon2 is deliberately slow."""
    ids: dict[str, int] = {}
    with session_db.transaction() as session:
        for role in Role:
            ids[role.value] = staff_service.create_staff(
                session, username=f"test-{role.value}", password=PASSWORD, role=role.value
            ).id
    return ids


def wipe(db: Database) -> None:
    """Empty every table but the staff accounts, child tables first."""
    with db.transaction() as session:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in KEEP_TABLES:
                session.execute(table.delete())


@pytest.fixture
def db(session_db: Database, role_staff: dict[str, int]) -> Iterator[Database]:
    wipe(session_db)
    yield session_db


@pytest.fixture(scope="session")
def app(session_db: Database) -> FastAPI:
    """Built once: FastAPI takes a while to assemble its routes."""
    return create_app(session_db, demo=True)


@pytest.fixture
def client(app: FastAPI, db: Database) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def headers(session_db: Database, role_staff: dict[str, int]) -> dict[str, dict[str, str]]:
    """Authorization headers for each role, signed in once per run (tokens survive wipes)."""
    result = {}
    with session_db.transaction() as session:
        for role in Role:
            token, _expires, _staff = staff_service.login(session, username=f"test-{role.value}", password=PASSWORD)
            result[role.value] = {"Authorization": f"Bearer {token}"}
    return result


@pytest.fixture
def data_dir() -> Path:
    return Path(__file__).parent / "data"
