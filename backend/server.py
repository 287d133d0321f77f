"""Running the HTTP application under uvicorn (``python -m backend serve``)."""

from __future__ import annotations

import socket

import uvicorn
from fastapi import FastAPI

#: Printed on stdout once the socket accepts connections. The console that
#: started the bundled service waits for this line instead of polling /health.
LISTENING_LINE = "anzen-listening"


class AnnouncingServer(uvicorn.Server):
    """A uvicorn server that says when it is listening."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            print(LISTENING_LINE, flush=True)


def serve(app: FastAPI, *, host: str, port: int, log_level: str) -> bool:
    """Serve until told to stop; False if the server never came up (port taken, …)."""
    server = AnnouncingServer(uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False))
    server.run()
    return server.started
