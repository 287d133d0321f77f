"""Chunked bulk inserts with explicit ids.

A million ORM objects would spend the whole time budget in the unit of
work; Core ``INSERT`` executemany per chunk of dicts is an order of
magnitude faster. On PostgreSQL even that pays a server round of
parse/execute per row (about 6 minutes for the large scale), so there the
same rows go through ``COPY`` instead, about three times faster; values are
converted exactly as the column types would (aware datetimes to naive UTC,
JSON to JSONB). Rows are buffered per table and always flushed
parents-first, so foreign keys hold at every flush.

PostgreSQL also checks each foreign key with a trigger per row (a third of
the load time); :func:`foreign_keys_checked_at_end` drops the seeded tables'
foreign keys for the load and adds them back at the end, which validates
every row in one pass instead, inside the same transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Connection, Table, func, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.schema import AddConstraint, DropConstraint

from backend.db import UTCDateTime
from backend.models import Base


class BulkWriter:
    """Buffers rows per table and writes them in dependency order."""

    def __init__(self, session: Session, *, chunk: int = 20_000) -> None:
        self.session = session
        self.conn = session.connection()
        self.chunk = chunk
        self.order: list[Table] = list(Base.metadata.sorted_tables)  # parents before children
        self.buffers: dict[Table, list[dict[str, Any]]] = {}
        self.buffered = 0
        self.counts: Counter[str] = Counter()
        self.next_ids: dict[Table, int] = {}

    def reserve(self, table: Table, count: int = 1) -> int:
        """Allocate ``count`` consecutive ids and return the first. The first
        call per table reads MAX(id), so seeding never collides with rows
        already there (e.g. shifts made by an operator)."""
        current = self.next_ids.get(table)
        if current is None:
            current = (self.conn.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        self.next_ids[table] = current + count
        return current

    def add(self, table: Table, row: dict[str, Any]) -> None:
        self.buffers.setdefault(table, []).append(row)
        self.buffered += 1
        if self.buffered >= self.chunk:
            self.flush()

    def flush(self) -> None:
        for table in self.order:
            rows = self.buffers.get(table)
            if rows:
                if self.conn.dialect.name == "postgresql":
                    self._copy(table, rows)
                else:
                    self.conn.execute(insert(table), rows)
                self.counts[table.name] += len(rows)
                rows.clear()
        self.buffered = 0

    def _copy(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """PostgreSQL COPY on the session's own connection, so it stays in the same transaction."""
        columns = list(rows[0])
        convert = [_converter(table.c[name].type) for name in columns]
        names = ", ".join(f'"{name}"' for name in columns)
        cursor = self.conn.connection.driver_connection.cursor()
        try:
            with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row([c(row[n]) if c else row[n] for c, n in zip(convert, columns)])
        finally:
            cursor.close()

    def finish(self) -> dict[str, int]:
        """Flush everything and, on PostgreSQL, move each id sequence past the explicit ids we wrote."""
        self.flush()
        if self.conn.dialect.name == "postgresql":
            for table in self.next_ids:
                self.conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                ))
        return dict(self.counts)


def _converter(column_type: Any) -> Callable[[Any], Any] | None:
    """What the column type's bind processing would do, for values COPY cannot take as they are."""
    if isinstance(column_type, UTCDateTime):
        return _naive_utc
    if isinstance(column_type, JSON):
        from psycopg.types.json import Jsonb

        return lambda value: None if value is None else Jsonb(value)
    return None


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given; use an aware UTC datetime")
    return value.astimezone(UTC).replace(tzinfo=None)


# Tables the seed writes in bulk (the audit log is written through its own service).
BULK_TABLES = frozenset({
    "rota_entries", "strikes", "listings", "flags", "takedowns", "decision_labels", "transactions",
    "ledger_entries", "ratings", "inquiries", "inquiry_messages",
})


@contextmanager
def foreign_keys_checked_at_end(conn: Connection) -> Iterator[None]:
    """On PostgreSQL, validate the bulk tables' foreign keys once after loading rather than per row.

    The constraints come from the same metadata (and naming convention) as the
    migrations, so they are re-created exactly; DDL is transactional there, so
    a failure rolls the drop back too. Other databases are left alone.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    constraints = [fk for table in Base.metadata.sorted_tables if table.name in BULK_TABLES
                   for fk in table.foreign_key_constraints]
    for fk in constraints:
        conn.execute(DropConstraint(fk))
    yield
    for fk in constraints:
        conn.execute(AddConstraint(fk))
