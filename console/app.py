"""Start-up: arguments, the application object, and the launch sequence
(service -> sign-in -> main window), all asynchronous so the UI never waits.

``python main.py``                 start the bundled service and use it
``python main.py --server URL``    use a team service; start nothing locally
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from console import messages, theme
from console.client import ApiClient, SignIn
from console.connection import ConnectionMonitor
from console.context import ConsoleContext
from console.login import LoginDialog
from console.qt import QApplication, QObject, QTimer, Signal
from console.service import BundledService, new_launch_secret
from console.settings import Options, Settings, State, default_settings_path
from console.startup import StartupError, StartupWindow
from console.tasks import TaskRunner

if TYPE_CHECKING:
    from console.main_window import MainWindow

log = logging.getLogger("anzen.console")

AUTOLOGIN_ENV = "ANZEN_AUTOLOGIN"
READY_MARKER_ENV = "ANZEN_READY_MARKER"
#: Printed (and flushed) on stdout once the main window is shown and the event
#: loop is running: benchmarks and smoke tests wait for this line.
READY_MARKER = "anzen-console-ready"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="The Anzen trust & safety console.")
    parser.add_argument("--server", metavar="URL",
                        help="use the team service at URL instead of starting the bundled one")
    parser.add_argument("--database-url", metavar="URL",
                        help="database for the bundled service (default: SQLite in the user data dir)")
    parser.add_argument("--login", metavar="USER:PASSWORD", default=os.environ.get(AUTOLOGIN_ENV),
                        help=f"sign in without the dialog (also ${AUTOLOGIN_ENV}); for demos and benchmarks")
    parser.add_argument("--settings", metavar="PATH",
                        help="settings file (default: the per-user one, or $ANZEN_CONSOLE_SETTINGS)")
    parser.add_argument("--ready-marker", action="store_true", default=bool(os.environ.get(READY_MARKER_ENV)),
                        help=f"print '{READY_MARKER} <seconds>' when the main window is interactive")
    parser.add_argument("--quit-when-ready", action="store_true",
                        help="close again once the main window is interactive (benchmarks)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    args = parser.parse_args(list(argv))
    if args.server and args.database_url:
        parser.error("--database-url is for the bundled service; a --server has its own database")
    if args.login and ":" not in args.login:
        parser.error("--login takes USER:PASSWORD")
    return args


class Launcher(QObject):
    """Brings the console up step by step and takes it down again.

    It never quits the application itself: it emits :attr:`finished` with an
    exit code and ``main`` ends the event loop (tests just listen).
    """

    finished = Signal(int)

    def __init__(self, args: argparse.Namespace, settings: Settings, started_at: float,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._args = args
        self._settings = settings
        self._started_at = started_at
        self.runner = TaskRunner(parent=self)
        self._secret = None if args.server else new_launch_secret()
        self.client = ApiClient(args.server or "http://127.0.0.1", secret=self._secret)
        self.service: BundledService | None = None
        self.monitor: ConnectionMonitor | None = None
        self.window: MainWindow | None = None
        self.startup = StartupWindow()
        self._health: dict[str, Any] = {}
        self._autologin = args.login
        self._shut_down = False

    # -- steps ---------------------------------------------------------------------

    def start(self) -> None:
        self.startup.show()
        if self._args.server:
            self.startup.set_status(f"Connecting to {self._args.server}…")
            self._check_remote()
        else:
            self.service = BundledService(self.client, self.runner, secret=self._secret,
                                          database_url=self._args.database_url, parent=self)
            self.service.progress.connect(self.startup.set_progress)
            self.service.ready.connect(self._service_ready)
            self.service.failed.connect(self._service_failed)
            self.service.crashed.connect(self._service_crashed)
            self.service.start()
        QTimer.singleShot(0, _load_main_window)

    def _check_remote(self) -> None:
        self.runner.run(self.client.health, self._healthy,
                        on_error=lambda exc: self._startup_failed(
                            f"The service at {self._args.server} does not answer.", str(exc)))

    def _service_ready(self) -> None:
        if self.window is not None:
            messages.info("The bundled service is running again.")
            if self.monitor is not None:
                self.monitor.check_now()
            return
        self.startup.set_status("Connecting…")
        self.runner.run(self.client.health, self._healthy,
                        on_error=lambda exc: self._startup_failed("The service stopped answering.", str(exc)))

    def _healthy(self, health: dict[str, Any]) -> None:
        self._health = dict(health or {})
        self._sign_in()

    def _sign_in(self) -> None:
        if self._autologin:
            username, _, password = self._autologin.partition(":")
            self._autologin = None
            self.startup.set_status(f"Signing in as {username}…")
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
        self.window = _load_main_window()(context, server_label=self._server_label())
        self.window.finished.connect(self._window_finished)
        self.window.show()
        if self._args.ready_marker or self._args.quit_when_ready:
            QTimer.singleShot(0, self._announce_ready)

    def _announce_ready(self) -> None:
        print(f"{READY_MARKER} {time.perf_counter() - self._started_at:.3f}", flush=True)
        if self._args.quit_when_ready and self.window is not None:
            self.window.close()

    def _window_finished(self, signed_out: bool) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.deleteLater()
        if signed_out:
            self._sign_in()
        else:
            self.finished.emit(0)

    def _server_label(self) -> str:
        if self._args.server:
            return self._args.server
        database = self._health.get("database", "")
        return f"bundled service ({database})" if database else "bundled service"

    # -- failures -----------------------------------------------------------------------

    def _service_failed(self, reason: str) -> None:
        if self.window is not None:
            messages.error("The bundled service stopped and could not be restarted.",
                           "Finish what you are typing, then quit and start Anzen again. "
                           "If it happens again, tell your IT contact.")
            log.error("bundled service failed: %s", reason)
            return
        self._startup_failed("The bundled service could not be started.", reason)

    def _service_crashed(self, reason: str) -> None:
        log.error("bundled service crashed: %s", reason)
        if self.monitor is not None:
            self.monitor.mark_offline()
        messages.bus.post(messages.Message(messages.Level.WARNING, "The bundled service stopped unexpectedly.",
                                           "It is being restarted; your work stays as it is."))

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


def _load_main_window() -> type[MainWindow]:
    """The main window and every screen in it take ~0.2 s to import. The
    bundled service needs far longer to come up, so the launcher starts it
    first and imports these while it boots, off the path to the window."""
    from console.main_window import MainWindow

    return MainWindow


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def create_application(argv: Sequence[str], settings: Settings) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName("Anzen")
    app.setOrganizationName("Anzen")
    app.setApplicationDisplayName("Anzen")
    app.setWindowIcon(theme.app_icon())
    app.setStyle("Fusion")
    app.setQuitOnLastWindowClosed(False)
    choice = settings.get(Options.THEME)
    theme.apply_theme(app, choice)
    if choice not in ("light", "dark"):
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: theme.apply_theme(app, choice))
    return app


def main(argv: Sequence[str] | None = None, started_at: float | None = None) -> int:
    """Run the console; the process exit code."""
    started = time.perf_counter() if started_at is None else started_at
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    configure_logging(args.verbose)
    settings = Settings(args.settings or default_settings_path())
    app = create_application(argv[:1], settings)
    launcher = Launcher(args, settings, started, parent=app)
    launcher.finished.connect(app.exit)
    app.aboutToQuit.connect(launcher.shutdown)
    QTimer.singleShot(0, launcher.start)
    return app.exec()
