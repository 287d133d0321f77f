"""Keyset (cursor) pagination: stable under inserts and fast at any depth,
unlike OFFSET which rescans every skipped row."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Row, Select, and_, bindparam, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from backend.errors import InvalidInput

T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None


#: Made once and kept: pydantic caches a parametrised generic model only weakly, so a
#: ``Page[Any]`` made per call was rebuilt (about a millisecond) after most garbage collections.
AnyPage = Page[Any]


def _encode(value: Any, row_id: int) -> str:
    if isinstance(value, datetime):
        value = {"dt": value.isoformat()}
    raw = json.dumps([value, row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[Any, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, row_id = json.loads(raw)
        if isinstance(value, dict):
            value = datetime.fromisoformat(value["dt"])
        if not isinstance(row_id, int):
            raise ValueError
        return value, row_id
    except (ValueError, TypeError, KeyError, json.JSONDecodeError, UnicodeDecodeError):
        raise InvalidInput("cursor is not one this service issued", field="cursor") from None


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
        value, row_id = _decode(cursor)
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
        next_cursor = _encode(getattr(last, sort.key), getattr(last, id_col.key))
    return AnyPage(items=items, next_cursor=next_cursor)


# -- statements built once -----------------------------------------------------------
# A statement composed per request can cost more CPU than running it. These page a
# statement built once with bound parameters, newest first, and return plain rows.


def after_cursor(sort: InstrumentedAttribute[Any], id_col: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """The rows after a cursor, newest first, as bound parameters that :func:`cursor_params` fills."""
    value = bindparam("after_sort")
    return or_(sort < value, and_(sort == value, id_col < bindparam("after_id")))


def cursor_params(cursor: str | None) -> dict[str, Any]:
    """The values for :func:`after_cursor`'s parameters (none without a cursor)."""
    if not cursor:
        return {}
    value, row_id = _decode(cursor)
    return {"after_sort": value, "after_id": row_id}


def page_of_rows(page_type: type[Page[T]], rows: Sequence[Row[Any]], limit: int, *, sort_key: str,
                 to_item: Callable[[Row[Any]], T]) -> Page[T]:
    """The first ``limit`` of the ``limit + 1`` rows fetched, and the cursor after them if there
    were more (the rows carry ``sort_key`` and ``id``)."""
    last = rows[limit - 1] if len(rows) > limit else None
    return page_type(items=[to_item(row) for row in rows[:limit]],
                     next_cursor=_encode(getattr(last, sort_key), last.id) if last is not None else None)
