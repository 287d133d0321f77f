"""escrow, ratings: the member indexes also carry status / score

Revision ID: 0008_pane_indexes
Revises: 0004_escrow
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.

The member and ratings panes count a member's transactions by status and
ratings by score. With the status or score in the (member, created_at, id)
indexes those counts are read from the index alone instead of one table row
per transaction or rating (a busy member's summary read ~2,000 rows). The
indexes keep their names and their leading columns, so every query that used
them before still does.
"""
from alembic import op

revision = "0008_pane_indexes"
down_revision = "0004_escrow"
branch_labels = None
depends_on = None

# index name -> (table, its columns until now, the column this revision adds at the end)
INDEXES = {
    "ix_transactions_buyer_created": ("transactions", ["buyer_id", "created_at", "id"], ["status"]),
    "ix_transactions_seller_created": ("transactions", ["seller_id", "created_at", "id"], ["status"]),
    "ix_ratings_ratee_created": ("ratings", ["ratee_id", "created_at", "id"], ["score"]),
    "ix_ratings_rater_created": ("ratings", ["rater_id", "created_at", "id"], ["score"]),
}


def _replace(widen: bool) -> None:
    for name, (table, columns, added) in INDEXES.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns + added if widen else columns, unique=False)


def _refresh_sqlite_statistics() -> None:
    """SQLite drops an index's planner statistics with the index; without them it may
    prefer the status index for a member's transactions. (PostgreSQL keeps column
    statistics, which is all a plain index needs.)"""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is None:
        return  # never analysed: the planner's defaults stay as they were
    bind.exec_driver_sql("PRAGMA analysis_limit=1000")  # sampled, as the seeder does: seconds, not minutes
    for name in INDEXES:
        bind.exec_driver_sql(f"ANALYZE {name}")
    bind.exec_driver_sql("PRAGMA analysis_limit=0")


def upgrade() -> None:
    _replace(widen=True)
    _refresh_sqlite_statistics()


def downgrade() -> None:
    _replace(widen=False)
    _refresh_sqlite_statistics()
