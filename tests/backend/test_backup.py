"""``backup --out FILE`` and ``restore FILE`` round-trip the whole database
(SQLite backup API; pg_dump/pg_restore on PostgreSQL): after a restore into an
empty database every table has the same rows and both verifications pass."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from backend.backup import BackupError, backup, file_kind, restore, row_counts
from backend.cli import main as cli
from backend.db import Database
from tests.backend.conftest import Sample
from tests.conftest import PG_ENV, _scratch_postgres


@pytest.fixture
def empty_target(db: Database, tmp_path: Path) -> Iterator[str]:
    if db.is_sqlite:
        yield f"sqlite:///{tmp_path / 'restored.db'}"
    else:
        yield from _scratch_postgres(os.environ[PG_ENV].replace("postgresql://", "postgresql+psycopg://", 1))


def test_backup_and_restore_lose_nothing(db: Database, sample: Sample, empty_target: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "anzen.backup"
    assert cli(["--database-url", db.url, "backup", "--out", str(out)]) == 0
    assert file_kind(out) == ("sqlite" if db.is_sqlite else "pg_custom")
    before = row_counts(db)
    assert before["audit_events"] >= 1 and before["transactions"] >= 1 and before["listings"] >= 2

    assert cli(["--database-url", empty_target, "restore", str(out)]) == 0, capsys.readouterr()
    assert "audit chain: intact" in capsys.readouterr().out
    restored = Database(empty_target)
    try:
        assert row_counts(restored) == before
    finally:
        restored.dispose()
    assert cli(["--database-url", empty_target, "audit-verify"]) == 0
    assert cli(["--database-url", empty_target, "escrow-verify"]) == 0

    # Never into a database that has anything in it.
    assert cli(["--database-url", empty_target, "restore", str(out)]) == 1
    assert "not empty" in capsys.readouterr().err


def test_a_backup_of_the_other_kind_or_no_backup_is_refused(db: Database, tmp_path: Path) -> None:
    stray = tmp_path / "notes.txt"
    stray.write_text("hello")
    with pytest.raises(BackupError, match="not an Anzen backup"):
        restore(Database(f"sqlite:///{tmp_path / 'new.db'}"), stray)
    if not db.is_sqlite:
        out = backup(db, tmp_path / "pg.backup").path
        with pytest.raises(BackupError, match="PostgreSQL backup"):
            restore(Database(f"sqlite:///{tmp_path / 'other.db'}"), out)
