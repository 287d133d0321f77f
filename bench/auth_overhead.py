"""What authenticating a request costs: cheap authenticated GETs against GET /health.

    .venv/bin/python bench/auth_overhead.py [--requests 400] [--pg postgresql://postgres@127.0.0.1:5432/test]
                                           [--skip-http] [--profile]

On a fresh SQLite file (and, with ``--pg``, a scratch PostgreSQL database
created beside the one named and dropped after) holding one staff account made
by ``python -m backend create-staff`` and one member, it times:

* ``GET /health``: no dependencies, one worker-thread call;
* ``GET /api/v1/me``: the session and the signed-in staff member, nothing else;
* ``GET /api/v1/members/{id}``: as a context pane's request is authorised
  (``require(Permission.read_marketplace)``), plus one primary-key lookup;
* ``GET /api/v1/me`` with an unknown token (401);

in-process (the ASGI app from ``create_app``, launch secret included, called
directly on one event loop with one long-lived root task, as under uvicorn)
and over HTTP (the real ``python -m backend serve`` on a free loopback port,
one keep-alive ``requests`` session, as the console calls it). The endpoints
are called round-robin, so load from other processes falls on each alike.

In-process it also times, outside FastAPI, a request's session on its own
(open, commit, close) and with ``staff_for_token`` in it.

``--profile`` prints a cProfile of in-process /members/{id} calls, with what
FastAPI sends to worker threads run inline (cProfile sees one thread only).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from backend.app import create_app
from backend.config import LAUNCH_SECRET_HEADER, resolve_database_url
from backend.db import Database
from backend.members.models import Member
from backend.staff import service as staff_service
from support import scratch_postgres, serving

USERNAME = "bench-agent"
PASSWORD = "bench-password-123"


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def _report(samples: dict[str, list[float]], baseline: str = "GET /health") -> None:
    base = _percentiles(samples[baseline])[0] if baseline in samples else None
    for label, values in samples.items():
        p50, p95 = _percentiles(values)
        extra = f"   (+{p50 - base:.3f} ms over /health)" if base is not None and label != baseline else ""
        print(f"  {label:<38} p50 {p50:7.3f} ms   p95 {p95:7.3f} ms{extra}")


def _prepare(url: str) -> int:
    """The staff account (made the documented way) and one member; the member's id."""
    subprocess.run([sys.executable, "-m", "backend", "--database-url", url, "create-staff", USERNAME,
                    "--role", "agent", "--password", PASSWORD], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    db = Database(resolve_database_url(url))
    try:
        with db.transaction() as session:
            member = Member(external_id="m-bench", display_name="Bench Member", email="bench@example.jp")
            session.add(member)
            session.flush()
            return member.id
    finally:
        db.dispose()


def _interleaved(n: int, calls: dict[str, Callable[[], object]]) -> dict[str, list[float]]:
    """Round-robin over ``calls`` after a warm-up; milliseconds per call."""
    warm_up = max(20, n // 10)
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for i in range(warm_up + n):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            if i >= warm_up:
                samples[name].append((time.perf_counter() - started) * 1000)
    return samples


async def _ainterleaved(n: int, calls: dict[str, Callable[[], Awaitable[object]]]) -> dict[str, list[float]]:
    warm_up = max(20, n // 10)
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for i in range(warm_up + n):
        for name, call in calls.items():
            started = time.perf_counter()
            await call()
            if i >= warm_up:
                samples[name].append((time.perf_counter() - started) * 1000)
    return samples


class AsgiCaller:
    """Calls an ASGI app the way a server does, without a socket."""

    def __init__(self, app: object) -> None:
        self.app = app

    async def get(self, path: str, headers: dict[str, str], expect: int) -> None:
        status = 0

        async def receive() -> dict[str, object]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict[str, object]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])  # type: ignore[call-overload]

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
                 "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
                 "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
                 "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8765)}
        await self.app(scope, receive, send)  # type: ignore[operator]
        if status != expect:
            raise SystemExit(f"{path}: {status}, expected {expect}")


@contextmanager
def _threadpool_inline() -> Iterator[None]:
    """For the profile only: run what FastAPI sends to worker threads on the
    calling thread, so cProfile (which sees one thread) sees all of it."""
    import anyio.to_thread

    original = anyio.to_thread.run_sync

    async def inline(func: Callable[..., object], *args: object, **_kwargs: object) -> object:
        return func(*args)

    anyio.to_thread.run_sync = inline  # type: ignore[assignment]
    try:
        yield
    finally:
        anyio.to_thread.run_sync = original  # type: ignore[assignment]


@contextmanager
def _counting_worker_calls() -> Iterator[list[int]]:
    """Counts calls handed to AnyIO worker threads (FastAPI runs every sync
    dependency, sync endpoint and its response validation there; each is a
    round trip between the event loop and a worker thread)."""
    import anyio.to_thread

    original = anyio.to_thread.run_sync
    count = [0]

    async def counting(func: Callable[..., object], *args: object, **kwargs: object) -> object:
        count[0] += 1
        return await original(func, *args, **kwargs)  # type: ignore[arg-type]

    anyio.to_thread.run_sync = counting  # type: ignore[assignment]
    try:
        yield count
    finally:
        anyio.to_thread.run_sync = original  # type: ignore[assignment]


async def _in_process(db: Database, token: str, member_id: int, n: int, profile: bool) -> None:
    secret = secrets.token_urlsafe(16)
    caller = AsgiCaller(create_app(db, launch_secret=secret))
    auth = {"Authorization": f"Bearer {token}", LAUNCH_SECRET_HEADER: secret}
    bad = {"Authorization": "Bearer not-a-token", LAUNCH_SECRET_HEADER: secret}
    member_path = f"/api/v1/members/{member_id}"
    print(f"in-process ({db.dialect}, {n} calls each, round-robin):")
    _report(await _ainterleaved(n, {
        "GET /health": lambda: caller.get("/health", auth, 200),
        "GET /api/v1/me": lambda: caller.get("/api/v1/me", auth, 200),
        "GET /api/v1/members/{id} (require)": lambda: caller.get(member_path, auth, 200),
        "GET /api/v1/me, unknown token (401)": lambda: caller.get("/api/v1/me", bad, 401),
    }))

    def session_only() -> None:
        with db.session() as s:
            s.commit()

    def lookup() -> None:
        with db.session() as s:
            assert staff_service.staff_for_token(s, token=token) is not None
            s.commit()

    print("  worker-thread calls per request:", end="")
    for label, path, headers, expect in (("/health", "/health", auth, 200), ("/me", "/api/v1/me", auth, 200),
                                         ("/members/{id}", member_path, auth, 200),
                                         ("/me 401", "/api/v1/me", bad, 401)):
        with _counting_worker_calls() as count:
            await caller.get(path, headers, expect)
        print(f" {label} {count[0]};", end="")
    print()
    print("  outside FastAPI:")
    _report(_interleaved(n, {"session open/commit/close": session_only,
                             "session + staff_for_token": lookup}))
    if profile:
        with _threadpool_inline():
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(n):
                await caller.get(member_path, auth, 200)
            profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("cumulative").print_stats(60)
        stats.sort_stats("tottime").print_stats(25)


def in_process(url: str, member_id: int, n: int, profile: bool) -> None:
    db = Database(resolve_database_url(url))
    with db.transaction() as session:
        token, _expires, _staff = staff_service.login(session, username=USERNAME, password=PASSWORD)
    try:
        # One asyncio.run: AnyIO's worker threads live as long as the root task,
        # so a loop per call would start a thread per call.
        asyncio.run(_in_process(db, token, member_id, n, profile))
    finally:
        db.dispose()


def over_http(url: str, member_id: int, n: int) -> None:
    secret = secrets.token_urlsafe(16)
    with serving(url, secret=secret) as base:
        http = requests.Session()
        http.headers[LAUNCH_SECRET_HEADER] = secret
        login = http.post(base + "/api/v1/auth/login", json={"username": USERNAME, "password": PASSWORD}, timeout=30)
        login.raise_for_status()
        token = login.json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        bad = {"Authorization": "Bearer not-a-token"}

        def get(path: str, headers: dict[str, str], expect: int) -> Callable[[], None]:
            def call() -> None:
                response = http.get(base + path, headers=headers, timeout=30)
                if response.status_code != expect:
                    raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
            return call

        get(f"/api/v1/members/{member_id}", auth, 200)()  # waits for the rest of the API (backend.server)
        print(f"over HTTP (python -m backend serve, {n} calls each, round-robin, keep-alive):")
        _report(_interleaved(n, {
            "GET /health": get("/health", {}, 200),
            "GET /api/v1/me": get("/api/v1/me", auth, 200),
            "GET /api/v1/members/{id} (require)": get(f"/api/v1/members/{member_id}", auth, 200),
            "GET /api/v1/me, unknown token (401)": get("/api/v1/me", bad, 401),
        }))


def run(url: str, args: argparse.Namespace) -> None:
    member_id = _prepare(url)
    in_process(url, member_id, args.requests, args.profile)
    if not args.skip_http:
        over_http(url, member_id, args.requests)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--pg", help="PostgreSQL URL; a scratch database is made beside it and dropped after")
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile in-process /members/{id} calls")
    args = parser.parse_args()
    print(f"load average at start: {_load()}")
    with tempfile.TemporaryDirectory() as tmp:
        print("== SQLite ==")
        run(f"sqlite:///{Path(tmp) / 'auth-bench.db'}", args)
    if args.pg:
        with scratch_postgres(args.pg, "anzen_bench_auth") as url:
            print("== PostgreSQL ==")
            run(url, args)
    print(f"load average at end: {_load()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
