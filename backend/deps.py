"""Request-scoped dependencies: the database session, the signed-in staff
member, and the permission check every endpoint declares."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from backend.db import Database
from backend.errors import Forbidden, Unauthorized
from backend.permissions import Permission, allowed
from backend.staff import service as staff_service
from backend.staff.models import Staff

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_database(request: Request) -> Database:
    return request.app.state.db


def _session(request: Request) -> Iterator[Session]:
    """One transaction per request, committed once at the edge (or rolled back)."""
    db: Database = request.app.state.db
    session = db.session(write=request.method not in _SAFE_METHODS)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


DbSession = Annotated[Session, Depends(_session, scope="function")]


def _current_staff(request: Request, session: DbSession) -> Staff:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("Sign in first: send 'Authorization: Bearer <token>'.")
    staff = staff_service.staff_for_token(session, token=token.strip())
    if staff is None:
        raise Unauthorized("Your session has expired or was signed out; sign in again.")
    return staff


CurrentStaff = Annotated[Staff, Depends(_current_staff)]


def require(permission: Permission) -> Callable[[Staff], Staff]:
    def check(staff: CurrentStaff) -> Staff:
        if not allowed(staff.role, permission):
            raise Forbidden(f"Your role ({staff.role}) may not {permission.value.replace('_', ' ')}.")
        return staff

    return check
