"""Cold start of ``python main.py`` to the queue's first page of data.

``bench/console_startup.py`` times the start to an interactive main window;
the window fills in asynchronously after that. This times the moment the
first page of the work queue has arrived, so that start-up work moved to
after the window shows (the service loads most of its API once sign-in is
answered) is counted, not hidden.

Each run is a fresh Python process that runs ``console.app.main`` as
``main.py`` does (``--login agent:agent-demo --quit-when-ready``) and notes
when urllib3 logs the answer to ``GET /api/v1/queue?…``, relative to the
process's own start.

    python bench/console_first_page.py --database-url URL [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from console_startup import byte_compile  # noqa: E402

RUN = """
import time
started = time.perf_counter()
import logging, sys
sys.argv = ["main.py", "--database-url", sys.argv[1], "--login", "agent:agent-demo", "--quit-when-ready", "-v"]


class FirstPage(logging.Handler):
    def emit(self, record):
        if "GET /api/v1/queue?" in record.getMessage():
            print(f"first-page {time.perf_counter() - started:.3f}", flush=True)


logging.getLogger("urllib3.connectionpool").addHandler(FirstPage())
from console.app import main
main(started_at=started)
"""


def one_run(database_url: str, settings: Path) -> tuple[float, float]:
    """(seconds to the interactive window, seconds to the queue's first page)."""
    env = dict(os.environ, ANZEN_CONSOLE_SETTINGS=str(settings))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    result = subprocess.run([sys.executable, "-c", RUN, database_url], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    figures = dict(line.split()[:2] for line in result.stdout.splitlines()
                   if line.startswith(("first-page ", "anzen-console-ready ")))
    if len(figures) != 2:
        raise SystemExit(f"a run ended without both figures:\n{result.stdout}\n{result.stderr[-2000:]}")
    return float(figures["anzen-console-ready"]), float(figures["first-page"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", required=True, help="an already seeded database")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    byte_compile()
    settings = Path(tempfile.gettempdir()) / "anzen-first-page.ini"
    one_run(args.database_url, settings)  # the first run pays for OS file caches
    runs = [one_run(args.database_url, settings) for _ in range(args.runs)]
    for label, values in (("interactive window", [r[0] for r in runs]), ("queue's first page", [r[1] for r in runs])):
        print(f"{label:20} min {min(values):.3f} s  median {statistics.median(values):.3f} s  "
              f"max {max(values):.3f} s  ({len(values)} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
