"""The bundled service's child process, without Qt.

The service is the long pole of the console's start-up, so ``console.app``
spawns it before importing Qt (~0.2 s of a cold start) and
:class:`console.service.BundledService` watches it from then on.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LAUNCH_SECRET_ENV = "ANZEN_LAUNCH_SECRET"
PROGRESS_PREFIX = "anzen-progress "
LISTENING_LINE = "anzen-listening"


def new_launch_secret() -> str:
    """The per-launch secret: only this console may call its service."""
    return secrets.token_urlsafe(32)


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class ServiceCommand:
    """How to run the bundled service: ``python -m backend serve`` on loopback."""

    secret: str
    database_url: str | None = None
    python: str = sys.executable

    def arguments(self, port: int) -> list[str]:
        args = ["-m", "backend"]
        if self.database_url:
            args += ["--database-url", self.database_url]
        return args + ["serve", "--host", "127.0.0.1", "--port", str(port), "--seed-demo-if-empty",
                       "--parent-pid", str(os.getpid())]


@dataclass(frozen=True)
class Spawned:
    """One start of the service: its process, or why there is none."""

    command: ServiceCommand
    port: int
    process: subprocess.Popen[bytes] | None
    error: str = ""


def spawn(command: ServiceCommand, port: int | None = None) -> Spawned:
    """Start the service on ``port`` (default: a free one). Never raises: a
    program that cannot run is reported in :attr:`Spawned.error`.

    Its stderr goes to the same pipe as its stdout: the watcher keeps the last
    lines of both for error reports, and reads one stream instead of two.
    """
    port = free_port() if port is None else port
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env[LAUNCH_SECRET_ENV] = command.secret
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    try:
        process = subprocess.Popen([command.python, *command.arguments(port)], cwd=REPO_ROOT, env=env,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
    except OSError as exc:
        return Spawned(command, port, None, f"Could not run {command.python}: {exc}")
    return Spawned(command, port, process)
