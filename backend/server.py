"""Running the HTTP application under uvicorn (``python -m backend serve``).

The service starts in two stages, because the console's cold start waits on
it: the socket opens as soon as a small app that answers ``/health`` and
sign-in is ready, and the rest of the API (about 40 % of the import time)
loads in a background thread while the user signs in. A request for the rest
that arrives sooner waits for it; nothing is refused or answered twice.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future

import uvicorn
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.errors import error_body

#: Printed on stdout once the socket accepts connections. The console that
#: started the bundled service waits for this line instead of polling /health.
LISTENING_LINE = "anzen-listening"

log = logging.getLogger("anzen.server")


class StagedApp:
    """Sends requests for ``first_paths`` to ``first`` until ``full`` is
    loaded, everything else to ``full`` once it is (waiting for it if need be).

    ``first`` also runs the lifespan protocol: the apps from ``create_app``
    have no start-up or shutdown handlers of their own.
    """

    def __init__(self, first: ASGIApp, first_paths: frozenset[str], full: Future[ASGIApp]) -> None:
        self._first = first
        self._first_paths = first_paths
        self._full = full

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan" or (not self._full.done() and scope["path"] in self._first_paths):
            await self._first(scope, receive, send)
            return
        try:
            app = await asyncio.wrap_future(self._full)
        except Exception as exc:  # noqa: BLE001 - the loader logged it; every request says so
            await JSONResponse(error_body("unavailable", f"The service could not load its API: {exc}. "
                                          "Restart it; if this happens again, see its log."),
                               status_code=503)(scope, receive, send)
            return
        await app(scope, receive, send)


class AnnouncingServer(uvicorn.Server):
    """A uvicorn server that says when it is listening and then calls ``on_listening``."""

    def __init__(self, config: uvicorn.Config, on_listening: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_listening = on_listening

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            print(LISTENING_LINE, flush=True)
            self._on_listening()


def serve(first: ASGIApp, first_paths: frozenset[str], load_full: Callable[[], ASGIApp], *,
          host: str, port: int, log_level: str) -> bool:
    """Serve ``first`` on ``first_paths`` at once and what ``load_full``
    returns once it has loaded, until told to stop; False if the server never
    came up (port taken, …)."""
    full: Future[ASGIApp] = Future()
    full.set_running_or_notify_cancel()  # a waiting request that is cancelled must not cancel the load
    config = uvicorn.Config(StagedApp(first, first_paths, full), host=host, port=port, log_level=log_level,
                            access_log=False)
    server = AnnouncingServer(config, on_listening=lambda: _load_in_background(load_full, full))
    server.run()
    return server.started


def _load_in_background(load: Callable[[], ASGIApp], into: Future[ASGIApp]) -> None:
    def run() -> None:
        try:
            into.set_result(load())
        except BaseException as exc:
            log.exception("loading the API failed")
            into.set_exception(exc)

    threading.Thread(target=run, name="load-api", daemon=True).start()
