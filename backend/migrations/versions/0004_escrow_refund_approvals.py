"""escrow: refund approvals (refunds above an agent's limit wait for a supervisor)

Revision ID: 0004_escrow
Revises: 0001
Create Date: 2026-11-28 10:00:00.000000
"""
from alembic import op
import sqlalchemy as sa
import backend.db

revision = "0004_escrow"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "refund_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transaction_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("decision_reason", sa.String(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["transaction_id"], ["transactions.id"],
                                name=op.f("fk_refund_approvals_transaction_id_transactions")),
        sa.ForeignKeyConstraint(["requested_by_id"], ["staff.id"],
                                name=op.f("fk_refund_approvals_requested_by_id_staff")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["staff.id"], name=op.f("fk_refund_approvals_decided_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_approvals")),
    )
    with op.batch_alter_table("refund_approvals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_refund_approvals_transaction_id"), ["transaction_id"], unique=False)
        batch_op.create_index("ix_refund_approvals_status_requested", ["status", "requested_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("refund_approvals", schema=None) as batch_op:
        batch_op.drop_index("ix_refund_approvals_status_requested")
        batch_op.drop_index(batch_op.f("ix_refund_approvals_transaction_id"))
    op.drop_table("refund_approvals")
