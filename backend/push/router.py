"""``GET /api/v1/events``: server-sent events of queue and listing changes.

Each event is one line of JSON in ``data:``; its ``event:`` is ``queue``
(``{"id", "kind", "ref_id", "open", "claimed_by_id", "listing_id"}``),
``listing`` (``{"id", "status"}``), ``resync`` (re-read what you show: changes
may have been missed) or ``hello`` first. A comment line every 15 s keeps
proxies from closing an idle stream. On SQLite the stream is one
``unavailable`` event and ends: poll ``/queue/changes`` instead.

Left out of the OpenAPI document: a stream that never ends is no endpoint
for a fuzzer or a generated client (README, "Live updates", describes it).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.deps import CurrentStaff, get_database
from backend.push.hub import hub_for

router = APIRouter(tags=["events"])
HEARTBEAT_S = 15.0
#: Where :class:`KeepReceive` leaves the server's own ``receive`` in the scope.
RECEIVE_KEY = "anzen.receive"


class KeepReceive:
    """Outermost ASGI middleware: keeps the server's ``receive`` in the scope, so a
    stream hears its client go away even under middleware that replays the
    request body with a ``receive`` of its own (backend/contention.py)."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope = {**scope, RECEIVE_KEY: receive}
        await self._app(scope, receive, send)


class EventStream(StreamingResponse):
    """A streaming response that listens for the disconnect on the server's own ``receive``."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await super().__call__(scope, scope.get(RECEIVE_KEY, receive), send)


def _sse(event: str, data: dict[str, Any]) -> bytes:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'), default=str)}\n\n".encode()


@router.get("/events", response_class=StreamingResponse, include_in_schema=False)
async def events(request: Request, staff: CurrentStaff) -> StreamingResponse:
    """Queue and listing changes as they commit, through any service process (PostgreSQL only)."""
    db = get_database(request)
    if db.is_sqlite:
        return EventStream(iter([_sse("unavailable", {"mode": "poll", "why": "live updates need PostgreSQL"})]),
                                 media_type="text/event-stream")
    hub = hub_for(db.url)
    subscriber = hub.subscribe(asyncio.get_running_loop())

    async def stream() -> AsyncIterator[bytes]:
        try:
            yield _sse("hello", {"staff_id": staff.id, "mode": "push"})
            while True:
                try:
                    event = await asyncio.wait_for(subscriber.queue.get(), HEARTBEAT_S)
                except TimeoutError:
                    yield b": keep-alive\n\n"
                    continue
                yield _sse(str(event.get("t", "change")), event)
        finally:
            hub.unsubscribe(subscriber)

    return EventStream(stream(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
