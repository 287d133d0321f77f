"""Creating and upgrading the schema with Alembic, the one way the schema changes.

Domain packages may add migrations on their own branches off a shared base,
so upgrades go to every head.

Every service start asks whether the database is current. Answering that
through Alembic means importing it and loading every migration script, about
0.2 s of the bundled console's start-up, so the answer comes first from one
query against :data:`HEADS`; Alembic is imported only when there is work to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from backend.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"

#: The head revision of each migration branch. Adding a migration means
#: updating this set; ``tests/backend/test_schema.py`` fails until it matches
#: what Alembic finds in ``backend/migrations``.
HEADS = frozenset({"0018_notify", "0017_cooperation", "0016_jobs", "0014_metrics", "0011_recall_terms", "0007_screening", "0008_pane_indexes",
                   "0013_reveal_index", "0015_messages"})


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def script_heads() -> frozenset[str]:
    """The heads as Alembic reads them from the migration scripts."""
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(alembic_config()).get_heads())


def _applied_heads(db: Database) -> frozenset[str]:
    """The revisions the database is stamped with (none for a new database)."""
    with db.engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return frozenset()
        return frozenset(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())


def is_current(db: Database) -> bool:
    return _applied_heads(db) == HEADS


def upgrade(db: Database) -> None:
    """Bring any older database up to the current schema; a no-op when current."""
    if is_current(db):
        return
    from alembic import command

    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
