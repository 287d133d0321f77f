"""The launch sequence after the bundled service is on its way: connect,
sign in, open the main window; and the way down again. All asynchronous, so
the UI never waits."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from typing import Any

from console import i18n, messages
from console.app import READY_MARKER
from console.client import ApiClient, SignIn
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.i18n import tr
from console.login import LoginDialog
from console.main_window import MainWindow
from console.qt import QObject, QTimer, Signal
from console.service import BundledService
from console.settings import Options, Settings, State
from console.startup import StartupError, StartupWindow
from console.tasks import TaskRunner

log = logging.getLogger("anzen.console")


class Launcher(QObject):
    """Brings the console up step by step and takes it down again.

    It never quits the application itself: it emits :attr:`finished` with an
    exit code and ``main`` ends the event loop (tests just listen).
    """

    finished = Signal(int)

    def __init__(self, args: argparse.Namespace, settings: Settings, started_at: float,
                 service: BundledService | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._args = args
        self._settings = settings
        self._started_at = started_at
        self.runner = TaskRunner(parent=self)
        self.service = service
        if service is None:
            self.client = ApiClient(args.server)
        else:
            self.client = ApiClient(service.base_url, secret=service.secret)
        self.monitor: ConnectionMonitor | None = None
        self.window: MainWindow | None = None
        self.startup = StartupWindow()
        self._health: dict[str, Any] = {}
        self._autologin = args.login
        self._shut_down = False
        self._rebuilding = False
        self._sign_in_used: SignIn | None = None
        if service is not None:  # already starting: see console.app.main
            service.setParent(self)
            service.progress.connect(self.startup.set_progress)
            service.ready.connect(self._service_ready)
            service.failed.connect(self._service_failed)
            service.crashed.connect(self._service_crashed)

    # -- steps ---------------------------------------------------------------------

    def start(self) -> None:
        self.startup.show()
        if self.service is None:
            self.startup.set_status(tr("Connecting to {server}…").format(server=self._args.server))
            self._check_remote()

    def _check_remote(self) -> None:
        self.runner.run(self.client.health, self._healthy,
                        on_error=lambda exc: self._startup_failed(
                            tr("The service at {server} does not answer.").format(server=self._args.server), str(exc)))

    def _service_ready(self) -> None:
        assert self.service is not None
        self.client.base_url = self.service.base_url  # a retried start may have a new port
        if self.window is not None:
            messages.info(tr("The bundled service is running again."))
            if self.monitor is not None:
                self.monitor.check_now()
            return
        self.startup.set_status(tr("Connecting…"))
        self.runner.run(self.client.health, self._healthy,
                        on_error=lambda exc: self._startup_failed(tr("The service stopped answering."), str(exc)))

    def _healthy(self, health: dict[str, Any]) -> None:
        self._health = dict(health or {})
        self._sign_in()

    def _sign_in(self) -> None:
        if self._autologin:
            username, _, password = self._autologin.partition(":")
            self._autologin = None
            self.startup.set_status(tr("Signing in as {username}…").format(username=username))
            self.runner.run(lambda: self.client.login(username, password), self._open_main,
                            on_error=self._autologin_failed)
            return
        self.startup.hide()
        sign_in = LoginDialog.ask(self.client, self.runner, demo=bool(self._health.get("demo")),
                                  username=self._settings.get(State.LAST_USERNAME))
        if sign_in is None:
            self.finished.emit(0)
        else:
            self._open_main(sign_in)

    def _autologin_failed(self, exc: Exception) -> None:
        print(f"anzen: automatic sign-in failed: {exc}", file=sys.stderr, flush=True)
        if self._args.quit_when_ready:
            self.finished.emit(2)
        else:
            self._sign_in()

    def _open_main(self, sign_in: SignIn) -> None:
        self.startup.hide()
        self._settings.set(State.LAST_USERNAME, sign_in.staff.username)
        if self.monitor is None:
            self.monitor = ConnectionMonitor(self.client, self.runner,
                                             interval_ms=self._settings.get(Options.HEALTH_INTERVAL_MS), parent=self)
            self.monitor.start()
        context = ConsoleContext(self._settings, self.client, self.runner, self.monitor, sign_in.staff)
        self._sign_in_used = sign_in
        if sign_in.staff.role == "rights_owner":  # external: only its own reports (issue 17)
            from console.authority.rights import RightsOwnerWindow

            self.window = RightsOwnerWindow(context)  # type: ignore[assignment]
        else:
            self.window = MainWindow(context, server_label=self._server_label())
        self.window.finished.connect(self._window_finished)
        self.window.rebuild_requested.connect(self._rebuild_window)
        self.window.show()
        if self._args.ready_marker or self._args.quit_when_ready:
            QTimer.singleShot(0, self._announce_ready)

    def _announce_ready(self) -> None:
        print(f"{READY_MARKER} {time.perf_counter() - self._started_at:.3f}", flush=True)
        if self._args.quit_when_ready and self.window is not None:
            self.window.close()

    def _rebuild_window(self) -> None:
        """A new main window in the newly chosen language, for the same sign-in."""
        self._rebuilding = True
        if self.window is not None:
            self.window.close()

    def _window_finished(self, signed_out: bool) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()
        if self._rebuilding and not signed_out and self._sign_in_used is not None:
            self._rebuilding = False
            i18n.install(self._settings.get(Options.LANGUAGE))
            self._open_main(self._sign_in_used)
            return
        if signed_out:
            self._sign_in()
        else:
            self.finished.emit(0)

    def _server_label(self) -> str:
        if self._args.server:
            return self._args.server
        database = self._health.get("database", "")
        return tr("bundled service ({database})").format(database=database) if database else tr("bundled service")

    # -- failures -----------------------------------------------------------------------

    def _service_failed(self, reason: str) -> None:
        if self.window is not None:
            messages.error(tr("The bundled service stopped and could not be restarted."),
                           tr("Finish what you are typing, then quit and start Anzen again. "
                           "If it happens again, tell your IT contact."))
            log.error("bundled service failed: %s", reason)
            return
        self._startup_failed(tr("The bundled service could not be started."), reason)

    def _service_crashed(self, reason: str) -> None:
        log.error("bundled service crashed: %s", reason)
        if self.monitor is not None:
            self.monitor.mark_offline()
        messages.bus.post(messages.Message(messages.Level.WARNING, tr("The bundled service stopped unexpectedly."),
                                           tr("It is being restarted; your work stays as it is.")))

    def _startup_failed(self, text: str, details: str) -> None:
        log.error("%s %s", text, details)
        self.startup.hide()
        if StartupError.ask_retry(text, details):
            self.startup.show()
            if self.service is not None:
                self.service.stop()
                self.service.start()
            else:
                self._check_remote()
        else:
            self.finished.emit(1)

    # -- shutdown -----------------------------------------------------------------------

    def shutdown(self) -> None:
        """Close the window (it saves its layout), stop polling, let running
        requests end, stop the bundled service. Safe to call twice."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.window is not None:
            self.window.close()
        if self.monitor is not None:
            self.monitor.stop()
        self.runner.wait(5000)
        if self.service is not None:
            self.service.stop()
        self.client.close()
        self.startup.close()
        self.startup.deleteLater()
