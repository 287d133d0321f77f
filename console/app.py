"""Start-up: arguments, the bundled service, the application object; then
:mod:`console.launcher` takes over.

The service is the long pole of a cold start, so :func:`main` spawns it first
and only then imports Qt and the rest of the console, which load while the
service boots. This module therefore imports Qt only inside the functions that
need it.

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
from typing import TYPE_CHECKING

from console import platform_check
from console.service_process import ServiceCommand, Spawned, new_launch_secret, spawn

if TYPE_CHECKING:
    from console.qt import QApplication, QObject
    from console.service import BundledService
    from console.settings import Settings

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
    if args.quit_when_ready and not args.login:
        parser.error("--quit-when-ready needs --login USER:PASSWORD (or $ANZEN_AUTOLOGIN): "
                     "without it the console would wait on the sign-in dialog")
    return args


def start_bundled_service(args: argparse.Namespace, *, spawned: Spawned | None = None,
                          parent: QObject | None = None) -> BundledService | None:
    """The bundled service, starting (or ``spawned``, already started by
    :func:`main`); None with ``--server``."""
    if args.server:
        return None
    from console.service import BundledService

    service = BundledService(spawned.command if spawned else _service_command(args), parent=parent)
    service.start(spawned)
    return service


def _service_command(args: argparse.Namespace) -> ServiceCommand:
    return ServiceCommand(secret=new_launch_secret(), database_url=args.database_url)


def configure_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def create_application(argv: Sequence[str], settings: Settings) -> QApplication:
    from console import fonts, i18n, theme
    from console.qt import QApplication
    from console.settings import Options
    from widgets import formatting

    app = QApplication.instance() or QApplication(list(argv))
    i18n.install(settings.get(Options.LANGUAGE), app)
    formatting.set_time_zone(settings.get(Options.TIME_ZONE))
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
    problem = platform_check.problem()
    if problem:  # Qt would abort with a core dump: say what to install instead
        print(problem, file=sys.stderr, flush=True)
        return 3
    spawned = None if args.server else spawn(_service_command(args))
    configure_logging(args.verbose)
    from console.launcher import Launcher
    from console.qt import QTimer
    from console.settings import Settings, default_settings_path

    settings = Settings(args.settings or default_settings_path())
    app = create_application(argv[:1], settings)
    launcher = Launcher(args, settings, started, start_bundled_service(args, spawned=spawned, parent=app),
                        parent=app)
    launcher.finished.connect(app.exit)
    app.aboutToQuit.connect(launcher.shutdown)
    QTimer.singleShot(0, launcher.start)
    return app.exec()
