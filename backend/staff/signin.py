"""Signing in, safely: throttling, equal work for unknown names, audit, session limits.

- Failed sign-ins are counted per account name and per client address in the
  database (every service process sees them). After a few free failures each
  further attempt must wait twice as long as the last (429 + ``Retry-After``,
  answered without checking the password); after more, the account or address
  is locked for a while, supervisors get an alert and may unlock an account.
- An unknown or deactivated account costs the same Argon2 verification as a
  wrong password (against a dummy hash), so names cannot be found by timing.
- Sign-in, failed sign-in, sign-out, token expiry, locks and unlocks are
  audited with the client address.
- A token ends after ``session_idle`` without use or ``session_max_age`` after
  sign-in (:class:`backend.config.SecuritySettings`).

The password is checked outside any transaction: on SQLite a writer holds the
one write lock, and Argon2 is deliberately slow.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.config import SecuritySettings
from backend.db import Database, utcnow
from backend.errors import NotFound, ServiceError, Unauthorized
from backend.staff.models import AuthToken, SignInThrottle, Staff, StaffAlert
from backend.staff.security import dummy_password_hash, new_token, token_digest, verify_password

log = logging.getLogger("anzen.signin")

WRONG = "Wrong username or password."
#: ``last_used_at`` is written at most this often per token (the idle timeout's precision).
TOUCH_EVERY = timedelta(seconds=60)


class TooManyAttempts(ServiceError):
    status = 429
    code = "too_many_attempts"

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = max(1, math.ceil(retry_after))


class SessionExpired(Unauthorized):
    """The token was good but has been idle too long or is too old; the first
    request that finds out records the expiry (once) after its own transaction."""

    def __init__(self, *, token_id: int, staff_id: int, address: str, why: str) -> None:
        super().__init__("Your session has expired or was signed out; sign in again.")
        self.token_id = token_id
        self.staff_id = staff_id
        self.address = address
        self.why = why


@dataclass(frozen=True)
class SignedIn:
    token: str
    expires_at: datetime
    staff: Staff


def _keys(username: str, address: str) -> list[tuple[str, str]]:
    return [("account", username.strip().casefold()[:128]), ("address", address[:128])]


def _delay(failures: int, free: int, settings: SecuritySettings) -> timedelta:
    if failures < free:
        return timedelta(0)
    return min(settings.first_delay * 2 ** (failures - free), settings.max_delay)


def _wait_for(row: SignInThrottle, now: datetime, settings: SecuritySettings) -> float:
    """Seconds until the next attempt for this key is considered (0: now)."""
    if row.locked_until is not None and row.locked_until > now:
        return (row.locked_until - now).total_seconds()
    if row.last_failure_at <= now - settings.failure_window:
        return 0.0
    free = settings.account_free_failures if row.scope == "account" else settings.address_free_failures
    ready = row.last_failure_at + _delay(row.failures, free, settings)
    return max(0.0, (ready - now).total_seconds())


def _check_throttle(session: Session, keys: list[tuple[str, str]], now: datetime, settings: SecuritySettings) -> None:
    rows = session.scalars(select(SignInThrottle).where(
        SignInThrottle.scope.in_([scope for scope, _ in keys]), SignInThrottle.key.in_([key for _, key in keys]))).all()
    waits = [(row, _wait_for(row, now, settings)) for row in rows if (row.scope, row.key) in keys]
    waits = [(row, wait) for row, wait in waits if wait > 0]
    if not waits:
        return
    row, wait = max(waits, key=lambda pair: pair[1])
    if row.locked_until is not None and row.locked_until > now:
        what = "This account" if row.scope == "account" else "Sign-in from this address"
        raise TooManyAttempts(f"{what} is locked after too many failed sign-ins. Try again later or ask a "
                              "supervisor to unlock it.", retry_after=wait)
    raise TooManyAttempts("Too many failed sign-ins; wait a moment before trying again.", retry_after=wait)


def sign_in(db: Database, *, username: str, password: str, address: str, settings: SecuritySettings) -> SignedIn:
    keys = _keys(username, address)
    with db.session() as read:
        _check_throttle(read, keys, utcnow(), settings)
        staff = read.scalar(select(Staff).where(Staff.username == username))
    # Every attempt that gets this far costs one Argon2 verification.
    ok = verify_password(staff.password_hash if staff is not None else dummy_password_hash(), password)
    ok = ok and staff is not None and staff.active
    with db.transaction() as session:
        now = utcnow()
        if not ok:
            _record_failure(session, keys=keys, staff=staff, username=username, address=address, now=now,
                            settings=settings)
        else:
            assert staff is not None
            session.execute(delete(SignInThrottle).where(SignInThrottle.scope == "account",
                                                         SignInThrottle.key == keys[0][1]))
            token = new_token()
            expires_at = now + settings.session_max_age
            session.add(AuthToken(token_hash=token_digest(token), staff_id=staff.id, created_at=now,
                                  expires_at=expires_at, last_used_at=now))
            audit.record(session, actor_id=staff.id, actor_label=staff.username, action="auth.sign_in",
                         target_type="staff", target_id=staff.id, after={"address": address})
            return SignedIn(token, expires_at, staff)
    raise Unauthorized(WRONG)


def _record_failure(session: Session, *, keys: list[tuple[str, str]], staff: Staff | None, username: str,
                    address: str, now: datetime, settings: SecuritySettings) -> None:
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    for scope, key in keys:  # account before address, always: one lock order
        session.execute(insert(SignInThrottle).values(scope=scope, key=key, failures=0, last_failure_at=now)
                        .on_conflict_do_nothing(index_elements=["scope", "key"]))
    rows = {(row.scope, row.key): row for row in session.scalars(
        select(SignInThrottle).where(SignInThrottle.key.in_([key for _, key in keys]))
        .order_by(SignInThrottle.scope).with_for_update())}
    label = (staff.username if staff is not None else username)[:128]
    audit.record(session, actor_id=staff.id if staff is not None else None, actor_label=label,
                 action="auth.sign_in_failed", target_type="staff",
                 target_id=staff.id if staff is not None else "unknown",
                 after={"address": address, "username": username[:64]})
    for scope, key in keys:
        row = rows.get((scope, key))
        if row is None:
            continue
        if row.last_failure_at <= now - settings.failure_window or (
                row.locked_until is not None and row.locked_until <= now):
            row.failures, row.locked_until = 0, None  # an old streak, or a lock that has run out
        row.failures += 1
        row.last_failure_at = now
        limit = settings.account_lock_failures if scope == "account" else settings.address_lock_failures
        if row.failures >= limit and row.locked_until is None:
            row.locked_until = now + settings.lock_duration
            _locked(session, scope=scope, key=key, staff=staff if scope == "account" else None,
                    address=address, until=row.locked_until)


def _locked(session: Session, *, scope: str, key: str, staff: Staff | None, address: str, until: datetime) -> None:
    if scope == "account":
        message = (f"Sign-in for {staff.username if staff else key!r} is locked until {until:%H:%M} UTC after "
                   f"repeated failed attempts (last from {address}).")
    else:
        message = f"Sign-in from {address} is locked until {until:%H:%M} UTC after repeated failed attempts."
    log.warning("%s", message)
    session.add(StaffAlert(kind=f"{scope}_locked", staff_id=staff.id if staff else None, message=message[:500],
                           details={"scope": scope, "key": key, "address": address, "until": until.isoformat()}))
    audit.record(session, actor_id=None, actor_label="sign-in", action=f"auth.{scope}_locked",
                 target_type="staff" if scope == "account" else "address",
                 target_id=staff.id if staff is not None else key[:64],
                 after={"address": address, "until": until.isoformat()})


def unlock(session: Session, *, staff_id: int, actor: Staff) -> None:
    """A supervisor lets a locked account sign in again at once."""
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise NotFound(f"No staff member {staff_id}.")
    key = staff.username.strip().casefold()[:128]
    removed = session.execute(delete(SignInThrottle).where(SignInThrottle.scope == "account",
                                                           SignInThrottle.key == key)).rowcount
    now = utcnow()
    session.execute(update(StaffAlert).where(StaffAlert.staff_id == staff.id, StaffAlert.kind == "account_locked",
                                             StaffAlert.resolved_at.is_(None))
                    .values(resolved_at=now, resolved_by_id=actor.id))
    audit.record(session, actor_id=actor.id, actor_label=actor.username, action="auth.account_unlocked",
                 target_type="staff", target_id=staff.id, after={"had_failures": bool(removed)})


def sign_out(session: Session, *, token: str, staff: Staff, address: str) -> None:
    auth = session.scalar(select(AuthToken).where(AuthToken.token_hash == token_digest(token)))
    if auth is not None and auth.revoked_at is None:
        auth.revoked_at = utcnow()
        audit.record(session, actor_id=staff.id, actor_label=staff.username, action="auth.sign_out",
                     target_type="staff", target_id=staff.id, after={"address": address})


def expired(*, created_at: datetime, last_used_at: datetime | None, expires_at: datetime, now: datetime,
            settings: SecuritySettings) -> str | None:
    """Why a live token has ended ("idle", "max_age"), or None if it has not."""
    if expires_at <= now or created_at + settings.session_max_age <= now:
        return "max_age"
    if (last_used_at or created_at) + settings.session_idle <= now:
        return "idle"
    return None


def record_expiry(db: Database, exc: SessionExpired) -> None:
    """Revoke the ended token and audit its expiry, once, in a short transaction of its own."""
    try:
        with db.transaction() as session:
            now = utcnow()
            ended = session.execute(update(AuthToken).where(AuthToken.id == exc.token_id,
                                                            AuthToken.revoked_at.is_(None))
                                    .values(revoked_at=now)).rowcount
            if ended:
                staff = session.get(Staff, exc.staff_id)
                audit.record(session, actor_id=exc.staff_id, actor_label=staff.username if staff else "?",
                             action="auth.token_expired", target_type="staff", target_id=exc.staff_id,
                             after={"address": exc.address, "why": exc.why})
    except Exception:  # the caller is refused either way; a busy database must not turn 401 into 500
        log.warning("could not record the expiry of token %s", exc.token_id, exc_info=True)


def touch(db: Database, token_id: int) -> None:
    """Note that a token was used (for the idle timeout); skipped if the database is busy."""
    try:
        with db.engine.connect() as connection:
            if db.is_sqlite:
                connection.exec_driver_sql("PRAGMA busy_timeout=500")
            try:
                now = utcnow()
                connection.execute(update(AuthToken).where(AuthToken.id == token_id,
                                                           AuthToken.revoked_at.is_(None))
                                   .values(last_used_at=now))
                connection.commit()
            finally:
                if db.is_sqlite:
                    connection.rollback()
                    connection.exec_driver_sql("PRAGMA busy_timeout=30000")
                    connection.commit()
    except Exception:
        log.info("could not note the use of token %s", token_id, exc_info=True)
