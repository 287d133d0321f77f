"""Fixtures for console tests: a temp settings file, a seeded database, and
the REAL service as a child process (``python -m backend serve``).

The console's settings never touch the user's: every test gets its own ini.
Tests must leave no top-level windows behind (napari's check).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from console.client import ApiClient  # noqa: E402
from console.qt import QApplication, QCoreApplication, QEvent  # noqa: E402
from console.service_process import REPO_ROOT  # noqa: E402
from console.settings import Settings  # noqa: E402
from console.tasks import TaskRunner  # noqa: E402
from tests.console.support import ServiceProcess, backend_command, copy_database  # noqa: E402

#: The offscreen platform cannot apply size hints to native windows or raise
#: them, and warns whenever a top-level widget asks.
OFFSCREEN_NOISE = ("This plugin does not support propagateSizeHints", "This plugin does not support raise")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE))


def _flush_deletes() -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def no_leftover_windows(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a top-level widget alive (shown or not)."""
    _flush_deletes()
    before = {id(w) for w in qapp.topLevelWidgets()}
    yield
    _flush_deletes()
    left = [w for w in qapp.topLevelWidgets() if id(w) not in before]
    names = [f"{type(w).__name__}({w.objectName()!r})" for w in left]
    for widget in left:
        widget.close()
        widget.deleteLater()
    _flush_deletes()
    assert not names, f"test left top-level widgets behind: {names}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "console.ini")


@pytest.fixture
def runner(qapp: QApplication) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.wait(10_000)
    _flush_deletes()
    task_runner.deleteLater()


@pytest.fixture(autouse=True)
def own_audit_checkpoints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Services a test starts keep their audit checkpoints apart from other tests' (their databases
    are copies of one seeded file, with one chain id)."""
    monkeypatch.setenv("ANZEN_AUDIT_CHECKPOINT_DIR", str(tmp_path / "audit-checkpoints"))


@pytest.fixture(scope="session")
def seeded_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo-seeded SQLite file, made once per session with the service's CLI
    (or ``$ANZEN_TEST_SEEDED_DB``, an already seeded file, to save the time)."""
    if os.environ.get("ANZEN_TEST_SEEDED_DB"):
        return Path(os.environ["ANZEN_TEST_SEEDED_DB"])
    path = tmp_path_factory.mktemp("anzen-db") / "seeded.db"
    subprocess.run(backend_command("--database-url", f"sqlite:///{path}", "seed"), cwd=REPO_ROOT, check=True,
                   stdout=subprocess.DEVNULL, timeout=600)
    return path


@pytest.fixture
def database_url(seeded_database: Path, tmp_path: Path) -> str:
    """A private copy of the seeded database, so a test may change it."""
    return copy_database(seeded_database, tmp_path / "anzen.db")


@pytest.fixture(scope="session")
def shared_service(seeded_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    """One read-mostly service for tests that only read and sign in."""
    url = copy_database(seeded_database, tmp_path_factory.mktemp("anzen-shared") / "anzen.db")
    service = ServiceProcess(url)
    service.start()
    yield service
    service.stop()


@pytest.fixture
def team_service(database_url: str) -> Iterator[ServiceProcess]:
    """A service as a team deploys it: no launch secret; the test may stop and restart it."""
    service = ServiceProcess(database_url, with_secret=False)
    service.start()
    yield service
    service.stop()


@pytest.fixture
def client(shared_service: ServiceProcess) -> Iterator[ApiClient]:
    api = shared_service.client()
    yield api
    api.close()


@pytest.fixture
def signed_in_client(client: ApiClient) -> ApiClient:
    client.login("supervisor", "supervisor-demo")
    return client


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where screenshots go: ``$ANZEN_SCREENSHOT_DIR`` if set, else the test's tmp dir."""
    path = Path(os.environ.get("ANZEN_SCREENSHOT_DIR") or tmp_path)
    path.mkdir(parents=True, exist_ok=True)
    return path
