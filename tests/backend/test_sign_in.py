"""Sign-in hardening (issue 19): throttling per account and per address, locks
that supervisors hear of and can lift, the same Argon2 work for unknown names,
an audit trail with the client address, idle timeout and maximum session age."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backend.audit.models import AuditEvent
from backend.config import SecuritySettings
from backend.db import Database, utcnow
from backend.staff import service as staff_service
from backend.staff import signin
from backend.staff.models import AuthToken, SignInThrottle
from tests.conftest import PASSWORD

LOGIN = "/api/v1/auth/login"


@pytest.fixture
def settings(app: FastAPI) -> Iterator[SecuritySettings]:
    """The app's settings, restored after the test (tests replace them)."""
    before = app.state.security
    yield before
    app.state.security = before


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every Argon2 verification sign-in makes (the real one runs; its hash is noted)."""
    calls: list[str] = []
    real = signin.verify_password

    def counting(password_hash: str, password: str) -> bool:
        calls.append(password_hash)
        return real(password_hash, password)

    monkeypatch.setattr(signin, "verify_password", counting)
    return calls


def _new_agent(db: Database) -> str:
    username = f"agent-{uuid.uuid4().hex[:8]}"
    with db.transaction() as session:
        staff_service.create_staff(session, username=username, password=PASSWORD, role="agent")
    return username


def _attempt(client: TestClient, username: str, password: str = "wrong-password") -> int:
    return client.post(LOGIN, json={"username": username, "password": password}).status_code


def test_unknown_name_costs_the_same_argon2_verification(client: TestClient, db: Database,
                                                         verifications: list[str]) -> None:
    username = _new_agent(db)
    assert _attempt(client, username) == 401
    assert _attempt(client, f"nobody-{uuid.uuid4().hex[:8]}") == 401
    assert len(verifications) == 2
    assert all(h.startswith("$argon2") for h in verifications)
    assert verifications[0] != verifications[1]  # the account's own hash, then the dummy
    unknown = client.post(LOGIN, json={"username": "nobody-x", "password": "x"}).json()
    wrong = client.post(LOGIN, json={"username": username, "password": "x"}).json()
    assert unknown == wrong  # nothing in the answer tells the cases apart either


def test_deactivated_account_is_verified_too(client: TestClient, db: Database, verifications: list[str]) -> None:
    username = _new_agent(db)
    with db.transaction() as session:
        session.execute(update(staff_service.Staff).where(staff_service.Staff.username == username)
                        .values(active=False))
    assert _attempt(client, username, PASSWORD) == 401
    assert len(verifications) == 1


def test_a_burst_of_wrong_passwords_is_not_all_checked(client: TestClient, db: Database,
                                                       verifications: list[str]) -> None:
    """200 wrong passwords in a row: after the free attempts the answer is 429
    with Retry-After, without spending a password check on it."""
    username = _new_agent(db)
    statuses = [_attempt(client, username) for _ in range(200)]
    assert statuses[:3] == [401, 401, 401]
    assert statuses.count(429) >= 190
    assert len(verifications) <= 5
    refused = client.post(LOGIN, json={"username": username, "password": "wrong"})
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["error"]["code"] == "too_many_attempts"


def test_the_delay_doubles_after_each_failure(client: TestClient, db: Database) -> None:
    username = _new_agent(db)
    for _ in range(3):
        assert _attempt(client, username) == 401
    waits = []
    for _ in range(3):
        refused = client.post(LOGIN, json={"username": username, "password": "wrong"})
        assert refused.status_code == 429
        waits.append(int(refused.headers["Retry-After"]))
        with db.transaction() as session:  # let the wait pass, without sleeping
            session.execute(update(SignInThrottle).where(SignInThrottle.key == username.casefold())
                            .values(last_failure_at=utcnow() - timedelta(minutes=5)))
        assert _attempt(client, username) == 401
    assert waits == [1, 2, 4]


def test_locked_account_alerts_supervisors_who_can_unlock_it(client: TestClient, db: Database, app: FastAPI,
                                                             settings: SecuritySettings,
                                                             headers: dict[str, dict[str, str]]) -> None:
    app.state.security = dataclasses.replace(settings, first_delay=timedelta(0), account_lock_failures=4)
    username = _new_agent(db)
    assert [_attempt(client, username) for _ in range(4)] == [401] * 4
    locked = client.post(LOGIN, json={"username": username, "password": PASSWORD})  # even the right one
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) > 14 * 60
    assert "locked" in locked.json()["error"]["message"]

    alerts = client.get("/api/v1/staff-alerts", headers=headers["supervisor"]).json()
    mine = [a for a in alerts if a["kind"] == "account_locked" and username in a["message"]]
    assert len(mine) == 1 and mine[0]["details"]["address"] == "testclient"
    assert client.get("/api/v1/staff-alerts", headers=headers["agent"]).status_code == 403

    staff_id = mine[0]["staff_id"]
    assert client.post(f"/api/v1/staff/{staff_id}/unlock", headers=headers["moderator"]).status_code == 403
    assert client.post(f"/api/v1/staff/{staff_id}/unlock", headers=headers["supervisor"]).status_code == 204
    assert _attempt(client, username, PASSWORD) == 200
    assert client.get("/api/v1/staff-alerts", headers=headers["supervisor"]).json() == [
        a for a in alerts if a["id"] != mine[0]["id"]]
    with db.session() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("auth.%"))
                                       .order_by(AuditEvent.id)))
    assert actions == ["auth.sign_in_failed"] * 4 + ["auth.account_locked", "auth.account_unlocked", "auth.sign_in"]


def test_one_address_trying_many_accounts_is_throttled(client: TestClient, db: Database, app: FastAPI,
                                                       settings: SecuritySettings) -> None:
    # A delay no slow test run outlasts: the last attempt must still be held back.
    app.state.security = dataclasses.replace(settings, address_free_failures=5, address_lock_failures=8,
                                             first_delay=timedelta(hours=1), max_delay=timedelta(hours=1))
    names = [f"guess-{i}" for i in range(12)]
    statuses = [_attempt(client, name) for name in names]  # one try per name: no account is throttled
    assert statuses[:5] == [401] * 5
    assert 429 in statuses
    username = _new_agent(db)
    assert _attempt(client, username, PASSWORD) == 429  # the address, not the account, is held back


def test_sign_in_sign_out_and_failures_are_audited_with_the_address(client: TestClient, db: Database) -> None:
    username = _new_agent(db)
    assert _attempt(client, "no-such-user") == 401
    assert _attempt(client, username) == 401
    token = client.post(LOGIN, json={"username": username, "password": PASSWORD}).json()["access_token"]
    assert client.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {token}"}).status_code == 204
    with db.session() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action.like("auth.%"))
                                 .order_by(AuditEvent.id)).all()
    assert [(e.action, e.target_id if e.action != "auth.sign_in_failed" or e.actor_id else "unknown")
            for e in events][:1] == [("auth.sign_in_failed", "unknown")]
    assert [e.action for e in events] == ["auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in",
                                          "auth.sign_out"]
    assert all(e.after["address"] == "testclient" for e in events)
    assert events[0].actor_id is None and events[0].after["username"] == "no-such-user"
    assert events[1].actor_id is not None and events[1].actor_id == events[2].actor_id == events[3].actor_id


def _signed_in(client: TestClient, db: Database) -> tuple[dict[str, str], int]:
    username = _new_agent(db)
    token = client.post(LOGIN, json={"username": username, "password": PASSWORD}).json()["access_token"]
    with db.session() as session:
        token_id = session.scalar(select(AuthToken.id).order_by(AuthToken.id.desc()).limit(1))
    return {"Authorization": f"Bearer {token}"}, token_id


@pytest.mark.parametrize(("column", "age", "why"), [
    ("last_used_at", timedelta(minutes=31), "idle"),
    ("created_at", timedelta(hours=13), "max_age"),
])
def test_idle_and_old_sessions_end_and_the_expiry_is_audited_once(client: TestClient, db: Database, column: str,
                                                                  age: timedelta, why: str) -> None:
    mine, token_id = _signed_in(client, db)
    assert client.get("/api/v1/me", headers=mine).status_code == 200
    with db.transaction() as session:
        session.execute(update(AuthToken).where(AuthToken.id == token_id).values({column: utcnow() - age}))
    for path in ("/api/v1/me", "/api/v1/members"):
        response = client.get(path, headers=mine)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "unauthorized"
    assert client.post("/api/v1/auth/logout", headers=mine).status_code == 401
    with db.session() as session:
        expiries = session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.token_expired")).all()
        assert session.get(AuthToken, token_id).revoked_at is not None
    assert len(expiries) == 1
    assert expiries[0].after == {"address": "testclient", "why": why}


def test_idle_timeout_is_configurable_and_use_keeps_a_session_alive(client: TestClient, db: Database,
                                                                    app: FastAPI, settings: SecuritySettings) -> None:
    mine, token_id = _signed_in(client, db)
    with db.transaction() as session:
        session.execute(update(AuthToken).where(AuthToken.id == token_id)
                        .values(last_used_at=utcnow() - timedelta(minutes=20)))
    assert client.get("/api/v1/me", headers=mine).status_code == 200  # 20 min < the default 30
    with db.session() as session:  # ... and the use was noted
        assert session.get(AuthToken, token_id).last_used_at > utcnow() - timedelta(minutes=1)
    app.state.security = dataclasses.replace(settings, session_idle=timedelta(minutes=10))
    with db.transaction() as session:
        session.execute(update(AuthToken).where(AuthToken.id == token_id)
                        .values(last_used_at=utcnow() - timedelta(minutes=11)))
    assert client.get("/api/v1/me", headers=mine).status_code == 401


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANZEN_SESSION_IDLE_MINUTES", "5")
    monkeypatch.setenv("ANZEN_SESSION_MAX_HOURS", "2")
    monkeypatch.setenv("ANZEN_SIGNIN_LOCK_FAILURES", "7")
    settings = SecuritySettings.from_env()
    assert (settings.session_idle, settings.session_max_age, settings.account_lock_failures) == (
        timedelta(minutes=5), timedelta(hours=2), 7)
