from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy import select

from backend.db import Database
from backend.deps import CurrentStaff, DbSession, client_address, get_database, require, security_settings
from backend.errors import NotFound
from backend.permissions import Permission, allowed
from backend.staff import service, signin
from backend.staff.demo import DEMO_ACCOUNTS
from backend.staff.models import Staff, StaffAlert
from backend.staff.schemas import DemoAccountOut, LoginIn, LoginOut, MeOut, StaffAlertOut, StaffIn, StaffOut

router = APIRouter(tags=["staff"])


@router.post("/auth/login", response_model=LoginOut,
             responses={401: {"description": "Wrong username or password"},
                        429: {"description": "Too many failed sign-ins; see Retry-After"}})
def login(body: LoginIn, request: Request, db: Annotated[Database, Depends(get_database)]) -> LoginOut:
    """Sign in. Transactions of its own, not the request's: a failed attempt is
    recorded (throttle, audit) although the answer is an error."""
    done = signin.sign_in(db, username=body.username, password=body.password, address=client_address(request),
                          settings=security_settings(request))
    return LoginOut(access_token=done.token, expires_at=done.expires_at, staff=StaffOut.model_validate(done.staff))


@router.post("/auth/logout", status_code=204)
def logout(request: Request, staff: CurrentStaff, session: DbSession) -> None:
    token = request.headers["authorization"].partition(" ")[2].strip()
    signin.sign_out(session, token=token, staff=staff, address=client_address(request))


@router.post("/staff/{staff_id}/unlock", status_code=204)
def unlock_staff(staff_id: Annotated[int, Path(ge=1, le=2**31 - 1)],
                 actor: Annotated[Staff, Depends(require(Permission.manage_staff))], session: DbSession) -> None:
    """Let an account locked after failed sign-ins sign in again now."""
    signin.unlock(session, staff_id=staff_id, actor=actor)


@router.get("/staff-alerts", response_model=list[StaffAlertOut])
def staff_alerts(_staff: Annotated[Staff, Depends(require(Permission.manage_staff))], session: DbSession,
                 include_resolved: bool = False,
                 limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[StaffAlert]:
    """What supervisors must be told (locked accounts, reveal limits reached), newest first."""
    stmt = select(StaffAlert).order_by(StaffAlert.id.desc()).limit(limit)
    if not include_resolved:
        stmt = stmt.where(StaffAlert.resolved_at.is_(None))
    return list(session.scalars(stmt))


@router.get("/me", response_model=MeOut)
def me(staff: CurrentStaff) -> MeOut:
    """Includes what the role may do, so the console shows only what will work
    (the service still checks every call)."""
    granted = [p.value for p in Permission if allowed(staff.role, p)]
    return MeOut(**StaffOut.model_validate(staff).model_dump(), permissions=granted)


@router.get("/staff", response_model=list[StaffOut])
def list_staff(
    _staff: Annotated[Staff, Depends(require(Permission.manage_staff))], session: DbSession
) -> list[Staff]:
    return list(session.scalars(select(Staff).order_by(Staff.username)))


@router.post("/staff", response_model=StaffOut, status_code=201)
def create_staff(
    body: StaffIn, actor: Annotated[Staff, Depends(require(Permission.manage_staff))], session: DbSession
) -> Staff:
    return service.create_staff(
        session,
        username=body.username,
        password=body.password,
        role=body.role,
        display_name=body.display_name,
        actor=actor,
    )


@router.get("/demo/accounts", response_model=list[DemoAccountOut])
def demo_accounts(request: Request) -> list[DemoAccountOut]:
    """Lets the login dialog offer the demo accounts; absent outside demo mode."""
    if not request.app.state.demo:
        raise NotFound("This service is not running in demo mode.")
    return [DemoAccountOut(username=a.username, password=a.password, role=a.role, display_name=a.display_name)
            for a in DEMO_ACCOUNTS]
