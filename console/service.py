"""Watches and stops the bundled service, and restarts it when it dies: the
child process that :mod:`console.service_process` starts (``python -m backend
serve`` on 127.0.0.1, a free port and a per-launch secret).

A thread reads the child's output and hands each line to the UI thread by a
queued signal. Seeding progress (``anzen-progress <pct> <msg>``) is re-emitted
as :attr:`BundledService.progress`. The service counts as ready when it prints
``anzen-listening``: its socket accepts connections from then on, and nobody
waits out a polling interval. If the child dies later, :attr:`crashed` fires
and the service is restarted on the same port (tokens and the client's base
URL stay valid) a few times before giving up and saying so.
"""

from __future__ import annotations

import logging
import subprocess
import threading
import time
from collections import deque

from console.i18n import tr
from console.qt import QObject, QTimer, Signal
from console.service_process import LISTENING_LINE, PROGRESS_PREFIX, ServiceCommand, Spawned, spawn

log = logging.getLogger("anzen.console.service")

#: Seeding a fresh demo database can take a while; a healthy start is quick.
START_TIMEOUT_S = 300.0
#: Restarts allowed within :data:`RESTART_WINDOW_S` before we give up.
MAX_RESTARTS = 3
RESTART_WINDOW_S = 120.0


class BundledService(QObject):
    """The local service process and its life cycle."""

    progress = Signal(int, str)
    #: The service listens (after a start or a restart).
    ready = Signal()
    #: The service could not be started; the text says why (with its last output).
    failed = Signal(str)
    #: A running service died; a restart is attempted unless the budget is spent.
    crashed = Signal(str)

    #: From the output thread: (process, line) and (process, exit code).
    _output = Signal(object, str)
    _exited = Signal(object, int)

    def __init__(self, command: ServiceCommand, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.command = command
        self._port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._tail: deque[str] = deque(maxlen=30)
        self._stopping = False
        self._ready = False
        self._restarts: deque[float] = deque()
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(int(START_TIMEOUT_S * 1000))
        self._deadline.timeout.connect(self._timed_out)
        self._output.connect(self._on_output)
        self._exited.connect(self._on_exited)

    @property
    def secret(self) -> str:
        return self.command.secret

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def output_tail(self) -> str:
        """The child's last output lines, for error reports."""
        return "\n".join(self._tail)

    def start(self, spawned: Spawned | None = None) -> None:
        """Start on a fresh free port, or watch ``spawned``, started before
        Qt was imported (see console.app)."""
        self._watch(spawned or spawn(self.command))

    def restart(self) -> None:
        """Start again on the same port, so the client and tokens stay valid."""
        self._watch(spawn(self.command, self._port))

    def stop(self, timeout_ms: int = 8000) -> None:
        """Ask the service to shut down, and kill it if it will not."""
        self._stopping = True
        self._deadline.stop()
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout_ms / 1000)
        except subprocess.TimeoutExpired:
            log.warning("bundled service did not stop in %d ms; killing it", timeout_ms)
            process.kill()
            process.wait(2)

    # -- process handling -------------------------------------------------------

    def _watch(self, spawned: Spawned) -> None:
        self._stopping = False
        self._ready = False
        self._port = spawned.port
        self._process = spawned.process
        if spawned.process is None:
            # Queued: a failure to start must not be reported before the caller has connected.
            QTimer.singleShot(0, self, lambda: self.failed.emit(spawned.error))
            return
        log.info("bundled service (pid %s): %s %s", spawned.process.pid, self.command.python,
                 " ".join(self.command.arguments(spawned.port)))
        threading.Thread(target=self._read, args=(spawned.process,), name="service-output", daemon=True).start()
        self._deadline.start()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        """The output thread: every line, then the exit code, to the UI thread."""
        assert process.stdout is not None
        try:
            with process.stdout:
                for raw in process.stdout:
                    self._output.emit(process, raw.decode("utf-8", "replace").rstrip())
            self._exited.emit(process, process.wait())
        except RuntimeError:  # the console is gone and this object with it
            pass

    def _on_output(self, process: subprocess.Popen[bytes], line: str) -> None:
        if process is not self._process:
            return
        if line == LISTENING_LINE:
            self._listening()
        elif line.startswith(PROGRESS_PREFIX):
            percent, _, message = line[len(PROGRESS_PREFIX):].partition(" ")
            try:
                self.progress.emit(max(0, min(100, int(percent))), message)
            except ValueError:
                self._remember(line)
        elif line.strip():
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
            self.failed.emit(tr("The service did not answer within {start_timeout_s:.0f} s.\n{output_tail}").format(start_timeout_s=START_TIMEOUT_S, output_tail=self.output_tail))

    def _on_exited(self, process: subprocess.Popen[bytes], exit_code: int) -> None:
        if process is not self._process or self._stopping:
            return
        self._process = None
        self._deadline.stop()
        was_ready, self._ready = self._ready, False
        reason = tr("The bundled service exited (code {exit_code}).\n{output_tail}").format(exit_code=exit_code, output_tail=self.output_tail)
        if not was_ready:
            self.failed.emit(reason)
            return
        log.error("bundled service died: %s", reason)
        self.crashed.emit(reason)
        if self._may_restart():
            self.restart()
        else:
            self.failed.emit(tr("The bundled service keeps stopping ({max_restarts} restarts in {restart_window_s:.0f} s).\n{output_tail}").format(max_restarts=MAX_RESTARTS, restart_window_s=RESTART_WINDOW_S, output_tail=self.output_tail))

    def _may_restart(self) -> bool:
        now = time.monotonic()
        while self._restarts and now - self._restarts[0] > RESTART_WINDOW_S:
            self._restarts.popleft()
        if len(self._restarts) >= MAX_RESTARTS:
            return False
        self._restarts.append(now)
        return True
