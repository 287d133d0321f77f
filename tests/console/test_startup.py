"""``python main.py`` end to end, in-process: the real bundled service as a
child process, sign-in, the main window, crashes and shutdown. Also
``--server`` mode against a service the test stops and restarts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from console.app import READY_MARKER, parse_args, start_bundled_service
from console.launcher import Launcher
from console.connection import ConnectionState
from console.login import LoginDialog
from console.qt import QApplication
from console.service import BundledService
from console.service_process import REPO_ROOT, ServiceCommand, new_launch_secret
from console.settings import Options, Settings
from console.startup import StartupError

START_TIMEOUT_MS = 90_000


@pytest.fixture
def launch(qapp: QApplication, settings: Settings) -> Any:
    """Start a Launcher with arguments; shut it down after the test."""
    launchers: list[tuple[Launcher, list[int]]] = []

    def start(*argv: str) -> tuple[Launcher, list[int]]:
        args = parse_args(argv)
        launcher = Launcher(args, settings, 0.0, start_bundled_service(args))
        codes: list[int] = []
        launcher.finished.connect(codes.append)
        launchers.append((launcher, codes))
        launcher.start()
        return launcher, codes

    yield start
    for launcher, _codes in launchers:
        launcher.shutdown()
        launcher.deleteLater()


def test_bundled_service_start_sign_in_and_stop(qtbot: Any, launch: Any, database_url: str) -> None:
    launcher, codes = launch("--database-url", database_url, "--login", "agent:agent-demo")
    qtbot.waitUntil(lambda: launcher.window is not None and launcher.window.isVisible(), timeout=START_TIMEOUT_MS)
    window = launcher.window
    assert launcher.service is not None and launcher.service.base_url.startswith("http://127.0.0.1:")
    pid = launcher.service.pid
    assert pid and _alive(pid)
    assert "Support agent" in window.staff_label.text()
    qtbot.waitUntil(lambda: "clocked in" in window.shift_label.text(), timeout=START_TIMEOUT_MS)  # shift panel
    qtbot.waitUntil(lambda: window.connection_chip.state == "online")
    window.close()
    qtbot.waitUntil(lambda: codes == [0])
    launcher.shutdown()
    assert not _alive(pid), "closing the console stops the service"


def test_a_crashed_service_is_restarted(qtbot: Any, launch: Any, database_url: str) -> None:
    launcher, _codes = launch("--database-url", database_url, "--login", "supervisor:supervisor-demo")
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=START_TIMEOUT_MS)
    service = launcher.service
    first_pid = service.pid
    with qtbot.waitSignal(service.crashed, timeout=10_000), qtbot.waitSignal(service.ready, timeout=START_TIMEOUT_MS):
        os.kill(first_pid, signal.SIGKILL)
    assert service.pid != first_pid
    qtbot.waitUntil(lambda: launcher.monitor.state is ConnectionState.ONLINE, timeout=10_000)
    qtbot.waitUntil(lambda: launcher.window.connection_banner.isHidden(), timeout=10_000)
    assert "stopped unexpectedly" in launcher.window.message_banner.text


def test_wrong_autologin_falls_back_to_the_dialog(qtbot: Any, launch: Any, database_url: str,
                                                  monkeypatch: Any) -> None:
    asked: list[dict[str, Any]] = []
    monkeypatch.setattr(LoginDialog, "ask", classmethod(lambda cls, client, runner, **kw: asked.append(kw)))
    launcher, codes = launch("--database-url", database_url, "--login", "agent:wrong")
    qtbot.waitUntil(lambda: codes == [0], timeout=START_TIMEOUT_MS)
    assert asked and asked[0]["demo"] is True, "the dialog offers the demo accounts"
    assert launcher.window is None


def test_a_service_that_cannot_start_is_reported(qtbot: Any, launch: Any, tmp_path: Path,
                                                 monkeypatch: Any) -> None:
    reports: list[tuple[str, str]] = []
    monkeypatch.setattr(StartupError, "ask_retry",
                        classmethod(lambda cls, text, details="", parent=None: reports.append((text, details))))
    _launcher, codes = launch("--database-url", f"sqlite:///{tmp_path}/no/such/dir/anzen.db")
    qtbot.waitUntil(lambda: codes == [1], timeout=START_TIMEOUT_MS)
    assert "could not be started" in reports[0][0]
    assert "exited" in reports[0][1]


def test_first_run_seeds_the_demo_with_progress_then_listens(qtbot: Any, tmp_path: Path) -> None:
    service = BundledService(ServiceCommand(secret=new_launch_secret(),
                                            database_url=f"sqlite:///{tmp_path / 'first-run.db'}"))
    progress: list[tuple[int, str]] = []
    service.progress.connect(lambda percent, text: progress.append((percent, text)))
    with qtbot.waitSignal(service.ready, timeout=START_TIMEOUT_MS):
        service.start()
    try:
        percents = [percent for percent, _text in progress]
        assert len(percents) > 2 and percents == sorted(percents) and percents[-1] == 100
        assert all(text for _percent, text in progress)
        assert service.pid is not None and _alive(service.pid)
    finally:
        service.stop()
        service.deleteLater()


def test_a_python_that_cannot_run_is_reported_after_the_caller_connects(qtbot: Any, tmp_path: Path) -> None:
    service = BundledService(ServiceCommand(secret=new_launch_secret(), python=str(tmp_path / "no-python")))
    service.start()  # fails at once, but says so only once the caller listens
    with qtbot.waitSignal(service.failed, timeout=5_000) as failed:
        pass
    assert failed.args[0].startswith(f"Could not run {tmp_path / 'no-python'}")
    assert service.pid is None
    service.deleteLater()


def test_server_mode_survives_the_service_going_away(qtbot: Any, launch: Any, team_service: Any,
                                                     settings: Settings, monkeypatch: Any) -> None:
    monkeypatch.setattr(LoginDialog, "ask",
                        classmethod(lambda cls, client, runner, **kw: client.login("moderator", "moderator-demo")))
    settings.set(Options.HEALTH_INTERVAL_MS, 200)
    launcher, _codes = launch("--server", team_service.url)
    qtbot.waitUntil(lambda: launcher.window is not None, timeout=START_TIMEOUT_MS)
    window = launcher.window
    assert launcher.service is None, "--server starts nothing locally"
    window.show_screen("listings")
    search = window.screens["listings"].current_pane().search
    search.setText("Nintendo")

    team_service.stop()
    qtbot.waitUntil(lambda: window.connection_chip.state == "offline", timeout=10_000)
    assert not window.connection_banner.isHidden()
    assert "Retrying in the background" in window.connection_banner.text

    team_service.start()
    qtbot.waitUntil(lambda: window.connection_chip.state == "online", timeout=15_000)
    assert window.connection_banner.isHidden()
    assert search.text() == "Nintendo", "nothing typed is lost"


def test_main_py_prints_the_ready_marker(database_url: str, tmp_path: Path) -> None:
    """The benchmark hook: a real ``python main.py`` process, start to finish."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ANZEN_CONSOLE_SETTINGS=str(tmp_path / "c.ini"))
    result = subprocess.run(
        [sys.executable, "main.py", "--database-url", database_url, "--login", "agent:agent-demo",
         "--quit-when-ready"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert any(line.startswith(READY_MARKER + " ") for line in result.stdout.splitlines())


def _alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped counts as gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
