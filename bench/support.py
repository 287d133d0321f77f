"""Set-up that several benches share, so each says only what it measures.

Benches that time the real service over HTTP start it as a child process
(``python -m backend serve``) and stop it after; benches on PostgreSQL make
a scratch database beside the one they are given and drop it after. Copied
into each script, these had drifted apart in their waits, time-outs and
clean-up.

What loads at import is kept light (no Qt, no SQLAlchemy): the console
benches import this module too, and their process should hold only what a
console holds (see ``bench/console_panes.py``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from anywhere, like the other bench tools

from console.service_process import LAUNCH_SECRET_ENV, LISTENING_LINE, free_port  # noqa: E402

START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 30.0


@contextmanager
def serving(database_url: str, *, secret: str | None = None, demo: bool = False) -> Iterator[str]:
    """The real service on a free loopback port, as its base URL, for the ``with`` block.

    ``secret`` is the launch secret, as the console's bundled service has; with
    none the service is a team-style one, so a secret set in this process's
    environment is not passed on. ``demo`` offers the demo accounts (``--demo``).
    The service also exits once this process is gone, as the console's does: a
    bench killed hard, or leaving through a Qt callback, skips the clean-up here.
    """
    port = free_port()
    env = {name: value for name, value in os.environ.items() if name != LAUNCH_SECRET_ENV}
    if secret is not None:
        env[LAUNCH_SECRET_ENV] = secret
    command = [sys.executable, "-m", "backend", "--database-url", database_url, "serve", "--host", "127.0.0.1",
               "--port", str(port), "--parent-pid", str(os.getpid()), *(["--demo"] if demo else [])]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, encoding="utf-8", errors="replace")
    try:
        _wait_until_listening(process)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(process)


def _wait_until_listening(process: subprocess.Popen[str]) -> None:
    """Waits for the line the service prints once its socket accepts
    connections, which is sooner than polling /health and tells an early
    exit (a bad URL, a port taken) from a slow start."""
    listening, settled = threading.Event(), threading.Event()
    early: list[str] = []
    threading.Thread(target=_relay, args=(process, listening, settled, early), name="service-output",
                     daemon=True).start()
    if not settled.wait(START_TIMEOUT_S):
        raise SystemExit(f"the service did not listen within {START_TIMEOUT_S:.0f} s; its output so far:\n"
                         f"{''.join(early)}")
    if not listening.is_set():
        raise SystemExit(f"the service exited with code {process.wait()} before listening; its output:\n"
                         f"{''.join(early)}")


def _relay(process: subprocess.Popen[str], listening: threading.Event, settled: threading.Event,
           early: list[str]) -> None:
    """Reads the service's output for as long as it runs, so a full pipe never
    blocks it: kept in ``early`` until it listens (for the error if it never
    does), passed on to stderr from then on."""
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if listening.is_set():
                sys.stderr.write(line)
            elif line.rstrip() == LISTENING_LINE:
                sys.stderr.writelines(early)
                listening.set()
                settled.set()
            else:
                early.append(line)
    finally:
        settled.set()


def _stop(process: subprocess.Popen[str]) -> None:
    """Asks the service to shut down, and kills it if it will not."""
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def scratch_postgres(base_url: str, prefix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database on the server of ``base_url``, as its
    URL, dropped after the ``with`` block even if connections to it are still open.

    The name is ``prefix`` and a random suffix, so runs at the same time and
    databases left by a killed run never collide.
    """
    # Imported here, not at the top: see the module's docstring.
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from backend.config import resolve_database_url

    url = make_url(resolve_database_url(base_url))
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
