"""One error shape for every failure: ``{"error": {"code", "message", "field"}}``.

Domain code raises :class:`ServiceError`; the handlers here turn it, FastAPI's
validation errors and anything unexpected into that shape, so a client never
sees a stack trace.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


class ServiceError(Exception):
    status = 400
    code = "bad_request"
    #: Seconds, sent as ``Retry-After`` (429, 503).
    retry_after: int | None = None

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if code:
            self.code = code


class NotFound(ServiceError):
    status = 404
    code = "not_found"


class Unauthorized(ServiceError):
    status = 401
    code = "unauthorized"


class Forbidden(ServiceError):
    status = 403
    code = "forbidden"


class Conflict(ServiceError):
    status = 409
    code = "conflict"


class InvalidInput(ServiceError):
    status = 422
    code = "invalid"


def error_body(code: str, message: str, field: str | None = None) -> dict[str, dict[str, str | None]]:
    return {"error": {"code": code, "message": message, "field": field}}


_INT32 = range(-(2**31), 2**31)


def _id_out_of_range(exc: DataError) -> bool:
    """PostgreSQL's numeric_value_out_of_range with an integer parameter beyond 32 bits."""
    if getattr(exc.orig, "sqlstate", None) != "22003":
        return False
    params = exc.params
    values = params.values() if isinstance(params, dict) else params if isinstance(params, (list, tuple)) else ()
    return any(isinstance(v, int) and not isinstance(v, bool) and v not in _INT32 for v in values)


def install_error_handlers(app: FastAPI) -> None:
    from backend.idempotency.guard import Replay

    @app.exception_handler(ServiceError)
    async def _service_error(_request: Request, exc: ServiceError) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after is not None else None
        return JSONResponse(error_body(exc.code, exc.message, exc.field), status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        location = [str(part) for part in first.get("loc", ()) if part not in ("body", "query", "path", "header")]
        field = ".".join(location) or None
        message = first.get("msg", "invalid request")
        return JSONResponse(
            error_body("invalid", f"{field}: {message}" if field else message, field), status_code=422
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(exc.status_code, "http_error")
        return JSONResponse(
            error_body(code, str(exc.detail)), status_code=exc.status_code, headers=getattr(exc, "headers", None)
        )

    @app.exception_handler(StaleDataError)
    async def _stale(_request: Request, _exc: StaleDataError) -> JSONResponse:
        return JSONResponse(error_body("stale", "Someone else changed this item meanwhile; reload it and try again."),
                            status_code=409)

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError) -> JSONResponse:
        if _id_out_of_range(exc):
            # An integer beyond the column's range on PostgreSQL: an id the caller sent (not every path
            # parameter is bounded yet); the input is bad, not the service.
            log.info("database refused an integer out of range: %s", exc.orig)
            return JSONResponse(error_body("invalid", "A number is out of range for this field."), status_code=422)
        # Anything else the database refuses (a value too long for its column, ...) the service produced:
        # its own fault, never the caller's (issue 19: a bulk takedown was refused with a 422).
        log.error("the database refused a value the service produced (%s %s)", request.method, request.url.path,
                  exc_info=exc)
        return JSONResponse(error_body("internal", "The service hit an unexpected error; it has been logged. "
                                                   "Try again, and report it if it happens again."),
                            status_code=500)

    @app.exception_handler(OverflowError)
    async def _overflow(_request: Request, _exc: OverflowError) -> JSONResponse:
        # SQLite's driver refuses integers beyond 64 bits before the database sees them.
        return JSONResponse(error_body("invalid", "A number is too large for this field."), status_code=422)

    @app.exception_handler(Replay)
    async def _replay(_request: Request, exc: Replay) -> JSONResponse:
        return exc.response()

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return JSONResponse(
            error_body("internal", "The service hit an unexpected error; it has been logged. Try again."),
            status_code=500,
        )
