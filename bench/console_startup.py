"""Cold start of ``python main.py`` to an interactive main window.

Each run is a fresh ``python main.py --database-url URL --login USER:PASSWORD
--quit-when-ready`` process: it starts the bundled service against an
already seeded database, signs in without the dialog, opens the main window
and prints ``anzen-console-ready <seconds>`` once the window is shown and the
event loop runs (see ``console/app.py``). We time spawn -> marker from the
outside, so interpreter start-up and imports count.

    python bench/console_startup.py [--database-url URL] [--runs 5]

Without ``--database-url`` a demo database is seeded once into a temp dir
(not timed). Target: median < 2 s.
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

REPO = Path(__file__).resolve().parent.parent
MARKER = "anzen-console-ready"


def seeded_database(workdir: Path) -> str:
    url = f"sqlite:///{workdir / 'bench.db'}"
    subprocess.run([sys.executable, "-m", "backend", "--database-url", url, "seed"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    return url


def one_run(database_url: str, login: str, settings: Path) -> tuple[float, float]:
    """(wall seconds spawn -> marker, seconds the console itself reports)."""
    env = dict(os.environ, ANZEN_CONSOLE_SETTINGS=str(settings))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "main.py", "--database-url", database_url, "--login", login,
                                "--quit-when-ready"], cwd=REPO, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(MARKER + " "):
            wall = time.perf_counter() - started
            reported = float(line.split()[1])
            break
    else:
        raise SystemExit(f"main.py exited ({process.wait()}) without printing {MARKER!r}")
    process.wait(30)
    return wall, reported


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--login", default="agent:agent-demo")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="anzen-bench-") as tmp:
        workdir = Path(tmp)
        url = args.database_url or seeded_database(workdir)
        one_run(url, args.login, workdir / "warmup.ini")  # first run pays for OS file caches
        results = [one_run(url, args.login, workdir / f"run{n}.ini") for n in range(args.runs)]
    walls = [wall for wall, _ in results]
    print(f"console cold start to interactive main window ({args.runs} runs, bundled service, "
          f"Qt platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}):")
    print(f"  wall  min {min(walls):.3f} s  median {statistics.median(walls):.3f} s  max {max(walls):.3f} s")
    print(f"  in-process (main.py start -> marker) median {statistics.median(r for _, r in results):.3f} s")
    print(f"  target < 2 s: {'met' if statistics.median(walls) < 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
