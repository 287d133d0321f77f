from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select

from backend.deps import CurrentStaff, DbSession, require
from backend.errors import NotFound
from backend.permissions import Permission, allowed
from backend.staff import service
from backend.staff.demo import DEMO_ACCOUNTS
from backend.staff.models import Staff
from backend.staff.schemas import DemoAccountOut, LoginIn, LoginOut, MeOut, StaffIn, StaffOut

router = APIRouter(tags=["staff"])


@router.post("/auth/login", response_model=LoginOut)
def login(body: LoginIn, session: DbSession) -> LoginOut:
    token, expires_at, staff = service.login(session, username=body.username, password=body.password)
    return LoginOut(access_token=token, expires_at=expires_at, staff=StaffOut.model_validate(staff))


@router.post("/auth/logout", status_code=204)
def logout(request: Request, staff: CurrentStaff, session: DbSession) -> None:
    token = request.headers["authorization"].partition(" ")[2].strip()
    service.logout(session, token=token)


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
