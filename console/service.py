"""Starts, watches and stops the bundled service: ``python -m backend serve``
as a child process on 127.0.0.1, a free port and a per-launch secret.

Seeding progress comes from the child's stdout (``anzen-progress <pct> <msg>``)
and is re-emitted as :attr:`BundledService.progress`. The service counts as
ready when it prints ``anzen-listening``: its socket accepts connections from
then on, and nobody waits out a polling interval. If the child dies later,
:attr:`crashed` fires and the supervisor restarts it on the same port (tokens
and the client's base URL stay valid) a few times before giving up and saying
so.

It needs nothing but QtCore, so the console starts it before importing the
rest of itself.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import sys
import time
from collections import deque
from pathlib import Path

from console.qt import QObject, QProcess, QProcessEnvironment, Qt, QTimer, Signal

log = logging.getLogger("anzen.console.service")

REPO_ROOT = Path(__file__).resolve().parent.parent
PROGRESS_PREFIX = "anzen-progress "
LISTENING_LINE = "anzen-listening"
LAUNCH_SECRET_ENV = "ANZEN_LAUNCH_SECRET"
#: Seeding a fresh demo database can take a while; a healthy start is quick.
START_TIMEOUT_S = 300.0
#: Restarts allowed within :data:`RESTART_WINDOW_S` before we give up.
MAX_RESTARTS = 3
RESTART_WINDOW_S = 120.0


def new_launch_secret() -> str:
    """The per-launch secret: only this console may call its service."""
    return secrets.token_urlsafe(32)


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class BundledService(QObject):
    """The local service process and its life cycle."""

    progress = Signal(int, str)
    #: The service listens (after a start or a restart).
    ready = Signal()
    #: The service could not be started; the text says why (with its last output).
    failed = Signal(str)
    #: A running service died; a restart is attempted unless the budget is spent.
    crashed = Signal(str)

    def __init__(self, *, secret: str, database_url: str | None = None, python: str = sys.executable,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.secret = secret
        self._database_url = database_url
        self._python = python
        self._port = 0
        self._process: QProcess | None = None
        self._stdout_buffer = b""
        self._tail: deque[str] = deque(maxlen=30)
        self._stopping = False
        self._ready = False
        self._restarts: deque[float] = deque()
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(int(START_TIMEOUT_S * 1000))
        self._deadline.timeout.connect(self._timed_out)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def pid(self) -> int | None:
        return self._process.processId() if self._process is not None else None

    @property
    def output_tail(self) -> str:
        """The child's last output lines, for error reports."""
        return "\n".join(self._tail)

    def arguments(self) -> list[str]:
        args = ["-m", "backend"]
        if self._database_url:
            args += ["--database-url", self._database_url]
        return args + ["serve", "--host", "127.0.0.1", "--port", str(self._port), "--seed-demo-if-empty",
                       "--parent-pid", str(os.getpid())]

    def start(self) -> None:
        """Start on a fresh free port."""
        self._port = free_port()
        self._spawn()

    def restart(self) -> None:
        """Start again on the same port, so the client and tokens stay valid."""
        self._spawn()

    def stop(self, timeout_ms: int = 8000) -> None:
        """Ask the service to shut down, and kill it if it will not."""
        self._stopping = True
        self._deadline.stop()
        process, self._process = self._process, None
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return
        process.terminate()
        if not process.waitForFinished(timeout_ms):
            log.warning("bundled service did not stop in %d ms; killing it", timeout_ms)
            process.kill()
            process.waitForFinished(2000)

    # -- process handling -------------------------------------------------------

    def _spawn(self) -> None:
        self._stopping = False
        self._ready = False
        self._stdout_buffer = b""
        process = QProcess(self)
        env = QProcessEnvironment.systemEnvironment()
        env.insert(LAUNCH_SECRET_ENV, self.secret)
        env.insert("PYTHONUNBUFFERED", "1")
        env.insert("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO_ROOT), env.value("PYTHONPATH")])))
        process.setProcessEnvironment(env)
        process.setWorkingDirectory(str(REPO_ROOT))
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(lambda code, status, p=process: self._on_finished(p, code))
        # Queued: a failure to start must not be reported before the caller has connected.
        process.errorOccurred.connect(lambda err, p=process: self._on_error(p, err),
                                      Qt.ConnectionType.QueuedConnection)
        self._process = process
        log.info("starting bundled service: %s %s", self._python, " ".join(self.arguments()))
        process.start(self._python, self.arguments())
        self._deadline.start()

    def _read_stdout(self) -> None:
        if self._process is None:
            return
        self._stdout_buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._stdout_buffer = self._stdout_buffer.split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace").rstrip()
            if line == LISTENING_LINE:
                self._listening()
            elif line.startswith(PROGRESS_PREFIX):
                percent, _, message = line[len(PROGRESS_PREFIX):].partition(" ")
                try:
                    self.progress.emit(max(0, min(100, int(percent))), message)
                except ValueError:
                    self._remember(line)
            elif line:
                self._remember(line)

    def _read_stderr(self) -> None:
        if self._process is None:
            return
        text = bytes(self._process.readAllStandardError().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            if line.strip():
                self._remember(line)

    def _remember(self, line: str) -> None:
        self._tail.append(line)
        log.debug("service: %s", line)

    def _listening(self) -> None:
        if self._ready or self._process is None:
            return
        self._ready = True
        self._deadline.stop()
        log.info("bundled service ready at %s (pid %s)", self.base_url, self.pid)
        self.ready.emit()

    def _timed_out(self) -> None:
        if self._process is not None and not self._ready:
            self.failed.emit(f"The service did not answer within {START_TIMEOUT_S:.0f} s.\n{self.output_tail}")

    def _on_error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and process is self._process:
            self._deadline.stop()
            self.failed.emit(f"Could not run {self._python}: {process.errorString()}")

    def _on_finished(self, process: QProcess, exit_code: int) -> None:
        process.deleteLater()
        if process is not self._process or self._stopping:
            return
        self._read_stdout()
        self._read_stderr()
        self._process = None
        self._deadline.stop()
        was_ready, self._ready = self._ready, False
        reason = f"The bundled service exited (code {exit_code}).\n{self.output_tail}"
        if not was_ready:
            self.failed.emit(reason)
            return
        log.error("bundled service died: %s", reason)
        self.crashed.emit(reason)
        if self._may_restart():
            self.restart()
        else:
            self.failed.emit(f"The bundled service keeps stopping ({MAX_RESTARTS} restarts "
                             f"in {RESTART_WINDOW_S:.0f} s).\n{self.output_tail}")

    def _may_restart(self) -> bool:
        now = time.monotonic()
        while self._restarts and now - self._restarts[0] > RESTART_WINDOW_S:
            self._restarts.popleft()
        if len(self._restarts) >= MAX_RESTARTS:
            return False
        self._restarts.append(now)
        return True
