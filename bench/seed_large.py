"""Time ``seed(scale="large")`` on a fresh SQLite file and a fresh PostgreSQL database.

    .venv/bin/python bench/seed_large.py [--sqlite-only | --pg-only] [--keep PATH] [--seed N]
                                         [--pg-url postgresql+psycopg://postgres@127.0.0.1:5432/test]

Prints seconds taken and database size (SQLite: file plus -wal/-shm; PostgreSQL:
pg_database_size). ``--keep PATH`` leaves the seeded SQLite file at PATH for other
benchmarks; the PostgreSQL scratch database is always dropped.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from backend import schema  # noqa: E402
from backend.db import Database  # noqa: E402
from backend.seed import seed  # noqa: E402
from support import scratch_postgres  # noqa: E402

LIMIT_SECONDS = 300


def _progress(started: float) -> Callable[[int, str], None]:
    last = [-10]

    def report(percent: int, message: str) -> None:
        if percent - last[0] >= 10 or percent in (0, 100):
            last[0] = percent
            print(f"  {time.perf_counter() - started:7.1f}s [{percent:3d}%] {message}", flush=True)

    return report


def _seed_and_time(db: Database, seed_value: int) -> tuple[float, dict[str, int]]:
    """Wall seconds; also prints this process's CPU seconds, which on SQLite (in-process)
    is what the wall time would be on an otherwise idle machine."""
    schema.upgrade(db)
    started, cpu = time.perf_counter(), time.process_time()
    counts = seed(db, scale="large", seed=seed_value, progress=_progress(started))
    print(f"  process CPU time: {time.process_time() - cpu:.1f} s")
    return time.perf_counter() - started, counts


def _mib(size: int) -> str:
    return f"{size / 2**20:,.0f} MiB"


def bench_sqlite(seed_value: int, keep: Path | None) -> float:
    directory = None
    if keep is None:
        directory = tempfile.TemporaryDirectory(prefix="anzen-bench-")
        path = Path(directory.name) / "large.db"
    else:
        path = keep.resolve()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
    print(f"SQLite: {path}")
    db = Database(f"sqlite:///{path}")
    try:
        seconds, counts = _seed_and_time(db, seed_value)
        size = sum(os.path.getsize(f"{path}{s}") for s in ("", "-wal", "-shm") if os.path.exists(f"{path}{s}"))
    finally:
        db.dispose()
    print(f"SQLite large: {seconds:.1f} s, {_mib(size)} (file + WAL while open)  rows: {sum(counts.values()):,}")
    if keep is None and directory is not None:
        directory.cleanup()
    else:
        print(f"kept {path} ({_mib(os.path.getsize(path))} after close)")
    return seconds


def bench_postgres(seed_value: int, admin_url: str) -> float:
    with scratch_postgres(admin_url, "anzen_bench") as url:
        print(f"PostgreSQL: scratch database {make_url(url).database}")
        db = Database(url)
        try:
            seconds, counts = _seed_and_time(db, seed_value)
            with db.engine.connect() as conn:
                size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar() or 0
            print(f"PostgreSQL large: {seconds:.1f} s, {_mib(size)}  rows: {sum(counts.values()):,}")
        finally:
            db.dispose()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--sqlite-only", action="store_true")
    only.add_argument("--pg-only", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep the seeded SQLite database at this path")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--pg-url", default=os.environ.get("ANZEN_TEST_PG_URL",
                                                           "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
                        help="a database on the server to connect to while creating the scratch one")
    args = parser.parse_args(argv)
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print(f"note: load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; timings will be inflated")
    results: dict[str, float] = {}
    if not args.pg_only:
        results["sqlite"] = bench_sqlite(args.seed, args.keep)
    if not args.sqlite_only:
        results["postgresql"] = bench_postgres(args.seed, args.pg_url)
    slow = [k for k, v in results.items() if v > LIMIT_SECONDS]
    for backend, seconds in results.items():
        print(f"{backend:>10}: {seconds:6.1f} s  {'OVER' if backend in slow else 'within'} the {LIMIT_SECONDS} s budget")
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
