"""Keyset (cursor) pagination: stable under inserts and fast at any depth,
unlike OFFSET which rescans every skipped row.

Cursors are opaque and signed (HMAC with the service's key, bound to the list
and sort they came from): a cursor the service did not issue is a 400 before
any of it reaches a query."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Row, Select, and_, bindparam, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from backend import keys
from backend.errors import ServiceError

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


#: Made once and kept: pydantic caches a parametrised generic model only weakly, so a
#: ``Page[Any]`` made per call was rebuilt (about a millisecond) after most garbage collections.
AnyPage = Page[Any]


class BadCursor(ServiceError):
    status = 400
    code = "bad_cursor"


_KINDS: dict[type, str] = {datetime: "t", int: "i", float: "f", str: "s"}


def sign_token(payload: Any, *, scope: str) -> str:
    """``payload`` as an opaque token: URL-safe JSON and an HMAC over it and
    ``scope`` (which list, which sort), with the service's key."""
    raw = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
    return f"{raw}.{_signature(raw, scope)}"


def open_token(token: str, *, scope: str, field: str) -> Any:
    """The payload of a token :func:`sign_token` made for ``scope``; anything else is a 400."""
    raw, dot, signature = token.partition(".")
    if not dot or not hmac.compare_digest(signature.encode(), _signature(raw, scope).encode()):
        raise BadCursor(f"{field} is not one this service issued for this list; start again without it",
                        field=field)
    return json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))


def _signature(raw: str, scope: str) -> str:
    mac = hmac.new(keys.derived("cursor"), f"{scope}\x00{raw}".encode(), hashlib.sha256).digest()[:18]
    return base64.urlsafe_b64encode(mac).decode()


def _encode(value: Any, row_id: int, scope: str) -> str:
    kind = _KINDS.get(type(value))
    if kind is None:
        raise TypeError(f"cannot page on a {type(value).__name__}")
    return sign_token([kind, value.isoformat() if kind == "t" else value, row_id], scope=scope)


def _decode(cursor: str, scope: str) -> tuple[Any, int]:
    kind, value, row_id = open_token(cursor, scope=scope, field="cursor")
    return (datetime.fromisoformat(value) if kind == "t" else value), row_id


def _scope(sort: InstrumentedAttribute[Any]) -> str:
    return f"{sort.class_.__name__}.{sort.key}"


def paginate(
    session: Session,
    stmt: Select[Any],
    *,
    sort: InstrumentedAttribute[Any],
    id_col: InstrumentedAttribute[int],
    cursor: str | None,
    limit: int,
    descending: bool = True,
    to_item: Callable[[Any], T],
) -> Page[T]:
    """Page ``stmt`` by (sort, id); rows come back through ``to_item``."""
    if cursor:
        value, row_id = _decode(cursor, _scope(sort))
        if descending:
            stmt = stmt.where(or_(sort < value, and_(sort == value, id_col < row_id)))
        else:
            stmt = stmt.where(or_(sort > value, and_(sort == value, id_col > row_id)))
    order = (sort.desc(), id_col.desc()) if descending else (sort.asc(), id_col.asc())
    rows: Sequence[Any] = session.execute(stmt.order_by(*order).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    items = [to_item(row) for row in rows]
    next_cursor = None
    if more:
        last = rows[-1][0]
        next_cursor = _encode(getattr(last, sort.key), getattr(last, id_col.key), _scope(sort))
    return AnyPage(items=items, next_cursor=next_cursor)


# -- statements built once -----------------------------------------------------------
# A statement composed per request can cost more CPU than running it. These page a
# statement built once with bound parameters, newest first, and return plain rows.


def after_cursor(sort: InstrumentedAttribute[Any], id_col: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """The rows after a cursor, newest first, as bound parameters that :func:`cursor_params` fills."""
    value = bindparam("after_sort")
    return or_(sort < value, and_(sort == value, id_col < bindparam("after_id")))


def cursor_params(cursor: str | None, *, sort_key: str) -> dict[str, Any]:
    """The values for :func:`after_cursor`'s parameters (none without a cursor)."""
    if not cursor:
        return {}
    value, row_id = _decode(cursor, sort_key)
    return {"after_sort": value, "after_id": row_id}


def page_of_rows(page_type: type[Page[T]], rows: Sequence[Row[Any]], limit: int, *, sort_key: str,
                 to_item: Callable[[Row[Any]], T]) -> Page[T]:
    """The first ``limit`` of the ``limit + 1`` rows fetched, and the cursor after them if there
    were more (the rows carry ``sort_key`` and ``id``)."""
    last = rows[limit - 1] if len(rows) > limit else None
    return page_type(items=[to_item(row) for row in rows[:limit]],
                     next_cursor=_encode(getattr(last, sort_key), last.id, sort_key) if last is not None else None)
