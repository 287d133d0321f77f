"""Backing a database up to one file and restoring it into an empty database.

SQLite: the online backup API (``sqlite3.Connection.backup``), which copies a
consistent snapshot page by page while the service keeps serving; the file is
an ordinary SQLite database. PostgreSQL: ``pg_dump --format=custom`` (one
consistent snapshot of the whole database, compressed) and ``pg_restore``.

A restore refuses a database that already has tables, so nothing is ever
merged into or overwritten; after it the schema is upgraded as on any start,
and ``audit-verify``, ``escrow-verify`` and the row counts it prints tell that
nothing was lost. The service key and the audit checkpoints live outside the
database (README, "Security"): back them up separately, and keep the key out
of the database's backups.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url

from backend.db import Database

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"


class BackupError(Exception):
    """Something the operator must fix; the message says what."""


@dataclass(frozen=True)
class Done:
    path: Path
    bytes: int
    kind: str  # "sqlite" | "pg_custom"


def _libpq(db: Database) -> tuple[str, dict[str, str]]:
    """The URL as pg_dump and pg_restore read it (no driver name), and their
    environment: a password goes in PGPASSWORD, never on a command line others can see."""
    url = make_url(db.url).set(drivername="postgresql")
    env = dict(os.environ)
    if url.password is not None:
        env["PGPASSWORD"] = str(url.password)
        url = url.set(password=None)
    return url.render_as_string(hide_password=False), env


def _sqlite_path(db: Database) -> Path:
    name = make_url(db.url).database
    if not name or name == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up or restored")
    return Path(name)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} was not found on PATH: install the PostgreSQL client tools "
                          f"(the same major version as the server or newer)")
    return found


def backup(db: Database, out: Path) -> Done:
    """Write a consistent copy of the whole database to ``out`` (replaced if it exists)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    if db.is_sqlite:
        source = sqlite3.connect(_sqlite_path(db))
        target = sqlite3.connect(partial)
        try:
            source.backup(target, pages=4096)
        finally:
            target.close()
            source.close()
        kind = "sqlite"
    else:
        url, env = _libpq(db)
        result = subprocess.run([_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
                                 "--file", str(partial), "--dbname", url],
                                capture_output=True, text=True, env=env)
        if result.returncode:
            partial.unlink(missing_ok=True)
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        kind = "pg_custom"
    partial.replace(out)
    return Done(out, out.stat().st_size, kind)


def file_kind(path: Path) -> str:
    with Path(path).open("rb") as handle:
        head = handle.read(16)
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_CUSTOM_MAGIC):
        return "pg_custom"
    raise BackupError(f"{path} is not an Anzen backup (neither an SQLite database nor a pg_dump custom archive)")


def is_empty(db: Database) -> bool:
    with db.engine.connect() as connection:
        return not inspect(connection).get_table_names()


def restore(db: Database, path: Path) -> Done:
    """Load a backup made by :func:`backup` into ``db``, which must have no tables
    (an SQLite file may be new). The backup's kind must match the database's."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no such file: {path}")
    kind = file_kind(path)
    wanted = "sqlite" if db.is_sqlite else "pg_custom"
    if kind != wanted:
        raise BackupError(f"{path} is a {'SQLite' if kind == 'sqlite' else 'PostgreSQL'} backup; restore it into "
                          f"a {'SQLite' if kind == 'sqlite' else 'PostgreSQL'} database")
    if not is_empty(db):
        raise BackupError("the target database is not empty: restore into a new, empty database "
                          "(nothing is merged or overwritten)")
    db.engine.dispose()  # nothing of ours holds the file or the database while it is written
    if kind == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        target = sqlite3.connect(_sqlite_path(db))
        try:
            source.backup(target, pages=4096)
        finally:
            target.close()
            source.close()
    else:
        url, env = _libpq(db)
        result = subprocess.run([_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
                                 "--single-transaction", "--dbname", url, str(path)],
                                capture_output=True, text=True, env=env)
        if result.returncode:
            raise BackupError(f"pg_restore failed (nothing was restored): {result.stderr.strip()}")
    return Done(path, path.stat().st_size, kind)


def row_counts(db: Database) -> dict[str, int]:
    """Rows per table of the schema, to compare a restored database with its source."""
    from backend.models import Base

    with db.engine.connect() as connection:
        present = set(inspect(connection).get_table_names())
        return {table.name: int(connection.execute(select(func.count()).select_from(table)).scalar_one())
                for table in Base.metadata.sorted_tables if table.name in present}
