"""Strike points within the window suggest an action; restrict and suspend are reversible actions."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.enforcement import service
from backend.enforcement.strikes import standing
from backend.members.models import Member
from tests.backend.enforcement.conftest import Shop


def _take_down(db: Database, staff, listing_id: int, code: str, when):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        service.take_down(s, listing_id=listing_id, reason_code=code, actor=staff, now=when)


def test_points_within_the_window_suggest_an_action(db: Database, staff_of, shop: Shop) -> None:
    moderator = staff_of("test-moderator")
    now = utcnow()
    _take_down(db, moderator, shop.other_listings[0], "weapon", now - timedelta(days=100))  # outside the window
    _take_down(db, moderator, shop.other_listings[1], "game_account", now - timedelta(days=10))
    _take_down(db, moderator, shop.other_listings[2], "recalled_product", now - timedelta(days=5))  # worth 0
    with db.session() as s:
        assert (standing(s, member_id=shop.seller, now=now).points, standing(s, member_id=shop.seller, now=now)
                .suggestion) == (1, None)
    _take_down(db, moderator, shop.listing, "counterfeit", now - timedelta(days=1))
    with db.session() as s:
        result = standing(s, member_id=shop.seller, now=now)
        assert (result.points, result.suggestion) == (3, "restrict")
        assert s.get(Member, shop.seller).strikes == 4
        # 100 days ago the weapon strike alone was worth 3 points.
        assert standing(s, member_id=shop.seller, now=now - timedelta(days=99)).suggestion == "restrict"


def test_suspend_then_lift_falls_back_to_the_restriction(client: TestClient, headers, db: Database,
                                                         shop: Shop) -> None:
    url = f"/api/v1/members/{shop.seller}/sanctions"
    restrict = client.post(url, json={"kind": "restrict", "reason": "3 strikes", "version": 1},
                           headers=headers["moderator"])
    assert restrict.status_code == 201 and restrict.json()["member_status"] == "restricted"
    again = client.post(url, json={"kind": "restrict", "reason": "3 strikes"}, headers=headers["moderator"])
    assert again.status_code == 200 and again.json()["changed"] is False
    suspend = client.post(url, json={"kind": "suspend", "reason": "weapons"}, headers=headers["moderator"])
    assert suspend.json()["member_status"] == "suspended"
    lifted = client.post(f"{url}/lift", json={"kind": "suspend", "reason": "ID verified"},
                         headers=headers["moderator"])
    assert lifted.status_code == 200 and lifted.json()["member_status"] == "restricted"
    lifted = client.post(f"{url}/lift", json={"kind": "restrict", "reason": "good record"},
                         headers=headers["supervisor"])
    assert lifted.json()["member_status"] == "active"
    nothing = client.post(f"{url}/lift", json={"kind": "restrict", "reason": "x"}, headers=headers["moderator"])
    assert nothing.status_code == 409 and nothing.json()["error"]["code"] == "not_in_force"
    with db.session() as s:
        actions = [a for a in s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)) if a.startswith("member.")]
    assert actions == ["member.restrict", "member.suspend", "member.lift_suspend", "member.lift_restrict"]
    history = client.get(f"/api/v1/members/{shop.seller}/enforcement", headers=headers["agent"]).json()
    assert [n["kind"] for n in history["notifications"]] == ["sanction_lifted", "sanction_lifted", "suspended",
                                                              "restricted"]


def test_sanction_refusals(client: TestClient, headers, shop: Shop) -> None:
    url = f"/api/v1/members/{shop.seller}/sanctions"
    assert client.post(url, json={"kind": "suspend", "reason": "x"}, headers=headers["agent"]).status_code == 403
    stale = client.post(url, json={"kind": "suspend", "reason": "x", "version": 5}, headers=headers["moderator"])
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale"
    bad = client.post(url, json={"kind": "ban", "reason": "x"}, headers=headers["moderator"])
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "kind"
    missing = client.post("/api/v1/members/999999/sanctions", json={"kind": "suspend", "reason": "x"},
                          headers=headers["moderator"])
    assert missing.status_code == 404
