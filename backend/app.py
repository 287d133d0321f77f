"""The HTTP application: routers under /api/v1, one error shape, health.

The routers are imported by the functions that list them, not at the top:
``serve`` answers sign-in from a small app while the rest of the API is
still being imported (see :mod:`backend.server`)."""

from __future__ import annotations

import hmac
from collections.abc import Sequence

from fastapi import APIRouter, FastAPI
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend import __version__
from backend.config import LAUNCH_SECRET_HEADER, SecuritySettings
from backend.contention import RetryContention
from backend.db import Database
from backend.errors import error_body, install_error_handlers

API_PREFIX = "/api/v1"


def create_app(db: Database, *, demo: bool = False, launch_secret: str | None = None,
               routers: Sequence[APIRouter] | None = None, security: SecuritySettings | None = None) -> FastAPI:
    """The service's app with ``routers`` (default: the whole API) under /api/v1."""
    app = FastAPI(title="Anzen marketplace service", version=__version__)
    app.state.db = db
    app.state.demo = demo
    app.state.security = security or SecuritySettings.from_env()
    install_error_handlers(app)

    # Registered before the routers: FastAPI prepares an included router's
    # routes when a request first walks past them, so the console's start-up
    # probes of /health do not wait for the whole API to be prepared.
    @app.get("/health", tags=["health"])
    def health() -> dict[str, object]:
        return {"status": "ok", "database": db.dialect, "demo": demo, "version": __version__}

    for router in api_routers() if routers is None else routers:
        app.include_router(router, prefix=API_PREFIX)

    # Innermost: a request is replayed after a deadlock, or answered 503 when the database stays busy.
    app.add_middleware(RetryContention)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    if launch_secret:
        app.add_middleware(LaunchSecret, secret=launch_secret)
    from backend.push.router import KeepReceive

    app.add_middleware(KeepReceive)  # outermost: live-update streams hear their client go away
    return app


def api_routers() -> tuple[APIRouter, ...]:
    from backend.audit.router import router as audit_router
    from backend.authority.router import router as authority_router
    from backend.audit.viewer import router as audit_viewer_router
    from backend.enforcement.router import router as enforcement_router
    from backend.escrow.router import router as escrow_router
    from backend.flags.router import router as flags_router
    from backend.inquiries.router import router as inquiries_router
    from backend.listings.router import router as listings_router
    from backend.metrics.router import router as metrics_router
    from backend.members.router import router as members_router
    from backend.messages.router import router as messages_router
    from backend.queue.router import router as queue_router
    from backend.ratings.router import router as ratings_router
    from backend.recalls.router import router as recalls_router
    from backend.reports.router import router as reports_router
    from backend.rights.router import router as rights_router
    from backend.screening.router import router as screening_router
    from backend.push.router import router as push_router

    return (sign_in_router(), push_router, messages_router, members_router, listings_router, escrow_router, ratings_router, inquiries_router,
            flags_router, audit_router, queue_router, enforcement_router, recalls_router, screening_router,
            metrics_router, audit_viewer_router,
            authority_router, rights_router, reports_router)


def sign_in_router() -> APIRouter:
    """What the login dialog needs: sign-in, the demo accounts, /me."""
    from backend.staff.router import router

    return router


def exact_paths(routers: Sequence[APIRouter]) -> frozenset[str]:
    """The paths without parameters that ``routers`` answer under /api/v1, and /health."""
    return frozenset({"/health"} | {API_PREFIX + route.path for router in routers for route in router.routes
                                    if "{" not in getattr(route, "path", "{")})


class LaunchSecret:
    """The bundled service listens on loopback, where any local process could
    call it; the per-launch secret keeps its API to the console that started it.

    Plain ASGI rather than ``@app.middleware("http")``, which runs every
    request, /health included, through extra tasks and stream wrappers.
    """

    def __init__(self, app: ASGIApp, secret: str) -> None:
        self._app = app
        self._secret = secret.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"].startswith(API_PREFIX):
            given = next((value for name, value in scope["headers"] if name == _SECRET_HEADER), b"")
            if not hmac.compare_digest(given, self._secret):
                refusal = error_body("unauthorized", f"Missing or wrong {LAUNCH_SECRET_HEADER} header.")
                await JSONResponse(refusal, status_code=401)(scope, receive, send)
                return
        await self._app(scope, receive, send)


_SECRET_HEADER = LAUNCH_SECRET_HEADER.lower().encode("latin-1")

#: The largest request body: a recall import of 20 million characters fits, a runaway upload does not.
MAX_BODY_BYTES = 32 * 1024 * 1024


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413 before reading it
    (``Content-Length``), or as soon as a streamed body passes the limit."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self._app = app
        self._limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        length = next((value for name, value in scope["headers"] if name == b"content-length"), None)
        if length is not None and (not length.isdigit() or int(length) > self._limit):
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self._limit:
                raise BodyTooLarge(self._limit)
            return message

        await self._app(scope, counted if length is None else receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        refusal = error_body("too_large", f"The request is larger than {self._limit // (1024 * 1024)} MB; "
                                          "split the file and send it in parts.")
        await JSONResponse(refusal, status_code=413)(scope, receive, send)


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")
