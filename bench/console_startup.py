"""Cold start of ``python main.py`` to an interactive main window.

Each run is a fresh ``python main.py --database-url URL --login USER:PASSWORD
--quit-when-ready`` process: it starts the bundled service against an
already seeded database, signs in without the dialog, opens the main window
and prints ``anzen-console-ready <seconds>`` once the window is shown and the
event loop runs (see ``console/app.py``). We time spawn -> marker from the
outside, so interpreter start-up and imports count.

    python bench/console_startup.py [--database-url URL] [--runs 5]

Without ``--database-url`` a demo database is seeded once into a temp dir
(not timed). The project's modules are byte-compiled first, as pip does for
a regular install and as any first start does for an editable one — unless
``PYTHONDONTWRITEBYTECODE`` is set (it is on CI images), in which case every
start would compile ~200 modules from source. Target: median < 2 s.

A second set of runs uses ``--server URL`` against a service that is already
up, which separates the console's own start-up from the service's.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from support import serving  # noqa: E402

MARKER = "anzen-console-ready"


def seeded_database(workdir: Path) -> str:
    url = f"sqlite:///{workdir / 'bench.db'}"
    subprocess.run([sys.executable, "-m", "backend", "--database-url", url, "seed"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    return url


def byte_compile() -> None:
    for package in ("backend", "console", "widgets", "resources"):
        compileall.compile_dir(REPO / package, quiet=1)


def one_run(target: list[str], login: str, settings: Path) -> tuple[float, float]:
    """(wall seconds spawn -> marker, seconds the console itself reports)."""
    env = dict(os.environ, ANZEN_CONSOLE_SETTINGS=str(settings))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "main.py", *target, "--login", login, "--quit-when-ready"],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
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


def report(title: str, results: list[tuple[float, float]]) -> None:
    walls = [wall for wall, _ in results]
    median = statistics.median(walls)
    print(f"{title}: cold start to interactive main window, {len(walls)} runs")
    print(f"  wall  min {min(walls):.3f} s  median {median:.3f} s  max {max(walls):.3f} s"
          f"  (in-process median {statistics.median(r for _, r in results):.3f} s)"
          f"  target < 2 s: {'met' if median < 2 else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--login", default="agent:agent-demo")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="anzen-bench-") as tmp:
        workdir = Path(tmp)
        url = args.database_url or seeded_database(workdir)
        bundled = ["--database-url", url]
        byte_compile()
        one_run(bundled, args.login, workdir / "warmup.ini")  # the first run pays for OS file caches
        report("python main.py (starts the bundled service)",
               [one_run(bundled, args.login, workdir / f"b{n}.ini") for n in range(args.runs)])
        with serving(url, demo=True) as server_url:  # team-style: no launch secret
            report("python main.py --server URL (service already up)",
                   [one_run(["--server", server_url], args.login, workdir / f"s{n}.ini") for n in range(args.runs)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
