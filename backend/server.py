"""Running the HTTP application under uvicorn (``python -m backend serve``).

The service starts in two stages, because the console's cold start waits on
it: the socket opens as soon as a small app that answers ``/health`` and
sign-in is ready, and the rest of the API (about 40 % of the import time)
loads on a background thread once sign-in is done. A request for the rest
that arrives sooner waits for it; nothing is refused or answered twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
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

#: With no request to start it sooner, the rest of the API starts loading this
#: long after the socket opens: by then a console has signed in, or shows the
#: login dialog and waits for a person to type.
LOAD_AFTER_S = 0.3

log = logging.getLogger("anzen.server")


class StagedApp:
    """Sends requests for ``first_paths`` to ``first`` until the whole API
    has loaded, everything else to the whole API (waiting for it if need be).

    The whole API loads on a background thread, started by whichever comes
    first: an answered request to ``first`` other than /health (sign-in goes
    before the loading, not alongside it, since both need the one interpreter
    lock), a request that needs the whole API, or :meth:`load`.

    ``first`` also runs the lifespan protocol: the apps from ``create_app``
    have no start-up or shutdown handlers of their own.
    """

    def __init__(self, first: ASGIApp, first_paths: frozenset[str], load_full: Callable[[], ASGIApp]) -> None:
        self._first = first
        self._first_paths = first_paths
        self._load_full = load_full
        self._full: Future[ASGIApp] = Future()
        self._full.set_running_or_notify_cancel()  # a waiting request that is cancelled must not cancel the load
        self._loading = False

    def load(self) -> None:
        """Start loading the whole API, unless it has started already.
        Called on the event loop only, so no lock is needed."""
        if self._loading:
            return
        self._loading = True
        threading.Thread(target=self._run_load, name="load-api", daemon=True).start()

    def _run_load(self) -> None:
        try:
            self._full.set_result(self._load_full())
        except BaseException as exc:
            log.exception("loading the API failed")
            self._full.set_exception(exc)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._first(scope, receive, send)
            return
        if not self._full.done():
            if scope["path"] in self._first_paths:
                try:
                    await self._first(scope, receive, send)
                finally:
                    if scope["path"] != "/health":
                        self.load()
                return
            self.load()
            with contextlib.suppress(Exception):  # reported below, as on every later request
                await asyncio.wrap_future(self._full)
        try:
            app = self._full.result()
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
    """Serve in two stages (see :class:`StagedApp`) until told to stop; False
    if the server never came up (port taken, …)."""
    staged = StagedApp(first, first_paths, load_full)
    config = uvicorn.Config(staged, host=host, port=port, log_level=log_level, access_log=False)
    server = AnnouncingServer(config, on_listening=lambda: asyncio.get_running_loop().call_later(
        LOAD_AFTER_S, staged.load))
    server.run()
    return server.started
