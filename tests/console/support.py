"""The real service as a child process, for console tests (importable, unlike a conftest)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

from console.client import ApiClient
from console.service_process import LAUNCH_SECRET_ENV, REPO_ROOT, free_port, new_launch_secret

SERVICE_START_TIMEOUT_S = 60.0


def backend_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "backend", *args]


def copy_database(source: Path, target: Path) -> str:
    """Copy an SQLite file with its write-ahead log; the URL of the copy."""
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    return f"sqlite:///{target}"


class ServiceProcess:
    """The real service as a child process, stoppable and restartable on the same port."""

    def __init__(self, database_url: str, *, with_secret: bool = True) -> None:
        self.database_url = database_url
        self.port = free_port()
        self.secret = new_launch_secret() if with_secret else None
        self.process: subprocess.Popen[bytes] | None = None
        # Every test's database is a copy of one seeded file, so all share one audit chain id: each
        # service keeps its own checkpoints, or one copy's later events read as another's deletions.
        self.checkpoints = tempfile.mkdtemp(prefix="anzen-checkpoints-")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = dict(os.environ)
        env.pop(LAUNCH_SECRET_ENV, None)
        if self.secret:
            env[LAUNCH_SECRET_ENV] = self.secret
        env["ANZEN_AUDIT_CHECKPOINT_DIR"] = self.checkpoints
        self.process = subprocess.Popen(
            backend_command("--database-url", self.database_url, "serve", "--host", "127.0.0.1",
                     "--port", str(self.port), "--demo"),
            cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + SERVICE_START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"service exited: {self.process.stderr.read().decode()}")  # type: ignore[union-attr]
            try:
                if requests.get(f"{self.url}/health", timeout=0.5).ok:
                    return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("service did not become healthy")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process is not None and self.process.stderr is not None:
            self.process.stderr.close()
        self.process = None

    def client(self) -> ApiClient:
        return ApiClient(self.url, secret=self.secret)
