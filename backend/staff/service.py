"""Staff accounts and sign-in."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import utcnow
from backend.errors import Conflict, InvalidInput, Unauthorized
from backend.staff.models import AuthToken, Role, Staff
from backend.staff.security import hash_password, new_token, token_digest, verify_password

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
    staff = session.scalar(select(Staff).where(Staff.username == username))
    # Verify even for unknown users would be ideal for timing; Argon2 cost dominates either way.
    if staff is None or not staff.active or not verify_password(staff.password_hash, password):
        raise Unauthorized("Wrong username or password.")
    token = new_token()
    expires_at = utcnow() + TOKEN_LIFETIME
    session.add(AuthToken(token_hash=token_digest(token), staff_id=staff.id, expires_at=expires_at))
    session.flush()
    return token, expires_at, staff


#: Built once, not per request: building the select (entities, join,
#: comparison) was about a third of the lookup's time on SQLite. Selecting the
#: token's two timestamps rather than its row spares loading an object nothing uses.
_STAFF_FOR_TOKEN = (
    select(Staff, AuthToken.revoked_at, AuthToken.expires_at)
    .join(AuthToken, AuthToken.staff_id == Staff.id)
    .where(AuthToken.token_hash == bindparam("digest"))
)


def staff_for_token(session: Session, *, token: str) -> Staff | None:
    """The active staff member signed in with ``token``, or None if the token
    is unknown, revoked or expired, or the account was deactivated. Checked
    against the database on every call: nothing is cached, so signing out or
    deactivating takes effect on the next request, in every process."""
    row = session.execute(_STAFF_FOR_TOKEN, {"digest": token_digest(token)}).first()
    if row is None:
        return None
    staff, revoked_at, expires_at = row
    if revoked_at is not None or expires_at <= utcnow() or not staff.active:
        return None
    return staff


def logout(session: Session, *, token: str) -> None:
    auth = session.scalar(select(AuthToken).where(AuthToken.token_hash == token_digest(token)))
    if auth is not None and auth.revoked_at is None:
        auth.revoked_at = utcnow()
