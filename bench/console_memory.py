"""Peak RSS of the console with a 100,000-row listings list scrolled to its end.

Starts the real service (``python -m backend serve``) on a database with at
least ``--rows`` listings, then — in this process, which plays the console —
opens the main window on the Listings screen and keeps scrolling to the
bottom until ``--rows`` rows are loaded or the server has no more pages. Prints rows loaded, time, and the peak resident
set size of this process (the service's memory is not counted).

    python bench/console_memory.py [--database-url URL] [--rows 100000]

Without ``--database-url`` a database is seeded with ``seed --scale large``
into a temp dir first (slow, not timed). Target: peak RSS < 350 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from console.client import ApiClient  # noqa: E402
from console.connection import ConnectionMonitor  # noqa: E402
from console.context import ConsoleContext  # noqa: E402
from console.main_window import MainWindow  # noqa: E402
from console.qt import QApplication  # noqa: E402
from console.service_process import new_launch_secret  # noqa: E402
from console.settings import Options, Settings  # noqa: E402
from console.tasks import TaskRunner  # noqa: E402
from support import serving  # noqa: E402


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size of this process in MB."""
    current = 0.0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--page-size", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="anzen-bench-") as tmp:
        url = args.database_url
        if not url:
            url = f"sqlite:///{Path(tmp) / 'large.db'}"
            subprocess.run([sys.executable, "-m", "backend", "--database-url", url, "seed", "--scale", "large"],
                           cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        secret = new_launch_secret()
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # so leaving the block below stops the service
        with serving(url, secret=secret) as base_url:
            return scroll_to_end(base_url, secret, Path(tmp), args.rows, args.page_size)


def scroll_to_end(base_url: str, secret: str, workdir: Path, rows: int, page_size: int) -> int:
    app = QApplication([])
    settings = Settings(workdir / "console.ini")
    settings.set(Options.PAGE_SIZE, page_size)
    client, runner = ApiClient(base_url, secret=secret), TaskRunner()
    sign_in = client.login("supervisor", "supervisor-demo")
    monitor = ConnectionMonitor(client, runner, interval_ms=60_000)
    window = MainWindow(ConsoleContext(settings, client, runner, monitor, sign_in.staff))
    window.show()
    window.show_screen("listings")
    pane = window.screens["listings"].current_pane()
    before, _ = rss_mb()
    started = time.perf_counter()
    reported = 0
    while pane.model.rowCount() < rows and (pane.model.canFetchMore() or pane.model.is_loading):
        pane.view.scrollToBottom()
        app.processEvents()
        if pane.model.error is not None:
            raise SystemExit(f"loading failed: {pane.model.error}")
        if pane.model.rowCount() >= reported + 20_000:
            reported = pane.model.rowCount()
            print(f"  {reported:,} rows after {time.perf_counter() - started:.0f} s, RSS {rss_mb()[0]:.0f} MB",
                  flush=True)
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    loaded = pane.model.rowCount()
    current, peak = rss_mb()
    print(f"listings loaded by scrolling: {loaded:,} rows in {elapsed:.1f} s "
          f"({page_size} per page, {loaded / max(elapsed, 1e-9):,.0f} rows/s)")
    print(f"console RSS: before list {before:.0f} MB, after {current:.0f} MB, peak {peak:.0f} MB")
    print(f"target peak < 350 MB with >= {rows:,} rows: "
          f"{'met' if peak < 350 and loaded >= rows else 'NOT met' if loaded >= rows else 'not enough rows'}")
    window.close()
    runner.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
