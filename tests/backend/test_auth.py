"""Signing requests in: every kind of bad token is refused alike, on every
request (nothing cached), and the request's transaction commits or rolls back
as a whole."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from backend.db import Database, utcnow
from backend.deps import CurrentStaff, DbSession, require
from backend.errors import Conflict, install_error_handlers
from backend.members.models import Member
from backend.permissions import Permission
from backend.staff import service as staff_service
from backend.staff.models import AuthToken, Staff
from backend.staff.security import new_token, token_digest
from tests.conftest import PASSWORD

SIGN_IN_FIRST = "Sign in first: send 'Authorization: Bearer <token>'."
SIGNED_OUT = "Your session has expired or was signed out; sign in again."


def _unauthorized(message: str) -> dict[str, dict[str, str | None]]:
    return {"error": {"code": "unauthorized", "message": message, "field": None}}


def _token(db: Database, staff_id: int, *, expires_in: timedelta, revoked: bool = False) -> dict[str, str]:
    token = new_token()
    with db.transaction() as session:
        session.add(AuthToken(token_hash=token_digest(token), staff_id=staff_id, expires_at=utcnow() + expires_in,
                              revoked_at=utcnow() if revoked else None))
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(("authorization", "message"), [
    (None, SIGN_IN_FIRST),
    ("Basic dXNlcjpwdw==", SIGN_IN_FIRST),
    ("Bearer ", SIGN_IN_FIRST),
    ("Bearer not-a-token", SIGNED_OUT),
])
def test_missing_or_unknown_tokens_are_refused(client: TestClient, authorization: str | None, message: str) -> None:
    headers = {"Authorization": authorization} if authorization is not None else {}
    for path in ("/api/v1/me", "/api/v1/members"):  # plain CurrentStaff, and behind require(...)
        response = client.get(path, headers=headers)
        assert (response.status_code, response.json()) == (401, _unauthorized(message))


def test_expired_and_revoked_tokens_are_refused(client: TestClient, db: Database, role_staff: dict[str, int]) -> None:
    agent = role_staff["agent"]
    live = _token(db, agent, expires_in=timedelta(minutes=1))
    expired = _token(db, agent, expires_in=-timedelta(seconds=1))
    revoked = _token(db, agent, expires_in=timedelta(hours=1), revoked=True)
    assert client.get("/api/v1/me", headers=live).status_code == 200
    for headers in (expired, revoked):
        for path in ("/api/v1/me", "/api/v1/members"):
            response = client.get(path, headers=headers)
            assert (response.status_code, response.json()) == (401, _unauthorized(SIGNED_OUT))


def test_deactivation_and_sign_out_apply_to_the_next_request(client: TestClient, db: Database) -> None:
    """The token and the account are read from the database on every request."""
    username = f"temp-{uuid.uuid4().hex[:8]}"
    with db.transaction() as session:
        staff_id = staff_service.create_staff(session, username=username, password=PASSWORD, role="agent").id
    login = client.post("/api/v1/auth/login", json={"username": username, "password": PASSWORD})
    mine = {"Authorization": f"Bearer {login.json()['access_token']}"}
    assert client.get("/api/v1/members", headers=mine).status_code == 200

    def set_active(active: bool) -> None:
        with db.transaction() as session:
            session.execute(update(Staff).where(Staff.id == staff_id).values(active=active))

    set_active(False)
    for path in ("/api/v1/me", "/api/v1/members"):
        response = client.get(path, headers=mine)
        assert (response.status_code, response.json()) == (401, _unauthorized(SIGNED_OUT))
    set_active(True)
    assert client.get("/api/v1/me", headers=mine).status_code == 200
    assert client.post("/api/v1/auth/logout", headers=mine).status_code == 204
    response = client.get("/api/v1/members", headers=mine)
    assert (response.status_code, response.json()) == (401, _unauthorized(SIGNED_OUT))
    set_active(False)  # leave no usable extra account behind for other tests


def test_a_role_without_the_permission_is_forbidden(client: TestClient, headers: dict[str, dict[str, str]]) -> None:
    response = client.get("/api/v1/staff", headers=headers["agent"])
    assert (response.status_code, response.json()) == (
        403, {"error": {"code": "forbidden", "message": "Your role (agent) may not manage staff.", "field": None}})


@pytest.fixture
def tx_client(db: Database) -> TestClient:
    """A small app on the real dependencies: writes a member, then succeeds or fails."""
    app = FastAPI()
    app.state.db = db
    install_error_handlers(app)

    @app.post("/members/{external_id}")
    def add(external_id: str, outcome: str, staff: CurrentStaff, session: DbSession) -> dict[str, str]:
        session.add(Member(external_id=external_id, display_name=staff.username))
        session.flush()
        if outcome == "refuse":
            raise Conflict("refused after writing")
        if outcome == "crash":
            raise RuntimeError("unexpected")
        if outcome == "duplicate":  # fails only when the request's transaction commits
            session.add(Member(external_id=external_id, display_name="again"))
        return {"ok": external_id}

    @app.get("/gated")
    def gated(staff: Annotated[Staff, Depends(require(Permission.manage_staff))]) -> dict[str, str]:
        return {"ok": staff.username}

    return TestClient(app, raise_server_exceptions=False)


def _members(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Member.external_id).order_by(Member.external_id)))


def test_the_request_transaction_commits_or_rolls_back_whole(tx_client: TestClient, db: Database,
                                                             headers: dict[str, dict[str, str]]) -> None:
    agent = headers["agent"]
    assert tx_client.post("/members/kept?outcome=ok", headers=agent).json() == {"ok": "kept"}
    refused = tx_client.post("/members/refused?outcome=refuse", headers=agent)
    assert (refused.status_code, refused.json()["error"]["code"]) == (409, "conflict")
    crashed = tx_client.post("/members/crashed?outcome=crash", headers=agent)
    assert (crashed.status_code, crashed.json()["error"]["code"]) == (500, "internal")
    failed_commit = tx_client.post("/members/dup?outcome=duplicate", headers=agent)
    assert failed_commit.status_code >= 400
    unsigned = tx_client.post("/members/nobody?outcome=ok")
    assert unsigned.status_code == 401
    assert _members(db) == ["kept"]
    assert db.engine.pool.checkedout() == 0  # every request's connection went back to the pool
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 1


def test_require_refuses_before_the_endpoint_runs(tx_client: TestClient, headers: dict[str, dict[str, str]]) -> None:
    assert tx_client.get("/gated", headers=headers["supervisor"]).json() == {"ok": "test-supervisor"}
    response = tx_client.get("/gated", headers=headers["moderator"])
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
