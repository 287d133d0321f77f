"""jobs: one row per scheduled job, the lock that makes each due run happen once (issue 20)

Revision ID: 0016_jobs
Revises: 0001
Hand-written, on its own branch off 0001 like the other domains.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
import backend.db

revision = "0016_jobs"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scheduled_jobs",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("next_run_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("runs", sa.Integer(), nullable=False),
        sa.Column("last_started_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("last_finished_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("last_runner", sa.String(length=128), nullable=True),
        sa.Column("last_result", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("last_error", sa.String(length=1000), nullable=True),
        sa.Column("last_error_at", backend.db.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_scheduled_jobs")),
    )


def downgrade() -> None:
    op.drop_table("scheduled_jobs")
