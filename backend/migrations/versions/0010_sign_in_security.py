"""staff: sign-in throttles, supervisor alerts, last use of a token (idle timeout)

Revision ID: 0010_sign_in
Revises: 0001
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
import backend.db

revision = "0010_sign_in"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("auth_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_used_at", backend.db.UTCDateTime(), nullable=True))
    op.create_table(
        "sign_in_throttles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=128), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("locked_until", backend.db.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_throttles")),
        sa.UniqueConstraint("scope", "key", name="uq_sign_in_throttles_scope_key"),
    )
    op.create_table(
        "staff_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.Column("details", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=True),
        sa.Column("resolved_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_staff_alerts_staff_id_staff")),
        sa.ForeignKeyConstraint(["resolved_by_id"], ["staff.id"], name=op.f("fk_staff_alerts_resolved_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_alerts")),
    )
    op.create_index("ix_staff_alerts_created_at", "staff_alerts", ["created_at"], unique=False)
    op.create_index("ix_staff_alerts_staff_id", "staff_alerts", ["staff_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_staff_alerts_staff_id", table_name="staff_alerts")
    op.drop_index("ix_staff_alerts_created_at", table_name="staff_alerts")
    op.drop_table("staff_alerts")
    op.drop_table("sign_in_throttles")
    with op.batch_alter_table("auth_tokens", schema=None) as batch_op:
        batch_op.drop_column("last_used_at")
