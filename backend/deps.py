"""Request-scoped dependencies: the database session, the signed-in staff
member, and the permission check every endpoint declares."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

import anyio.to_thread
from anyio import CancelScope, CapacityLimiter
from fastapi import Depends, Request
from sqlalchemy.orm import Session

from backend.config import SecuritySettings
from backend.contention import COMMITTED
from backend.db import Database
from backend.errors import Forbidden, Unauthorized
from backend.permissions import Permission, allowed
from backend.staff import service as staff_service
from backend.staff import signin
from backend.staff.signin import SessionExpired
from backend.staff.models import Staff

log = logging.getLogger("anzen.deps")
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_database(request: Request) -> Database:
    return request.app.state.db


def security_settings(request: Request) -> SecuritySettings:
    """The app's settings (``create_app``), or the defaults for an app made otherwise."""
    return getattr(request.app.state, "security", None) or _DEFAULT_SECURITY


_DEFAULT_SECURITY = SecuritySettings()


def client_address(request: Request) -> str:
    """The caller's address as the server sees it (behind a proxy, uvicorn's
    ``--forwarded-allow-ips`` decides whether X-Forwarded-For is believed)."""
    return request.client.host if request.client else "unknown"


async def _session(request: Request) -> AsyncIterator[Session]:
    """One transaction per request, committed once at the edge (or rolled back).

    A coroutine, not a sync generator: making a Session does no I/O (it
    connects on first use, in the worker thread that runs the first query), so
    only the end of the transaction goes to a worker thread. Each worker-thread
    call is a round trip between the event loop and a worker; an authorised
    request made four more of them than /health (bench/auth_overhead.py)."""
    db: Database = request.app.state.db
    session = db.session(write=request.method not in _SAFE_METHODS)
    try:
        yield session
    except BaseException as exc:
        await _off_loop(_roll_back, session)
        if isinstance(exc, SessionExpired):
            await _after(signin.record_expiry, db, exc)
        follow_up = getattr(exc, "after_rollback", None)
        if callable(follow_up):  # e.g. a refused contact reveal: audit it and alert supervisors
            await _after(follow_up, db)
        raise
    await _off_loop(_commit, session)
    # Committed: from here on the request is never run again (backend/contention.py).
    setattr(request.state, COMMITTED, True)
    token_id = getattr(request.state, "touch_token", None)
    if token_id is not None:
        await _after(signin.touch, db, token_id)


def _commit(session: Session) -> None:
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _roll_back(session: Session) -> None:
    try:
        session.rollback()
    finally:
        session.close()


async def _off_loop(end: Callable[[Session], None], session: Session) -> None:
    """End the transaction in a worker thread, as FastAPI ends a sync generator
    dependency: shielded from cancellation, and with a limiter of its own, so
    that returning a connection never waits for a worker thread that may itself
    be waiting for a connection."""
    with CancelScope(shield=True):
        await anyio.to_thread.run_sync(end, session, limiter=CapacityLimiter(1))


async def _after(work: Callable[..., None], *args: Any) -> None:
    """Short bookkeeping of its own after the request's transaction has ended
    (never inside it: on SQLite a reader cannot become a writer mid-way).
    Its failure (e.g. the write lock busy) is logged, never the request's answer."""
    with CancelScope(shield=True):
        try:
            await anyio.to_thread.run_sync(lambda: work(*args), limiter=CapacityLimiter(1))
        except Exception:  # noqa: BLE001
            log.exception("bookkeeping after the request failed (%s)", getattr(work, "__name__", work))


DbSession = Annotated[Session, Depends(_session, scope="function")]


def _current_staff(request: Request, session: DbSession) -> Staff:
    # Sync on purpose, so FastAPI runs it in a worker thread: the lookup is the
    # request's first query, and on SQLite a writer's BEGIN IMMEDIATE may wait
    # for the write lock for up to busy_timeout; never on the event loop.
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("Sign in first: send 'Authorization: Bearer <token>'.")
    use = staff_service.token_use(session, token=token.strip(), settings=security_settings(request))
    if use.staff is None:
        raise Unauthorized("Your session has expired or was signed out; sign in again.")
    if use.ended is not None:
        assert use.token_id is not None
        raise SessionExpired(token_id=use.token_id, staff_id=use.staff.id, address=client_address(request),
                             why=use.ended)
    if use.touch:
        request.state.touch_token = use.token_id
    return use.staff


CurrentStaff = Annotated[Staff, Depends(_current_staff)]


def require(permission: Permission) -> Callable[[Staff], Coroutine[Any, Any, Staff]]:
    # A coroutine: the check is a table lookup on the already loaded staff
    # member, not worth a worker-thread call of its own.
    async def check(staff: CurrentStaff) -> Staff:
        if not allowed(staff.role, permission):
            raise Forbidden(f"Your role ({staff.role}) may not {permission.value.replace('_', ' ')}.")
        return staff

    return check
