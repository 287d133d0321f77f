"""Shifts, rota, clock-in/out, and what happens to claims at shift end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from backend.db import Database
from backend.queue import handover
from backend.queue.models import QueueItem
from backend.staff import shifts
from backend.staff.models import Attendance, Shift, Staff

API = "/api/v1"


def test_night_shift_crosses_midnight_in_tokyo() -> None:
    night = Shift(name="night", start_minute=22 * 60, duration_minutes=480, timezone="Asia/Tokyo", active=True)
    late = datetime(2030, 1, 1, 14, 30, tzinfo=UTC)  # 23:30 JST
    early = datetime(2030, 1, 1, 19, 0, tzinfo=UTC)  # 04:00 JST the next day
    for at in (late, early):
        occ = shifts.occurrence_at(night, at)
        assert occ is not None and occ.start == datetime(2030, 1, 1, 13, 0, tzinfo=UTC)
        assert occ.end == datetime(2030, 1, 1, 21, 0, tzinfo=UTC) and occ.day.isoformat() == "2030-01-01"
    assert shifts.occurrence_at(night, datetime(2030, 1, 1, 22, 0, tzinfo=UTC)) is None  # 07:00 JST


def test_exactly_one_default_shift_runs_at_any_time(db: Database) -> None:
    with db.transaction() as s:
        defaults = shifts.ensure_default_shifts(s)
        start = datetime(2030, 3, 1, tzinfo=UTC)
        for hour in range(0, 48, 1):
            at = start + timedelta(hours=hour, minutes=17)
            assert len([o for sh in defaults if (o := shifts.occurrence_at(sh, at))]) == 1


def test_current_shift_shows_who_is_on_and_time_left(client: TestClient, headers, clock_in) -> None:
    mine = clock_in(headers["agent"])
    assert mine["seconds_left"] > 0 and mine["shift_id"] is not None
    current = client.get(f"{API}/shifts/current", headers=headers["moderator"]).json()
    assert len(current["shifts"]) == 1
    running = current["shifts"][0]
    assert [s["display_name"] for s in running["on_duty"]] == ["test-agent"]
    assert 0 < running["seconds_left"] <= 8 * 3600 and current["me"] is None
    again = client.post(f"{API}/attendance/clock-in", json={}, headers=headers["agent"])
    assert again.status_code == 409 and again.json()["error"]["code"] == "already_clocked_in"


def test_clock_out_returns_claims_with_handover_notes(client: TestClient, headers, make_items, clock_in,
                                                      db: Database) -> None:
    make_items(inquiries=3)
    clock_in(headers["agent"])
    first = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    second = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    out = client.post(f"{API}/attendance/clock-out", headers=headers["agent"], json={
        "note": "Payments outage after 13:00, expect more of these.",
        "item_notes": {str(first["id"]): "Buyer sent photos; refund likely."}})
    assert out.status_code == 200, out.text
    assert sorted(out.json()["released_item_ids"]) == sorted([first["id"], second["id"]])
    rows = {row["id"]: row for row in client.get(f"{API}/queue", headers=headers["agent"]).json()["items"]}
    assert rows[first["id"]]["handover_note"] == "Buyer sent photos; refund likely."
    assert rows[second["id"]]["handover_note"] == "Payments outage after 13:00, expect more of these."
    assert all(row["claimed_by_id"] is None for row in rows.values())
    assert client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).status_code == 409  # clocked out

    # The next shift's summary (evaluated just after this shift ends) shows the notes and handed-over items.
    with db.session() as s:
        attendance = s.scalar(select(Attendance))
        occ = shifts.window(s, attendance)
        staff = s.get(Staff, attendance.staff_id)
        summary = handover.summary(s, staff=staff, now=occ.end + timedelta(minutes=1))
    assert summary["previous_shift"]["name"] == occ.shift.name
    assert [n["note"] for n in summary["notes"]] == ["Payments outage after 13:00, expect more of these."]
    assert {item.id for item in summary["handed_over"]} == {first["id"], second["id"]}
    assert summary["open"] == {"inquiry": 3}


def test_clock_out_refuses_notes_for_items_not_held(client: TestClient, headers, clock_in) -> None:
    clock_in(headers["agent"])
    bad = client.post(f"{API}/attendance/clock-out", json={"item_notes": {"12345": "?"}}, headers=headers["agent"])
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "item_notes"


def test_claims_never_outlive_the_shift_and_release_expired_tidies(client: TestClient, headers, make_items,
                                                                   clock_in, db: Database) -> None:
    make_items(inquiries=1)
    clock_in(headers["agent"])
    item = client.post(f"{API}/queue/next", json={}, headers=headers["agent"]).json()["item"]
    with db.session() as s:
        attendance = s.scalar(select(Attendance))
        occ = shifts.window(s, attendance)
    assert datetime.fromisoformat(item["claim_expires_at"]) <= occ.end + shifts.SHIFT_GRACE

    with db.transaction() as s:  # nobody clocked out; the shift has ended
        result = handover.release_expired(s, now=occ.end + shifts.SHIFT_GRACE + timedelta(seconds=1))
    assert result == {"attendances_closed": 1, "claims_released": 1}
    with db.session() as s:
        assert s.scalar(select(Attendance.clock_out_at)) == occ.end
        assert s.scalar(select(Attendance.handover_note)) == handover.AUTO_CLOCK_OUT_NOTE
        assert s.get(QueueItem, item["id"]).claimed_by_id is None


def test_supervisors_edit_shifts_and_rota(client: TestClient, headers, role_staff, default_shifts) -> None:
    sup = headers["supervisor"]
    listed = client.get(f"{API}/shifts", headers=headers["agent"]).json()
    assert [s["name"] for s in listed] == ["morning", "afternoon", "night"]
    night = next(s for s in listed if s["name"] == "night")
    moved = client.patch(f"{API}/shifts/{night['id']}", json={"start_minute": 21 * 60 + 30}, headers=sup)
    assert moved.status_code == 200 and moved.json()["start_minute"] == 1290
    bad = client.patch(f"{API}/shifts/{night['id']}", json={"timezone": "Mars/Olympus"}, headers=sup)
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "timezone"
    clash = client.post(f"{API}/shifts", json={"name": "night", "start_minute": 0, "duration_minutes": 480},
                        headers=sup)
    assert clash.status_code == 409

    entry = client.post(f"{API}/rota", json={"staff_id": role_staff["agent"], "shift_id": night["id"],
                                             "day": "2030-05-01"}, headers=sup)
    assert entry.status_code == 201, entry.text
    dup = client.post(f"{API}/rota", json={"staff_id": role_staff["agent"], "shift_id": night["id"],
                                           "day": "2030-05-01"}, headers=sup)
    assert dup.status_code == 409
    week = client.get(f"{API}/rota", params={"from": "2030-04-28", "to": "2030-05-04"}, headers=headers["agent"])
    assert [e["day"] for e in week.json()] == ["2030-05-01"]
    assert client.delete(f"{API}/rota/{entry.json()['id']}", headers=sup).status_code == 204
    assert client.get(f"{API}/rota", params={"from": "2030-04-28", "to": "2030-05-04"},
                      headers=headers["agent"]).json() == []
