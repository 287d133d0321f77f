"""An older database is brought up to the current schema when the service starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import inspect

from backend.db import Database
from backend.schema import HEADS, alembic_config, is_current, script_heads, upgrade


def test_old_database_is_upgraded_on_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    db = Database(url)
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")  # the first release's schema
    assert not is_current(db)
    assert "queue_items" not in inspect(db.engine).get_table_names()
    db.dispose()

    result = subprocess.run([sys.executable, "-m", "backend", "--database-url", url, "init"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    db = Database(url)
    assert is_current(db)
    assert {"queue_items", "appeals", "refund_approvals"} <= set(inspect(db.engine).get_table_names())
    db.dispose()


def test_heads_constant_matches_the_migration_scripts() -> None:
    # The start-up fast path trusts HEADS; a migration added without updating
    # it would never run on an existing database.
    assert script_heads() == HEADS


def test_current_database_is_checked_without_loading_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'current.db'}"
    upgrade(Database(url))
    probe = ("import sys; from backend import schema; from backend.db import Database; "
             f"schema.upgrade(Database({url!r})); print('alembic' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
