"""p50/p95 latency of lookups and a filtered listing page, at the HTTP level.

    .venv/bin/python bench/api_latency.py --database-url sqlite:////tmp/anzen-large.db [--requests 300]

Starts the real service (``python -m backend serve``) on a free loopback port
against an already seeded database (``seed --scale large``), signs in as the
demo supervisor and times requests made with one keep-alive HTTP session:
listing, member and transaction lookups by random id, and the first and a
later page of active listings filtered by category, newest first.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import requests
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from support import serving  # noqa: E402


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    url = args.database_url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url)
    with engine.connect() as conn:
        max_ids = {table: conn.scalar(text(f"SELECT max(id) FROM {table}"))
                   for table in ("listings", "members", "transactions")}
        categories = [row[0] for row in conn.execute(text("SELECT DISTINCT category FROM listings LIMIT 20"))]
    engine.dispose()
    with serving(args.database_url) as base:
        http = requests.Session()
        token = http.post(base + "/api/v1/auth/login", json={"username": "supervisor", "password": "supervisor-demo"},
                          timeout=30).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        rng = random.Random(1)

        def timed(make_path: Callable[[], str]) -> tuple[float, float]:
            samples = []
            for _ in range(args.requests):
                path = make_path()
                started = time.perf_counter()
                response = http.get(base + path, timeout=30)
                samples.append((time.perf_counter() - started) * 1000)
                if response.status_code not in (200, 404):
                    raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
            return _percentiles(samples)

        def second_page() -> str:
            category = rng.choice(categories)
            first = http.get(base + "/api/v1/listings", params={"status": "active", "category": category, "limit": 50},
                             timeout=30).json()
            return f"/api/v1/listings?status=active&category={category}&limit=50&cursor={first['next_cursor']}"

        cases = {
            "GET /listings/{id}": lambda: f"/api/v1/listings/{rng.randint(1, max_ids['listings'])}",
            "GET /members/{id}": lambda: f"/api/v1/members/{rng.randint(1, max_ids['members'])}",
            "GET /transactions/{id} (with ledger)": lambda: f"/api/v1/transactions/{rng.randint(1, max_ids['transactions'])}",
            "GET /listings?status=active&category=…&limit=50": lambda: (
                f"/api/v1/listings?status=active&category={rng.choice(categories)}&limit=50"),
            "same, a later page (cursor)": second_page,
        }
        print(f"database: {args.database_url.split('@')[-1]}  listings: {max_ids['listings']:,}  "
              f"requests per case: {args.requests}")
        print(f"{'request':48} {'p50 ms':>8} {'p95 ms':>8}")
        for name, make in cases.items():
            timed(make)  # warm up caches once, as a running service would be
            p50, p95 = timed(make)
            print(f"{name:48} {p50:8.1f} {p95:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
