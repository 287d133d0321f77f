"""Where the service keeps its data, and which database it talks to."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "anzen"
DATABASE_URL_ENV = "ANZEN_DATABASE_URL"
LAUNCH_SECRET_ENV = "ANZEN_LAUNCH_SECRET"
LAUNCH_SECRET_HEADER = "X-Anzen-Secret"


def default_database_url() -> str:
    """The embedded SQLite file in the user's data dir, so a desk needs no setup."""
    data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data_dir / 'anzen.db'}"


def resolve_database_url(explicit: str | None = None) -> str:
    """Command line beats environment beats the embedded default."""
    url = explicit or os.environ.get(DATABASE_URL_ENV) or default_database_url()
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        # psycopg 3 is the one PostgreSQL driver we ship.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url
