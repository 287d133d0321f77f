"""Where the service keeps its data, and which database it talks to."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
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


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SystemExit(f"{name} must be a number, not {raw!r}") from None
    if value < 0:
        raise SystemExit(f"{name} must not be negative")
    return value


@dataclass(frozen=True)
class SecuritySettings:
    """Sign-in throttling, session limits and reveal limits (README, "Security").

    Read once from the environment when the app is made; tests replace
    ``app.state.security`` with other values."""

    #: A signed-in session ends after this long without a request ...
    session_idle: timedelta = timedelta(minutes=30)
    #: ... and this long after sign-in, whatever happens.
    session_max_age: timedelta = timedelta(hours=12)
    #: Failed sign-ins per account answered at once; after that each waits twice as long as the last.
    account_free_failures: int = 3
    #: Failed sign-ins per account before it is locked (429 until unlocked or ``lock_duration`` passes).
    account_lock_failures: int = 10
    #: The same per client address (many accounts tried from one place).
    address_free_failures: int = 10
    address_lock_failures: int = 50
    first_delay: timedelta = timedelta(seconds=1)
    max_delay: timedelta = timedelta(seconds=60)
    lock_duration: timedelta = timedelta(minutes=15)
    #: Failures older than this are forgotten.
    failure_window: timedelta = timedelta(hours=1)
    #: Contact reveals per staff member per hour.
    reveals_per_hour: int = 20

    @classmethod
    def from_env(cls) -> SecuritySettings:
        d = cls()
        return cls(
            session_idle=timedelta(minutes=_env_number("ANZEN_SESSION_IDLE_MINUTES", d.session_idle.total_seconds() / 60)),
            session_max_age=timedelta(hours=_env_number("ANZEN_SESSION_MAX_HOURS", d.session_max_age.total_seconds() / 3600)),
            account_free_failures=int(_env_number("ANZEN_SIGNIN_FREE_FAILURES", d.account_free_failures)),
            account_lock_failures=int(_env_number("ANZEN_SIGNIN_LOCK_FAILURES", d.account_lock_failures)),
            address_free_failures=int(_env_number("ANZEN_SIGNIN_ADDRESS_FREE_FAILURES", d.address_free_failures)),
            address_lock_failures=int(_env_number("ANZEN_SIGNIN_ADDRESS_LOCK_FAILURES", d.address_lock_failures)),
            lock_duration=timedelta(minutes=_env_number("ANZEN_SIGNIN_LOCK_MINUTES", d.lock_duration.total_seconds() / 60)),
            reveals_per_hour=int(_env_number("ANZEN_REVEALS_PER_HOUR", d.reveals_per_hour)),
        )
