"""work queue: queue_items (one row per workable item) and macros

Revision ID: 0003_queue
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

import backend.db

revision = "0003_queue"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queue_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("ref_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=256), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("listing_id", sa.Integer(), nullable=True),
        sa.Column("transaction_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.Column("waiting", sa.Boolean(), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("sla_kind", sa.String(length=16), nullable=False),
        sa.Column("sla_due", backend.db.UTCDateTime(), nullable=False),
        sa.Column("rank", backend.db.UTCDateTime(), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("closed_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("claimed_by_id", sa.Integer(), nullable=True),
        sa.Column("claimed_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("claim_expires_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("handover_note", sa.Text(), nullable=True),
        sa.Column("handover_by_id", sa.Integer(), nullable=True),
        sa.Column("handover_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("updated_at", backend.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claimed_by_id"], ["staff.id"], name=op.f("fk_queue_items_claimed_by_id_staff")),
        sa.ForeignKeyConstraint(["handover_by_id"], ["staff.id"], name=op.f("fk_queue_items_handover_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_items")),
        sa.UniqueConstraint("kind", "ref_id", name="uq_queue_items_kind_ref"),
    )
    with op.batch_alter_table("queue_items", schema=None) as batch_op:
        batch_op.create_index("ix_queue_items_open_rank", ["open", "rank", "id"], unique=False)
        batch_op.create_index("ix_queue_items_open_kind_rank", ["open", "kind", "rank", "id"], unique=False)
        batch_op.create_index("ix_queue_items_open_due", ["open", "sla_due", "id"], unique=False)
        batch_op.create_index("ix_queue_items_open_kind_due", ["open", "kind", "sla_due", "id"], unique=False)
        batch_op.create_index("ix_queue_items_open_created", ["open", "created_at", "id"], unique=False)
        batch_op.create_index("ix_queue_items_open_kind_created", ["open", "kind", "created_at", "id"], unique=False)
        batch_op.create_index("ix_queue_items_claim", ["claimed_by_id", "open", "rank", "id"], unique=False)
        batch_op.create_index("ix_queue_items_updated", ["updated_at", "id"], unique=False)

    op.create_table(
        "macros",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=32), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("updated_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_macros")),
        sa.UniqueConstraint("name", name=op.f("uq_macros_name")),
    )

    # Existing open inquiries and flags join the queue. Only 0001's columns are read,
    # so this holds whichever other branch ran first.
    from backend.queue.sources import rebuild

    rebuild(op.get_bind(), kinds=("inquiry", "flag"))


def downgrade() -> None:
    op.drop_table("macros")
    with op.batch_alter_table("queue_items", schema=None) as batch_op:
        for name in ("ix_queue_items_updated", "ix_queue_items_claim", "ix_queue_items_open_kind_created",
                     "ix_queue_items_open_created", "ix_queue_items_open_kind_due", "ix_queue_items_open_due",
                     "ix_queue_items_open_kind_rank", "ix_queue_items_open_rank"):
            batch_op.drop_index(name)
    op.drop_table("queue_items")
