"""Separate ``python -m backend serve`` processes on one database, for the
replica tests (and bench/team_replicas.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Replicas:
    """``count`` serve processes; ``urls`` their base URLs. Use as a context manager."""

    def __init__(self, database_url: str, count: int, *, env: dict[str, str] | None = None,
                 log_dir: Path | None = None) -> None:
        self.database_url = database_url
        self.count = count
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        self.env.pop("ANZEN_LAUNCH_SECRET", None)
        self.log_dir = log_dir
        self.processes: list[subprocess.Popen[bytes]] = []
        self.urls: list[str] = []

    def __enter__(self) -> Replicas:
        for n in range(self.count):
            port = free_port()
            log = open(self.log_dir / f"replica-{n}.log", "wb") if self.log_dir else subprocess.DEVNULL
            self.processes.append(subprocess.Popen(
                [sys.executable, "-m", "backend", "--database-url", self.database_url, "serve",
                 "--port", str(port), "--log-level", "warning"],
                cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=log))
            self.urls.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 90
        for url, process in zip(self.urls, self.processes):
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"replica at {url} exited with {process.returncode}")
                try:
                    # /api/v1/queue/... needs the whole API: ask something outside sign-in to load it.
                    if requests.get(f"{url}/openapi.json", timeout=5).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                if time.monotonic() > deadline:
                    raise TimeoutError(f"replica at {url} did not start")
                time.sleep(0.2)
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
