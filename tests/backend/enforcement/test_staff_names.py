"""Every staff id in an enforcement answer comes with the staff member's display name
(null with the id), read without a query per row or per staff member."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, select

from backend.db import Database
from backend.staff import service as staff_service
from backend.staff.models import Staff
from tests.backend.enforcement.conftest import Shop
from tests.conftest import PASSWORD

#: A lazy load of one staff member: the query the read paths must not repeat per row.
STAFF_BY_ID = re.compile(r"FROM staff\s+WHERE staff\.id = ", re.IGNORECASE)


@pytest.fixture(scope="session")
def named_moderator(session_db: Database, role_staff: dict[str, int]) -> dict[str, str]:
    """A moderator whose display name is not their username, so the test tells the two apart."""
    with session_db.transaction() as s:
        if s.scalar(select(Staff).where(Staff.username == "test-moderator-named")) is None:
            staff_service.create_staff(s, username="test-moderator-named", password=PASSWORD, role="moderator",
                                       display_name="Aoi Tanaka")
        token, _expires, _ = staff_service.login(s, username="test-moderator-named", password=PASSWORD)
    return {"Authorization": f"Bearer {token}"}


@contextmanager
def staff_lookups(db: Database) -> Iterator[list[str]]:
    """The statements that load a single staff member by id, while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if STAFF_BY_ID.search(statement):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _display_name(db: Database, username: str) -> str:
    with db.session() as s:
        return s.scalars(select(Staff.display_name).where(Staff.username == username)).one()


def test_takedown_names_who_took_it_down_and_who_reinstated(client: TestClient, headers, db: Database, shop: Shop,
                                                           named_moderator) -> None:  # type: ignore[no-untyped-def]
    with staff_lookups(db) as lookups:
        taken = client.post(f"/api/v1/listings/{shop.listing}/takedown", json={"reason_code": "counterfeit"},
                            headers=named_moderator).json()["takedown"]
    assert lookups == []  # the actor is the signed-in staff member, already in the session
    assert (taken["actor_name"], taken["reversed_by_id"], taken["reversed_by_name"]) == ("Aoi Tanaka", None, None)
    reinstated = client.post(f"/api/v1/takedowns/{taken['id']}/reinstate", json={"reason": "genuine after all"},
                             headers=headers["supervisor"]).json()["takedown"]
    assert reinstated["actor_name"] == "Aoi Tanaka"
    assert reinstated["reversed_by_name"] == _display_name(db, "test-supervisor")
    listed = client.get("/api/v1/takedowns", params={"listing_id": shop.listing}, headers=headers["agent"]).json()
    assert [(t["actor_name"], t["reversed_by_name"]) for t in listed["items"]] == \
        [("Aoi Tanaka", _display_name(db, "test-supervisor"))]


def test_history_names_every_staff_id(client: TestClient, headers, db: Database, shop: Shop,
                                      named_moderator) -> None:  # type: ignore[no-untyped-def]
    dismissed = client.post(f"/api/v1/flags/{shop.flag}/dismiss", json={"reason": "genuine"},
                            headers=named_moderator).json()
    assert dismissed["decided_by_name"] == "Aoi Tanaka"
    client.post(f"/api/v1/listings/{shop.other_listings[0]}/takedown", json={"reason_code": "weapon"},
                headers=headers["moderator"])
    taken = client.post(f"/api/v1/listings/{shop.listing}/takedown", json={"reason_code": "counterfeit"},
                        headers=named_moderator).json()["takedown"]
    appeal = client.post(f"/api/v1/takedowns/{taken['id']}/appeals", json={"statement": "正規品です"},
                         headers=headers["agent"]).json()["appeal"]
    assert (appeal["filed_by_name"], appeal["decided_by_name"], appeal["claimed_by_name"]) == \
        (_display_name(db, "test-agent"), None, None)
    sanction = client.post(f"/api/v1/members/{shop.seller}/sanctions", json={"kind": "restrict", "reason": "x"},
                           headers=named_moderator).json()["sanction"]
    assert (sanction["actor_name"], sanction["lifted_by_name"]) == ("Aoi Tanaka", None)

    with staff_lookups(db) as lookups:
        history = client.get(f"/api/v1/listings/{shop.listing}/enforcement", headers=headers["agent"]).json()
    assert lookups == []  # joined into the history's own queries
    assert [(t["actor_name"], t["reversed_by_name"]) for t in history["takedowns"]] == [("Aoi Tanaka", None)]
    assert {f["id"]: f["decided_by_name"] for f in history["flags"]} == {shop.flag: "Aoi Tanaka",
                                                                         shop.report: "Aoi Tanaka"}
    assert [a["filed_by_name"] for a in history["appeals"]] == [_display_name(db, "test-agent")]
    seller = history["seller"]
    assert {t["listing_id"]: t["actor_name"] for t in seller["recent_takedowns"]} == \
        {shop.listing: "Aoi Tanaka", shop.other_listings[0]: _display_name(db, "test-moderator")}
    assert [(s["actor_name"], s["lifted_by_name"]) for s in seller["sanctions"]] == [("Aoi Tanaka", None)]


def test_appeal_names_its_decider(client: TestClient, headers, db: Database, shop: Shop,
                                  named_moderator) -> None:  # type: ignore[no-untyped-def]
    taken = client.post(f"/api/v1/listings/{shop.listing}/takedown", json={"reason_code": "counterfeit"},
                        headers=headers["moderator"]).json()["takedown"]
    appeal = client.post(f"/api/v1/takedowns/{taken['id']}/appeals", json={"statement": "receipt attached"},
                         headers=headers["agent"]).json()["appeal"]
    decided = client.post(f"/api/v1/appeals/{appeal['id']}/decide", json={"decision": "uphold", "reason": "fake"},
                          headers=named_moderator).json()["appeal"]
    assert decided["decided_by_name"] == "Aoi Tanaka"
    with staff_lookups(db) as lookups:
        one = client.get(f"/api/v1/appeals/{appeal['id']}", headers=headers["agent"]).json()
        listed = client.get("/api/v1/appeals", headers=headers["agent"]).json()["items"]
    assert lookups == []
    for answer in (one, listed[0]):
        assert (answer["filed_by_name"], answer["decided_by_name"]) == (_display_name(db, "test-agent"), "Aoi Tanaka")


def test_lifted_sanction_names_who_lifted_it(client: TestClient, headers, db: Database, shop: Shop,
                                            named_moderator) -> None:  # type: ignore[no-untyped-def]
    client.post(f"/api/v1/members/{shop.seller}/sanctions", json={"kind": "suspend", "reason": "fraud ring"},
                headers=headers["moderator"])
    lifted = client.post(f"/api/v1/members/{shop.seller}/sanctions/lift", json={"kind": "suspend", "reason": "ok"},
                         headers=named_moderator).json()["sanction"]
    assert (lifted["actor_name"], lifted["lifted_by_name"]) == (_display_name(db, "test-moderator"), "Aoi Tanaka")
    with staff_lookups(db) as lookups:
        member = client.get(f"/api/v1/members/{shop.seller}/enforcement", headers=headers["agent"]).json()
    assert lookups == []
    assert [s["lifted_by_name"] for s in member["sanctions"]] == ["Aoi Tanaka"]
