from __future__ import annotations

import pytest
from sqlalchemy import select

from backend.db import Database
from backend.staff import service as staff_service
from backend.staff.models import Staff
from tests.conftest import PASSWORD


@pytest.fixture(scope="session")
def second_supervisor(session_db: Database, role_staff: dict[str, int]) -> dict[str, str]:
    """A second supervisor's headers (four eyes); the account survives the per-test wipes."""
    with session_db.transaction() as s:
        if s.scalar(select(Staff.id).where(Staff.username == "test-supervisor2")) is None:
            staff_service.create_staff(s, username="test-supervisor2", password=PASSWORD, role="supervisor")
    with session_db.transaction() as s:
        token, _expires, _staff = staff_service.login(s, username="test-supervisor2", password=PASSWORD)
    return {"Authorization": f"Bearer {token}"}
