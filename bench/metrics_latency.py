"""p50/p95 latency of the dashboards' metrics calls at the HTTP level (issue 18).

    .venv/bin/python bench/metrics_latency.py --database-url sqlite:////tmp/anzen-large.db [--requests 60]

Starts the real service (``python -m backend serve``) against an already
seeded ``large`` database (``bench/seed_large.py --keep PATH``, or ``seed
--scale large``), signs in as the demo supervisor and times, with one
keep-alive session, what the dashboards ask: operations for the last 24 hours
by hour and the last 7 days by day, enforcement for the last 30 days by day
and the last 90 days by day, and the audit viewer's facets and first page.
Each period is shifted by a random few minutes per request so no answer is a
repeat of the previous one. Target: p95 < 200 ms for each call.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import serving  # noqa: E402

TARGET_MS = 200.0


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", type=int, default=60)
    args = parser.parse_args()
    url = args.database_url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url)
    with engine.connect() as conn:
        sizes = {table: conn.scalar(text(f"SELECT count(*) FROM {table}"))
                 for table in ("listings", "queue_items", "flags", "takedowns", "appeals", "audit_events")}
        latest = conn.scalar(text("SELECT max(created_at) FROM flags"))
    engine.dispose()
    print("rows: " + ", ".join(f"{table} {n:,}" for table, n in sizes.items()))
    anchor = datetime.fromisoformat(str(latest)).replace(tzinfo=UTC) if latest else datetime.now(UTC)
    calls = {
        "operations, 24 h by hour": ("/api/v1/metrics/operations", timedelta(hours=24), "hour"),
        "operations, 7 days by day": ("/api/v1/metrics/operations", timedelta(days=7), "day"),
        "enforcement, 30 days by day": ("/api/v1/metrics/enforcement", timedelta(days=30), "day"),
        "enforcement, 90 days by day": ("/api/v1/metrics/enforcement", timedelta(days=90), "day"),
        "audit viewer facets, 7 days": ("/api/v1/audit-viewer/facets", timedelta(days=7), None),
        "audit viewer first page": ("/api/v1/audit-viewer/events", None, None),
    }
    failed = False
    with serving(args.database_url) as base:
        http = requests.Session()
        token = http.post(base + "/api/v1/auth/login", json={"username": "supervisor", "password": "supervisor-demo"},
                          timeout=30).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        rng = random.Random(1)
        for name, (path, span, bucket) in calls.items():
            samples = []
            for i in range(args.requests + 3):
                params: dict[str, str] = {}
                if span is not None:
                    end = anchor + timedelta(hours=1) - timedelta(minutes=rng.randrange(0, 60))
                    params = {"from": (end - span).isoformat(), "to": end.isoformat()}
                    if bucket:
                        params["bucket"] = bucket
                started = time.perf_counter()
                response = http.get(base + path, params=params, timeout=60)
                elapsed = (time.perf_counter() - started) * 1000
                response.raise_for_status()
                if i >= 3:  # the first calls warm the caches and the route
                    samples.append(elapsed)
            p50, p95 = _percentiles(samples)
            verdict = "ok" if p95 < TARGET_MS else "OVER TARGET"
            failed |= p95 >= TARGET_MS
            print(f"{name:32s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {verdict}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
