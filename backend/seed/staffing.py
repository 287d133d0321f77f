"""Demo staff, the three daily shifts and a week's rota.

The demo accounts have public passwords (backend.staff.demo); each is
hashed once with Argon2 like any account so that the normal login path
works against seeded data.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from backend.seed.context import DAY, SeedContext
from backend.staff.demo import DEMO_ACCOUNTS
from backend.staff.models import RotaEntry, Shift, Staff
from backend.staff.security import hash_password

TOKYO = ZoneInfo("Asia/Tokyo")
# name -> (local start minute, duration)
SHIFTS: dict[str, tuple[int, int]] = {"night": (22 * 60, 480), "morning": (6 * 60, 480), "afternoon": (14 * 60, 480)}
# Who works which shift; two people per shift, days off staggered across the week.
HOME_SHIFT: dict[str, str] = {
    "agent": "morning", "agent2": "night", "moderator": "afternoon", "moderator2": "night",
    "safety": "morning", "supervisor": "afternoon",
}
ROTA_DAYS = 7


def write_staff(ctx: SeedContext) -> None:
    table = Staff.__table__
    created = ctx.at(ctx.base - 400 * DAY)
    for account in DEMO_ACCOUNTS:
        staff_id = ctx.writer.reserve(table)
        ctx.writer.add(table, {
            "id": staff_id, "username": account.username, "display_name": account.display_name,
            "role": str(account.role), "password_hash": hash_password(account.password), "active": True,
            "created_at": created,
        })
        ctx.staff_ids.setdefault(str(account.role), []).append(staff_id)
        ctx.staff_usernames[staff_id] = account.username
        ctx.staff_names[staff_id] = account.display_name.split(" (")[0]


def write_shifts_and_rota(ctx: SeedContext) -> None:
    """Shifts an operator already made are kept (matched by name); the rota covers the week after the base time."""
    conn = ctx.writer.conn
    shift_table = Shift.__table__
    existing = dict(conn.execute(select(shift_table.c.name, shift_table.c.id)).all())
    shift_ids: dict[str, int] = {}
    for name, (start, duration) in SHIFTS.items():
        if name in existing:
            shift_ids[name] = existing[name]
            continue
        shift_ids[name] = ctx.writer.reserve(shift_table)
        ctx.writer.add(shift_table, {"id": shift_ids[name], "name": name, "start_minute": start,
                                     "duration_minutes": duration, "timezone": "Asia/Tokyo", "active": True})
    first_day = datetime.fromtimestamp(ctx.base, UTC).astimezone(TOKYO).date()
    rota = RotaEntry.__table__
    for offset in range(ROTA_DAYS):
        day = first_day + timedelta(days=offset)
        for person, (staff_id, username) in enumerate(ctx.staff_usernames.items()):
            if (offset + person) % 7 in (5, 6):  # two days off a week, staggered
                continue
            ctx.writer.add(rota, {"id": ctx.writer.reserve(rota), "staff_id": staff_id,
                                  "shift_id": shift_ids[HOME_SHIFT.get(username, "morning")], "day": day.isoformat()})
