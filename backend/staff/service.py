"""Staff accounts and sign-in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.config import SecuritySettings
from backend.db import utcnow
from backend.errors import Conflict, InvalidInput, Unauthorized
from backend.staff import signin
from backend.staff.models import AuthToken, Role, Staff
from backend.staff.security import dummy_password_hash, hash_password, new_token, token_digest, verify_password

TOKEN_LIFETIME = timedelta(hours=12)
MIN_PASSWORD_LENGTH = 8


def create_staff(
    session: Session,
    *,
    username: str,
    password: str,
    role: str,
    display_name: str | None = None,
    actor: Staff | None = None,
) -> Staff:
    username = username.strip()
    if not username:
        raise InvalidInput("username must not be empty", field="username")
    if role not in Role.__members__:
        raise InvalidInput(f"role must be one of {', '.join(Role)}", field="role")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"password must be at least {MIN_PASSWORD_LENGTH} characters", field="password")
    if session.scalar(select(Staff.id).where(Staff.username == username)) is not None:
        raise Conflict(f"a staff member named {username!r} already exists", field="username")
    staff = Staff(
        username=username,
        display_name=display_name or username,
        role=role,
        password_hash=hash_password(password),
    )
    session.add(staff)
    session.flush()
    audit.record(
        session,
        actor_id=actor.id if actor else None,
        actor_label=actor.username if actor else "cli",
        action="staff.create",
        target_type="staff",
        target_id=staff.id,
        after={"username": staff.username, "role": staff.role, "display_name": staff.display_name},
    )
    return staff


def login(session: Session, *, username: str, password: str) -> tuple[str, datetime, Staff]:
    """Sign in without throttling or audit (fixtures and scripts); the API signs in
    through :func:`backend.staff.signin.sign_in`."""
    staff = session.scalar(select(Staff).where(Staff.username == username))
    ok = verify_password(staff.password_hash if staff is not None else dummy_password_hash(), password)
    if staff is None or not staff.active or not ok:
        raise Unauthorized("Wrong username or password.")
    token = new_token()
    now = utcnow()
    expires_at = now + TOKEN_LIFETIME
    session.add(AuthToken(token_hash=token_digest(token), staff_id=staff.id, created_at=now, expires_at=expires_at,
                          last_used_at=now))
    session.flush()
    return token, expires_at, staff


#: Built once, not per request: building the select (entities, join,
#: comparison) was about a third of the lookup's time on SQLite. Selecting the
#: token's two timestamps rather than its row spares loading an object nothing uses.
_STAFF_FOR_TOKEN = (
    select(Staff, AuthToken.id, AuthToken.revoked_at, AuthToken.expires_at, AuthToken.created_at,
           AuthToken.last_used_at)
    .join(AuthToken, AuthToken.staff_id == Staff.id)
    .where(AuthToken.token_hash == bindparam("digest"))
)


@dataclass(frozen=True)
class TokenUse:
    """A token looked up: its staff member (None: unknown, revoked or deactivated)
    and, for a live token, whether it has ended or wants its last use noted."""

    staff: Staff | None
    token_id: int | None = None
    ended: str | None = None  # "idle" | "max_age"
    touch: bool = False


def token_use(session: Session, *, token: str, settings: SecuritySettings) -> TokenUse:
    """Checked against the database on every call: nothing is cached, so
    signing out or deactivating takes effect on the next request, in every process."""
    row = session.execute(_STAFF_FOR_TOKEN, {"digest": token_digest(token)}).first()
    if row is None:
        return TokenUse(None)
    staff, token_id, revoked_at, expires_at, created_at, last_used_at = row
    if revoked_at is not None or not staff.active:
        return TokenUse(None)
    now = utcnow()
    ended = signin.expired(created_at=created_at, last_used_at=last_used_at, expires_at=expires_at, now=now,
                           settings=settings)
    if ended:
        return TokenUse(staff, token_id, ended)
    return TokenUse(staff, token_id, touch=(last_used_at or created_at) <= now - signin.TOUCH_EVERY)


def staff_for_token(session: Session, *, token: str) -> Staff | None:
    """The active staff member signed in with ``token``, or None if the token
    is unknown, revoked or expired, or the account was deactivated."""
    use = token_use(session, token=token, settings=SecuritySettings())
    return use.staff if use.ended is None else None
