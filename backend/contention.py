"""Lock contention at the request edge (issue 19).

- PostgreSQL: a transaction that fails with a deadlock (40P01) or a
  serialisation failure (40001) was rolled back whole, so the request is run
  again from the start (body replayed): at most :data:`ATTEMPTS` times, with
  exponential backoff and full jitter. That is idempotency-safe: nothing of the
  failed attempt was committed (its Idempotency-Key record included), and a
  request whose transaction did commit is never run again.
- SQLite: a writer that cannot get the write lock within ``busy_timeout``
  (:data:`backend.db.SQLITE_LOCK_WAIT_S`) is answered 503 with Retry-After at
  once, instead of waiting 30 s and answering 500 "database is locked".
- Out of retries, either way: 503 ``busy`` with Retry-After, and a log line.

Locks are taken in one order everywhere, so deadlocks stay rare: rows in the
order the domain takes them (listings, then their transactions, then members),
each table's rows in id order, and the audit-chain lock last of all, at commit
(backend/audit/service.py).
"""

from __future__ import annotations

import logging
import random

import anyio
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.errors import error_body

log = logging.getLogger("anzen.contention")

ATTEMPTS = 5
BASE_DELAY_S = 0.02
MAX_DELAY_S = 0.5
RETRY_AFTER_S = 2
#: scope["state"] key set once the request's transaction has committed (backend/deps.py).
COMMITTED = "anzen_committed"
_RETRYABLE_SQLSTATES = frozenset({"40P01", "40001"})


def is_retryable(exc: BaseException) -> bool:
    """A PostgreSQL deadlock or serialisation failure (the transaction was rolled back)."""
    if not isinstance(exc, DBAPIError):
        return False
    return getattr(exc.orig, "sqlstate", None) in _RETRYABLE_SQLSTATES


def is_locked(exc: BaseException) -> bool:
    """SQLite's write lock was not free within busy_timeout."""
    if not isinstance(exc, DBAPIError):
        return False
    return "database is locked" in str(exc.orig) or "database table is locked" in str(exc.orig)


def busy_response() -> JSONResponse:
    return JSONResponse(error_body("busy", "The database is busy with other work; try again in a moment."),
                        status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})


class RetryContention:
    """ASGI middleware: replays a request whose transaction hit a deadlock or
    serialisation failure; answers 503 when the database stays busy."""

    def __init__(self, app: ASGIApp, attempts: int = ATTEMPTS) -> None:
        self._app = app
        self._attempts = attempts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        body = await _read_body(receive)
        for attempt in range(1, self._attempts + 1):
            started = False
            state = dict(scope.get("state") or {})

            async def replay() -> Message:
                return {"type": "http.request", "body": body, "more_body": False}

            async def watched(message: Message) -> None:
                nonlocal started
                if message["type"] == "http.response.start":
                    started = True
                await send(message)

            try:
                await self._app({**scope, "state": state}, replay, watched)
                return
            except Exception as exc:
                if started or state.get(COMMITTED):
                    raise
                if is_locked(exc):
                    log.warning("%s %s: the write lock was busy; answered 503", scope["method"], scope["path"])
                    await busy_response()(scope, replay, send)
                    return
                if not is_retryable(exc):
                    raise
                if attempt == self._attempts:
                    log.error("%s %s: still %s after %d attempts; answered 503", scope["method"], scope["path"],
                              type(exc.orig).__name__ if isinstance(exc, DBAPIError) else exc, attempt)
                    await busy_response()(scope, replay, send)
                    return
                log.info("%s %s: %s, retrying (attempt %d)", scope["method"], scope["path"],
                         type(exc.orig).__name__ if isinstance(exc, DBAPIError) else exc, attempt + 1)
                await anyio.sleep(random.uniform(0, min(MAX_DELAY_S, BASE_DELAY_S * 2 ** attempt)))


async def _read_body(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)
