"""Demo and load-test data: a believable marketplace for the console to work on.

``seed_demo`` fills the embedded database on the console's first run;
``seed(scale="large")`` builds a million listings for performance work.
Output is a pure function of the seed number and a fixed base time (never
the wall clock), so two runs with the same seed give identical rows and a
bug seen on one desk can be reproduced on another. Only the Argon2 hashes
(random salts) and the single audit event's timestamp differ.

Everything is written in one database transaction: a failed or interrupted
seed leaves the database empty, so it can simply be run again.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.audit import service as audit
from backend.db import Database, advisory_lock
from backend.errors import Conflict, InvalidInput
from backend.members.models import Member
from backend.queue import sources as queue_sources
from backend.seed import moderation, staffing
from backend.seed.context import SCALES, Scale, SeedContext
from backend.seed.market import write_listings
from backend.seed.people import PeoplePools, joining_times, write_members
from backend.seed.scoring import score_detector_flags
from backend.seed.support import write_inquiries
from backend.seed.writer import BulkWriter, foreign_keys_checked_at_end
from backend.messages.seed import write_messages
from backend.staff.demo import DEMO_ACCOUNTS
from backend.staff.models import Staff

__all__ = ["BASE_TIME", "SCALES", "Scale", "is_empty", "seed", "seed_demo"]

# "Now" for generated data. Fixed so output is reproducible; pass ``now=`` to anchor elsewhere.
BASE_TIME = datetime(2026, 11, 1, tzinfo=UTC)
_SEED_LOCK = 0x5345454421  # serialises concurrent seeders on PostgreSQL
_SQLITE_CACHE_KIB = 262_144  # 256 MiB page cache while seeding: index inserts stay in memory


def _quiet(_percent: int, _message: str) -> None:
    pass


def is_empty(db: Database) -> bool:
    """True when there are no members and no staff: the state a first run starts from."""
    with db.session() as session:
        return _empty(session)


def _empty(session: Session) -> bool:
    return (session.scalar(select(Member.id).limit(1)) is None
            and session.scalar(select(Staff.id).limit(1)) is None)


def seed_demo(db: Database, *, seed: int, progress: Callable[[int, str], None] = _quiet,
              now: datetime | None = None) -> dict[str, int]:
    """The console's first-run data set (a few seconds on SQLite)."""
    return _run(db, SCALES["demo"], scale_name="demo", seed_value=seed, progress=progress, now=now)


def seed(db: Database, *, scale: Literal["demo", "large"], seed: int,
         progress: Callable[[int, str], None] = _quiet, now: datetime | None = None) -> dict[str, int]:
    """Seed an empty database at ``scale``; returns rows written per table.

    Raises Conflict when the database already has members or staff, because
    a second run would duplicate people and muddle the demo.
    """
    if scale not in SCALES:
        raise InvalidInput(f"scale must be one of {', '.join(SCALES)}", field="scale")
    return _run(db, SCALES[scale], scale_name=scale, seed_value=seed, progress=progress, now=now)


def _run(db: Database, scale: Scale, *, scale_name: str, seed_value: int, progress: Callable[[int, str], None],
         now: datetime | None) -> dict[str, int]:
    base = now or BASE_TIME
    if base.tzinfo is None:
        raise InvalidInput("now must be an aware datetime", field="now")
    progress(0, f"seeding {scale_name} data (seed {seed_value})")
    with db.transaction() as session:
        advisory_lock(session, _SEED_LOCK)
        if not _empty(session):
            raise Conflict(
                "This database already has members or staff, so it was not seeded again "
                "(that would duplicate the demo data). Seed a fresh database instead.",
                code="already_seeded",
            )
        with _bulk_settings(session):
            ctx = SeedContext(rng=random.Random(seed_value), writer=BulkWriter(session, chunk=scale.chunk),
                              scale=scale, base=base.timestamp(), progress=progress)
            progress(1, "staff accounts, shifts and rota")
            staffing.write_staff(ctx)
            staffing.write_shifts_and_rota(ctx)
            progress(3, f"{scale.members:,} members")
            pools = PeoplePools(seed=seed_value, size=min(4_000, max(200, scale.members // 20)))
            ctx.joined = joining_times(ctx)
            plan = moderation.plan(ctx)
            write_members(ctx, pools, plan.strikes)
            moderation.write_historic_strikes(ctx, plan)
            ctx.writer.flush()
            sales = write_listings(ctx, plan, first_percent=8, last_percent=90)
            progress(91, f"{scale.inquiries:,} inquiries")
            write_inquiries(ctx, sales)
            write_messages(ctx, sales)  # issue 21: buyer ↔ seller threads
            progress(96, "writing the last rows")
            counts = ctx.writer.finish()
        if scale_name == "demo":
            progress(97, "explaining the detector's flags")
            score_detector_flags(session)
        progress(97, "filling the work queue")
        queue_sources.rebuild(session.connection())  # bulk inserts bypass the ORM hook that keeps it in step
        audit.record(
            session, actor_id=None, actor_label="seed", action="seed", target_type="database", target_id=scale_name,
            after={"scale": scale_name, "seed": seed_value, "base_time": base.isoformat(), "rows": counts,
                   "demo_staff": [a.username for a in DEMO_ACCOUNTS]},
            reason="generated demo data",
        )
        counts["audit_events"] = 1
        progress(98, "committing")
    progress(99, "updating planner statistics")
    with db.engine.begin() as conn:
        # Fresh planner statistics: without them PostgreSQL scans for a filtered
        # page that an index answers in milliseconds.
        if db.is_sqlite:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")
    if db.is_sqlite:
        # One big transaction leaves a WAL as large as the data; fold it back so the
        # embedded file does not carry a second copy around.
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    progress(100, "seeded")
    return counts


@contextmanager
def _bulk_settings(session: Session) -> Iterator[None]:
    """Load-time tuning: a bigger SQLite page cache (restored after: the connection is
    pooled); on PostgreSQL, foreign keys validated once at the end instead of per row."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        with foreign_keys_checked_at_end(conn):
            yield
        return
    previous = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size={previous}")
