"""Time from selecting a member with ~500 transactions to every context pane filled, in the console.

    .venv/bin/python bench/console_panes.py [--database-url URL] [--rounds 30]

It prepares the data as ``bench/member_panes.py`` does (a scratch SQLite
database with background members and sales, plus a "bench focus" member with
500 transactions, unless the given database already has such a member),
starts the real service on it (``python -m backend serve``), signs in, and
builds the context panes in an offscreen window. Each round selects another
member first (so nothing is cached in the panes), then the focus member, and
measures until the member summary, ratings summary, first transactions page
and the escrow timeline of their latest transaction are all shown — the
whole path: worker threads, HTTP, JSON, models and widgets. Target: p95 < 300 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import requests  # noqa: E402

import member_panes  # noqa: E402  (its data preparation)
from backend import schema  # noqa: E402
from backend.db import Database  # noqa: E402
from console.client import ApiClient  # noqa: E402
from console.connection import ConnectionMonitor  # noqa: E402
from console.context import ConsoleContext  # noqa: E402
from console.context_panes import ContextPanes  # noqa: E402
from console.qt import QApplication, QEventLoop, QMainWindow  # noqa: E402
from console.service import free_port  # noqa: E402
from console.settings import Settings  # noqa: E402
from console.tasks import TaskRunner  # noqa: E402

TARGET_MS = 300.0


def _serve(url: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "backend", "--database-url", url, "serve", "--host",
                                "127.0.0.1", "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/health", timeout=0.5).ok:
                return process, base
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the service did not start")


def _filled(panes: ContextPanes, member_id: int) -> bool:
    return (panes.member.summary is not None and panes.member.summary["member"]["id"] == member_id
            and panes.ratings.summary is not None and panes.ratings.summary["member_id"] == member_id
            and panes.transactions.model.member_id == member_id and panes.transactions.model.rowCount() > 0
            and not panes.transactions.model.is_loading
            and panes.escrow.detail is not None and panes.escrow.detail["id"] == panes.transactions.model.row_id(0))


def _wait(app: QApplication, check, timeout_s: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout_s
    while not check():
        if time.perf_counter() > deadline:
            raise SystemExit("the panes did not fill in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", help="default: a scratch SQLite file with generated rows")
    parser.add_argument("--member-id", type=int, help="bench this member instead of the busiest one")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--members", type=int, default=20_000, help="background members for a scratch database")
    parser.add_argument("--sales", type=int, default=100_000, help="background sales for a scratch database")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='anzen-console-bench-')) / 'bench.db'}"
    db = Database(url)
    schema.upgrade(db)
    try:
        focus = member_panes._prepare(db, args)  # noqa: SLF001 - the same data as the service bench
    finally:
        db.dispose()

    process, base = _serve(url)
    app = QApplication([])
    runner = TaskRunner()
    client = ApiClient(base)
    try:
        client.login(member_panes.BENCH_USER, member_panes.BENCH_PASSWORD)
        other = next(m["id"] for m in client.page("/members", limit=5).items if m["id"] != focus)
        monitor = ConnectionMonitor(client, runner, interval_ms=600_000)
        context = ConsoleContext(Settings(Path(tempfile.mkdtemp()) / "console.ini"), client, runner, monitor,
                                 client.me())
        window = QMainWindow()
        panes = ContextPanes(context, window)
        window.resize(1400, 900)
        window.show()
        timings: list[float] = []
        for round_number in range(args.rounds + 2):
            panes.follow("member", other)
            _wait(app, lambda: panes.member.summary is not None and panes.member.summary["member"]["id"] == other
                  and runner.pending == 0)
            started = time.perf_counter()
            panes.follow("member", focus)
            _wait(app, lambda: _filled(panes, focus))
            if round_number >= 2:  # the first two warm up connections and caches
                timings.append((time.perf_counter() - started) * 1000)
        rows = panes.transactions.model.rowCount()
        ordered = sorted(timings)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"member #{focus}: {rows} transactions on the first page, {args.rounds} rounds")
        print(f"select -> all panes filled: median {statistics.median(timings):.0f} ms, p95 {p95:.0f} ms, "
              f"max {max(timings):.0f} ms (target p95 < {TARGET_MS:.0f} ms) "
              f"{'OK' if p95 < TARGET_MS else 'OVER TARGET'}")
        window.close()
        runner.wait(5000)
    finally:
        client.close()
        process.terminate()
        process.wait(10)


if __name__ == "__main__":
    main()
