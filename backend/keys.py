"""The service's secret key: kept outside the database, so that someone who can
write to the database can neither forge pagination cursors nor recompute the
audit chain (README, "Security").

Where it comes from, first found wins:

1. ``ANZEN_SECRET_KEY``: the key itself (64 hex digits) — for team
   deployments, where every ``serve`` process must use the same key;
2. ``ANZEN_KEY_FILE``: a file holding it;
3. ``anzen.key`` in the user data dir (the bundled desk), created by ``init``
   (or on first use) with permissions 0600.

Purposes get keys of their own derived with HMAC, so a cursor's signature says
nothing about the audit key.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
from pathlib import Path

import platformdirs

from backend.config import APP_NAME

KEY_ENV = "ANZEN_SECRET_KEY"
KEY_FILE_ENV = "ANZEN_KEY_FILE"


class KeyProblem(RuntimeError):
    """The key is configured but unusable."""


def key_path() -> Path:
    configured = os.environ.get(KEY_FILE_ENV)
    if configured:
        return Path(configured)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "anzen.key"


def _parse(text: str, where: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        raise KeyProblem(f"{where} does not hold a key (64 hex digits)") from None
    if len(key) < 32:
        raise KeyProblem(f"{where} holds a key shorter than 32 bytes")
    return key


def ensure_key_file() -> Path | None:
    """Create the key file if no key is configured and none exists; the path
    (None when the key comes from the environment)."""
    if os.environ.get(KEY_ENV):
        return None
    path = key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, (secrets.token_hex(32) + "\n").encode())
        finally:
            os.close(fd)
    return path


@functools.cache
def _master() -> bytes:
    raw = os.environ.get(KEY_ENV)
    if raw:
        return _parse(raw, KEY_ENV)
    path = key_path()
    try:
        return _parse(path.read_text(encoding="ascii"), str(path))
    except FileNotFoundError:
        ensure_key_file()
        return _parse(path.read_text(encoding="ascii"), str(path))


def derived(purpose: str) -> bytes:
    """The key for one purpose ("cursor", "audit", ...)."""
    return hmac.new(_master(), purpose.encode(), hashlib.sha256).digest()


def key_id() -> str:
    """A short public fingerprint of the key (names it in checkpoints and reports)."""
    return hashlib.sha256(derived("key-id")).hexdigest()[:16]


def forget() -> None:
    """Read the key again on next use (tests that change it)."""
    _master.cache_clear()
