"""Idempotency-Key handling for state-changing POSTs.

A retried request (same staff member, same key, same body) gets the stored
answer back instead of acting twice; the same key with a different body is an
error. On PostgreSQL an advisory lock on the key makes a concurrent duplicate
wait for the first to commit; SQLite writers are serialised anyway.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from backend.db import advisory_lock
from backend.deps import CurrentStaff, DbSession
from backend.errors import InvalidInput
from backend.idempotency.models import IdempotencyRecord

HEADER = "Idempotency-Key"


class Replay(Exception):
    """Raised to short-circuit a retried request with its stored answer."""

    def __init__(self, status_code: int, body: Any) -> None:
        self.status_code = status_code
        self.body = body

    def response(self) -> JSONResponse:
        return JSONResponse(self.body, status_code=self.status_code, headers={"Idempotent-Replayed": "true"})


class IdempotencyGuard:
    def __init__(self, session: Session, staff_id: int, key: str | None, method: str, path: str,
                 request_hash: str) -> None:
        self._session = session
        self._staff_id = staff_id
        self.key = key
        self._method = method
        self._path = path
        self._request_hash = request_hash

    def check(self) -> None:
        if self.key is None:
            return
        advisory_lock(self._session, zlib.crc32(f"{self._staff_id}:{self.key}".encode()))
        record = self._session.scalar(select(IdempotencyRecord).where(
            IdempotencyRecord.staff_id == self._staff_id, IdempotencyRecord.key == self.key))
        if record is None:
            return
        if record.request_hash != self._request_hash or record.path != self._path:
            raise InvalidInput(f"{HEADER} {self.key!r} was already used for a different request.", field=HEADER)
        raise Replay(record.status_code, record.response)

    def remember(self, body: Any, status_code: int = 200) -> Any:
        """Store the answer (JSON-ready) with the change it describes; returns it."""
        if self.key is not None:
            self._session.add(IdempotencyRecord(
                staff_id=self._staff_id, key=self.key, method=self._method, path=self._path,
                request_hash=self._request_hash, status_code=status_code, response=body))
            self._session.flush()
        return body


async def _request_hash(request: Request) -> str:
    return hashlib.sha256(await request.body()).hexdigest()


def _guard(request: Request, staff: CurrentStaff, session: DbSession,
           request_hash: Annotated[str, Depends(_request_hash)]) -> IdempotencyGuard:
    key = request.headers.get(HEADER)
    if key is not None and not (1 <= len(key) <= 128):
        raise InvalidInput(f"{HEADER} must be 1 to 128 characters.", field=HEADER)
    guard = IdempotencyGuard(session, staff.id, key, request.method, request.url.path, request_hash)
    guard.check()
    return guard


Idempotency = Annotated[IdempotencyGuard, Depends(_guard)]
