"""Sign-in timing: an unknown username must cost what a wrong password costs (issue 19).

    .venv/bin/python bench/sign_in_timing.py [--attempts 40] [--pg postgresql://postgres@127.0.0.1:5432/test]

On a fresh SQLite file (or, with ``--pg``, the database named), with
throttling turned off for the run, it times ``POST /api/v1/auth/login`` through
the real app for: a wrong password for an existing account, an unknown
username, a deactivated account, and the right password; alternating, so load
from elsewhere falls on each alike. Before issue 19 an unknown name answered in
about 2 ms against 86 ms for a wrong password; both now verify an Argon2 hash.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("ANZEN_KEY_FILE", str(Path(tempfile.mkdtemp(prefix="anzen-bench-key-")) / "anzen.key"))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import update  # noqa: E402

from backend.app import create_app  # noqa: E402
from backend.config import SecuritySettings, resolve_database_url  # noqa: E402
from backend.db import Database  # noqa: E402
from backend.schema import upgrade  # noqa: E402
from backend.staff import service as staff_service  # noqa: E402
from backend.staff.models import Staff  # noqa: E402

PASSWORD = "correct-horse-battery"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attempts", type=int, default=40)
    parser.add_argument("--pg", help="a PostgreSQL URL to use instead of a fresh SQLite file")
    args = parser.parse_args()
    url = resolve_database_url(args.pg) if args.pg else f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    db = Database(url)
    upgrade(db)
    suffix = str(time.time_ns())[-8:]
    with db.transaction() as session:
        for name in (f"bench-user-{suffix}", f"bench-gone-{suffix}"):
            staff_service.create_staff(session, username=name, password=PASSWORD, role="agent")
        session.execute(update(Staff).where(Staff.username == f"bench-gone-{suffix}").values(active=False))
    unthrottled = dataclasses.replace(SecuritySettings(), account_free_failures=10**9, address_free_failures=10**9,
                                      account_lock_failures=10**9, address_lock_failures=10**9,
                                      first_delay=timedelta(0))
    cases = {
        "wrong password": (f"bench-user-{suffix}", "not-the-password"),
        "unknown username": (f"nobody-{suffix}", "not-the-password"),
        "deactivated account": (f"bench-gone-{suffix}", PASSWORD),
        "right password": (f"bench-user-{suffix}", PASSWORD),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    with TestClient(create_app(db, security=unthrottled)) as client:
        for _ in range(args.attempts):
            for name, (username, password) in cases.items():
                started = time.perf_counter()
                client.post("/api/v1/auth/login", json={"username": username, "password": password})
                times[name].append((time.perf_counter() - started) * 1000)
    print(f"database: {db.dialect}, {args.attempts} attempts each")
    for name, samples in times.items():
        print(f"  {name:20s} median {statistics.median(samples):7.1f} ms   "
              f"p90 {statistics.quantiles(samples, n=10)[-1]:7.1f} ms")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
