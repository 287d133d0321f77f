"""Metrics against a hand-counted fixture (issue 18), and against the lists.

Every timestamp below is set by hand relative to ``T0`` (3.5 days ago, so the
four day buckets end just after now); the expected figures in each test were
counted from this docstring's table, not from the code:

====  =========================================================================
I1    inquiry, created T0+1h, open, first response due T0+5h (breached, b0)
I2    inquiry, created T0+1d+2h, due T0+1d+4h, resolved T0+1d+5h by agent (late)
I3    inquiry, created T0+1d+3h, due T0+1d+10h, resolved T0+1d+3h30 by agent
I4    inquiry, created now-10min, open, due now+30min (at risk)
F1    counterfeit detector flag, created T0+2h, open, due now+5h
F2    counterfeit detector flag, created T0+2d+1h, due T0+2d+10h, taken down T0+2d+3h
F3    medicine detector flag, created T0+2d+2h, due T0+2d+3h, dismissed T0+2d+5h (late)
F4    weapon member report, created T0-1d, dismissed T0+2h
TD1   counterfeit takedown of F2's listing at T0+2d+3h
TD2   medicine takedown at T0-2h; A1 appeals it: created T0+1d, due T0+1d+20h,
      overturned T0+3d+1h (late)
====  =========================================================================

Claims (audit ``queue.claim``): moderator F2 at T0+2d+2h, F3 at T0+2d+3h;
agent I3 at T0+1d+3h and again at T0+1d+3h10, I2 at T0+1d+4h.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from backend.audit import service as audit
from backend.audit.models import AuditEvent
from backend.db import Database, utcnow
from backend.enforcement.models import Appeal, Takedown
from backend.flags.models import Flag
from backend.inquiries.models import Inquiry
from backend.listings.models import Listing
from backend.members.models import Member
from backend.queue.models import QueueItem
from backend.queue.sources import SOURCES
from backend.staff.models import Staff

H = timedelta(hours=1)


def _kinds() -> set[str]:
    return set(SOURCES)
D = timedelta(days=1)


@dataclass
class Fixture:
    t0: datetime
    now: datetime
    agent: int
    moderator: int

    def params(self, bucket: str = "day") -> dict[str, str]:
        return {"from": self.t0.isoformat(), "to": (self.t0 + 4 * D).isoformat(), "bucket": bucket}


def _event(s, *, actor: Staff, action: str, target_type: str, target_id: int, after=None) -> list:
    return [audit.record(s, actor_id=actor.id, actor_label=actor.username, action=action,
                         target_type=target_type, target_id=target_id, after=after)]


@pytest.fixture
def fx(db: Database) -> Fixture:
    now = utcnow().replace(microsecond=0)
    t0 = now - timedelta(days=3, hours=12)
    stamped: list[tuple[str, int, datetime]] = []  # (kind, id, created_at) of audit events to back-date
    with db.transaction() as s:
        agent = s.scalar(select(Staff).where(Staff.username == "test-agent"))
        mod = s.scalar(select(Staff).where(Staff.username == "test-moderator"))
        m = Member(external_id="m-metrics", display_name="Metrics Member")
        s.add(m)
        s.flush()
        listings = [Listing(external_id=f"l-m{i}", seller_id=m.id, title=f"item {i}", category="misc", price=1000)
                    for i in range(6)]
        s.add_all(listings)
        s.flush()

        def inquiry(created, due, *, resolved=None):
            row = Inquiry(member_id=m.id, category="payment", subject="s", created_at=created,
                          first_response_due=due, resolution_due=due + D,
                          status="resolved" if resolved else "open", resolved_at=resolved)
            s.add(row)
            s.flush()
            return row

        i1 = inquiry(t0 + H, t0 + 5 * H)
        i2 = inquiry(t0 + D + 2 * H, t0 + D + 4 * H, resolved=t0 + D + 5 * H)
        i3 = inquiry(t0 + D + 3 * H, t0 + D + 10 * H, resolved=t0 + D + 3.5 * H)
        i4 = inquiry(now - timedelta(minutes=10), now + timedelta(minutes=30))

        def flag(listing, policy, created, *, source="detector", status="open", decided=None):
            row = Flag(listing_id=listing.id, source=source, policy=policy, score=0.9, reasons=[], created_at=created,
                       status=status, decided_at=decided, decided_by_id=mod.id if decided else None)
            s.add(row)
            s.flush()
            return row

        f1 = flag(listings[0], "counterfeit", t0 + 2 * H)
        f2 = flag(listings[1], "counterfeit", t0 + 2 * D + H, status="actioned", decided=t0 + 2 * D + 3 * H)
        f3 = flag(listings[2], "medicine", t0 + 2 * D + 2 * H, status="dismissed", decided=t0 + 2 * D + 5 * H)
        f4 = flag(listings[3], "weapon", t0 - D, source="member_report", status="dismissed", decided=t0 + 2 * H)
        s.add(Takedown(listing_id=listings[1].id, flag_id=f2.id, reason_code="counterfeit", actor_id=mod.id,
                       created_at=t0 + 2 * D + 3 * H))
        td2 = Takedown(listing_id=listings[4].id, reason_code="medicine", actor_id=mod.id, created_at=t0 - 2 * H)
        s.add(td2)
        s.flush()
        a1 = Appeal(takedown_id=td2.id, member_id=m.id, statement="not medicine", filed_by_id=agent.id,
                    created_at=t0 + D, status="overturned", decided_by_id=mod.id, decided_at=t0 + 3 * D + H)
        s.add(a1)
        s.flush()
        for who, kind, ref, at in ((mod, "flag", f2.id, t0 + 2 * D + 2 * H), (mod, "flag", f3.id, t0 + 2 * D + 3 * H),
                                   (agent, "inquiry", i3.id, t0 + D + 3 * H),
                                   (agent, "inquiry", i3.id, t0 + D + 3 * H + timedelta(minutes=10)),
                                   (agent, "inquiry", i2.id, t0 + D + 4 * H)):
            _event(s, actor=who, action="queue.claim", target_type=kind, target_id=ref)
            stamped.append(("queue.claim", ref, at))
        for ref, at, status in ((i2.id, t0 + D + 5 * H, "resolved"), (i3.id, t0 + D + 3.5 * H, "resolved"),
                                (i1.id, t0 + 2 * H, "open")):
            _event(s, actor=agent, action="inquiry.status", target_type="inquiry", target_id=ref,
                   after={"status": status})
            stamped.append(("inquiry.status", ref, at))
        ids = {"i": (i1.id, i2.id, i3.id, i4.id), "f": (f1.id, f2.id, f3.id, f4.id), "a": a1.id}
        agent_id, mod_id = agent.id, mod.id
    with db.transaction() as s:
        # The queue mirrors close items at the time of the write; set the hand-written times instead.
        def item(kind, ref, **values):
            s.execute(update(QueueItem).where(QueueItem.kind == kind, QueueItem.ref_id == ref).values(**values))

        i1, i2, i3, _i4 = ids["i"]
        f1, f2, f3, f4 = ids["f"]
        item("inquiry", i2, closed_at=t0 + D + 5 * H)
        item("inquiry", i3, closed_at=t0 + D + 3.5 * H)
        item("flag", f1, sla_due=now + 5 * H, rank=now + 5 * H)
        item("flag", f2, sla_due=t0 + 2 * D + 10 * H, rank=t0 + 2 * D + 10 * H, closed_at=t0 + 2 * D + 3 * H)
        item("flag", f3, sla_due=t0 + 2 * D + 3 * H, rank=t0 + 2 * D + 3 * H, closed_at=t0 + 2 * D + 5 * H)
        item("flag", f4, sla_due=t0 - D + 5 * H, rank=t0 - D + 5 * H, closed_at=t0 + 2 * H)
        item("appeal", ids["a"], sla_due=t0 + D + 20 * H, rank=t0 + D + 20 * H, closed_at=t0 + 3 * D + H)
        events = s.execute(select(AuditEvent.id, AuditEvent.action, AuditEvent.target_id)
                           .where(AuditEvent.action.in_(["queue.claim", "inquiry.status"]))
                           .order_by(AuditEvent.id)).all()
        assert len(events) == len(stamped)
        for (event_id, action, target), (want_action, ref, at) in zip(events, stamped, strict=True):
            assert (action, target) == (want_action, str(ref))
            s.execute(update(AuditEvent).where(AuditEvent.id == event_id).values(created_at=at))
    return Fixture(t0=t0, now=now, agent=agent_id, moderator=mod_id)


def test_operations_match_the_hand_count(client: TestClient, headers, fx: Fixture) -> None:
    response = client.get("/api/v1/metrics/operations", params=fx.params(), headers=headers["supervisor"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"buckets", "series", "now", "agents"}
    assert len(body["buckets"]) == 4
    assert datetime.fromisoformat(body["buckets"][0]) == fx.t0
    series = body["series"]
    # Every queue kind has a series; kinds this fixture has none of (e.g. rights reports) are all zeros.
    others = {kind: [0, 0, 0, 0] for kind in _kinds() - {"inquiry", "flag", "appeal"}}
    assert series["opened"] == {"inquiry": [1, 2, 0, 1], "flag": [1, 0, 2, 0], "appeal": [0, 1, 0, 0], **others}
    assert series["closed"] == {"inquiry": [0, 2, 0, 0], "flag": [1, 0, 2, 0], "appeal": [0, 0, 0, 1], **others}
    assert series["breached"] == {"inquiry": [1, 1, 0, 0], "flag": [0, 0, 1, 0], "appeal": [0, 1, 0, 0], **others}
    now = body["now"]
    zero = {kind: 0 for kind in others}
    assert now["waiting"] == {"inquiry": 2, "flag": 1, "appeal": 0, **zero}
    assert now["at_risk"] == {"inquiry": 1, "flag": 0, "appeal": 0, **zero}
    assert now["breached"] == {"inquiry": 1, "flag": 0, "appeal": 0, **zero}
    oldest = now["oldest_waiting_seconds"]
    assert oldest["appeal"] is None
    # The service's "now" is a moment after the fixture's.
    assert 0 <= oldest["inquiry"] - int((fx.now - fx.t0 - H).total_seconds()) < 60
    assert 0 <= oldest["flag"] - int((fx.now - fx.t0 - 2 * H).total_seconds()) < 60
    agents = {a["staff_id"]: a for a in body["agents"]}
    assert agents[fx.moderator] == {"staff_id": fx.moderator, "name": agents[fx.moderator]["name"],
                                    "claimed": 2, "closed": 4, "median_handle_seconds": 5400}
    assert agents[fx.agent] == {"staff_id": fx.agent, "name": agents[fx.agent]["name"],
                                "claimed": 3, "closed": 2, "median_handle_seconds": 2400}
    assert set(agents) == {fx.moderator, fx.agent}


def test_hour_buckets(client: TestClient, headers, fx: Fixture) -> None:
    params = {"from": fx.t0.isoformat(), "to": (fx.t0 + 6 * H).isoformat(), "bucket": "hour"}
    body = client.get("/api/v1/metrics/operations", params=params, headers=headers["supervisor"]).json()
    assert len(body["buckets"]) == 6
    assert body["series"]["opened"]["inquiry"] == [0, 1, 0, 0, 0, 0]
    assert body["series"]["opened"]["flag"] == [0, 0, 1, 0, 0, 0]
    assert body["series"]["closed"]["flag"] == [0, 0, 1, 0, 0, 0]  # F4 dismissed at T0+2h
    assert body["series"]["breached"]["inquiry"] == [0, 0, 0, 0, 0, 1]  # I1 due at T0+5h


def test_enforcement_matches_the_hand_count(client: TestClient, headers, fx: Fixture) -> None:
    response = client.get("/api/v1/metrics/enforcement", params=fx.params(), headers=headers["supervisor"])
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"buckets", "series", "detector_precision"}
    series = body["series"]
    zero = [0, 0, 0, 0]
    assert series["flags"] == {"counterfeit": [1, 0, 1, 0], "medicine": [0, 0, 1, 0], "weapon": zero,
                               "game_account": zero, "stolen_goods": zero, "cash_equivalent": zero}
    assert series["takedowns"]["counterfeit"] == [0, 0, 1, 0]
    assert sum(map(sum, series["takedowns"].values())) == 1  # TD2 is before the period
    assert series["dismissals"]["medicine"] == [0, 0, 1, 0]
    assert series["dismissals"]["weapon"] == [1, 0, 0, 0]
    assert sum(map(sum, series["dismissals"].values())) == 2
    assert series["appeals_overturned"] == [0, 0, 0, 1]
    precision = body["detector_precision"]
    assert precision["counterfeit"] == [None, None, 1.0, None]
    assert precision["medicine"] == [None, None, 0.0, None]
    assert precision["weapon"] == [None] * 4  # a member report is not the detector's


def _all(client: TestClient, path: str, headers: dict[str, str], **params) -> list[dict]:
    items, cursor = [], None
    while True:
        page = client.get(path, params={**params, "limit": 200, **({"cursor": cursor} if cursor else {})},
                          headers=headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if not cursor:
            return items


def _within(value: str | None, fx: Fixture) -> bool:
    return value is not None and fx.t0 <= datetime.fromisoformat(value) < fx.t0 + 4 * D


def test_figures_equal_the_lists(client: TestClient, headers, fx: Fixture) -> None:
    """The dashboards count what the lists show for the same period."""
    sup = headers["supervisor"]
    ops = client.get("/api/v1/metrics/operations", params=fx.params(), headers=sup).json()
    enf = client.get("/api/v1/metrics/enforcement", params=fx.params(), headers=sup).json()
    for kind in sorted(_kinds()):
        assert len(_all(client, "/api/v1/queue", sup, kind=kind)) == ops["now"]["waiting"][kind]
        assert len(_all(client, "/api/v1/queue", sup, kind=kind, sla="breached")) == ops["now"]["breached"][kind]
        assert len(_all(client, "/api/v1/queue", sup, kind=kind, sla="at_risk")) == ops["now"]["at_risk"][kind]
    takedowns = [t for t in _all(client, "/api/v1/takedowns", sup) if _within(t["created_at"], fx)]
    for code in {t["reason_code"] for t in takedowns} | set(enf["series"]["takedowns"]):
        assert sum(enf["series"]["takedowns"].get(code, [0])) == sum(t["reason_code"] == code for t in takedowns)
    flags = _all(client, "/api/v1/flags", sup)
    for policy, counts in enf["series"]["flags"].items():
        assert sum(counts) == sum(f["policy"] == policy and _within(f["created_at"], fx) for f in flags)
    dismissed = _all(client, "/api/v1/flags", sup, status="dismissed")
    for policy, counts in enf["series"]["dismissals"].items():
        assert sum(counts) == sum(f["policy"] == policy and _within(f["decided_at"], fx) for f in dismissed)
    overturned = _all(client, "/api/v1/appeals", sup, status="overturned")
    assert sum(enf["series"]["appeals_overturned"]) == sum(_within(a["decided_at"], fx) for a in overturned)


def test_empty_period_is_all_zeros(client: TestClient, headers, db: Database) -> None:
    params = {"from": "2030-01-01T00:00:00+09:00", "to": "2030-01-03T00:00:00+09:00", "bucket": "day"}
    body = client.get("/api/v1/metrics/enforcement", params=params, headers=headers["supervisor"]).json()
    assert body["buckets"] == ["2029-12-31T15:00:00+00:00", "2030-01-01T15:00:00+00:00"]
    assert body["series"]["appeals_overturned"] == [0, 0]
    assert all(p == [None, None] for p in body["detector_precision"].values())
    ops = client.get("/api/v1/metrics/operations", params=params, headers=headers["supervisor"]).json()
    assert ops["agents"] == [] and ops["now"]["oldest_waiting_seconds"]["flag"] is None


@pytest.mark.parametrize("params, field", [
    ({"from": "2030-01-02T00:00:00Z", "to": "2030-01-01T00:00:00Z"}, "to"),
    ({"from": "2020-01-01T00:00:00Z", "to": "2030-01-01T00:00:00Z", "bucket": "hour"}, "bucket"),
    ({"from": "yesterday", "to": "2030-01-01T00:00:00Z"}, "from"),
    ({"from": "2030-01-01T00:00:00Z", "to": "2030-01-02T00:00:00Z", "bucket": "week"}, "bucket"),
])
def test_bad_periods_are_4xx(client: TestClient, headers, db: Database, params, field) -> None:
    response = client.get("/api/v1/metrics/operations", params=params, headers=headers["supervisor"])
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] == field
