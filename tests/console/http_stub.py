"""A tiny HTTP server on loopback for client tests: scripted answers, optional
delays, and a record of what was asked. Stops by itself when the test ends."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: Any = None
    delay_s: float = 0.0


@dataclass
class StubState:
    #: "METHOD /path" -> answers given in turn (the last one repeats).
    script: dict[str, list[Answer]] = field(default_factory=dict)
    seen: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)


@contextmanager
def stub_server(script: dict[str, list[Answer]]) -> Iterator[tuple[str, StubState]]:
    state = StubState(script)

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            path = self.path.split("?", 1)[0]
            state.seen.append((self.command, self.path, dict(self.headers)))
            answers = state.script.get(f"{self.command} {path}") or [Answer(404, {"error": {
                "code": "not_found", "message": "no such path", "field": None}})]
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
            time.sleep(answer.delay_s)
            payload = b"" if answer.body is None else json.dumps(answer.body).encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = _answer

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()
