"""messages: transaction messages and public comments, message flags and labels, message model versions,
transaction-pattern flags, and the marketplace's external id of a transaction (issue 21)

Revision ID: 0015_messages
Revises: 0001
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.
"""
from alembic import op
import sqlalchemy as sa
import backend.db

revision = "0015_messages"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")


def _decision_columns() -> list[sa.Column]:
    return [
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("action", sa.String(16), nullable=True),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("decided_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("claimed_by_id", sa.Integer(), sa.ForeignKey("staff.id"), nullable=True),
        sa.Column("claim_expires_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("handover_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("external_id", sa.String(64), nullable=True))
    op.create_index("ix_transactions_external_id", "transactions", ["external_id"], unique=True)

    op.create_table(
        "transaction_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("external_id", sa.String(64), nullable=True),
        sa.Column("context", sa.String(16), nullable=False),
        sa.Column("transaction_id", sa.Integer(), sa.ForeignKey("transactions.id"), nullable=True),
        sa.Column("listing_id", sa.Integer(), sa.ForeignKey("listings.id"), nullable=False),
        sa.Column("sender_id", sa.Integer(), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.UniqueConstraint("external_id", name="uq_transaction_messages_external_id"),
    )
    op.create_index("ix_transaction_messages_tx_sent", "transaction_messages", ["transaction_id", "sent_at", "id"])
    op.create_index("ix_transaction_messages_listing_sent", "transaction_messages", ["listing_id", "sent_at", "id"])
    op.create_index("ix_transaction_messages_sender_sent", "transaction_messages", ["sender_id", "sent_at", "id"])

    op.create_table(
        "message_flags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_id", sa.Integer(), sa.ForeignKey("transaction_messages.id"), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("policy", sa.String(24), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.Column("detector", sa.String(64), nullable=True),
        *_decision_columns(),
    )
    op.create_index("ix_message_flags_message_id", "message_flags", ["message_id"])
    op.create_index("ix_message_flags_status_created", "message_flags", ["status", "created_at", "id"])

    op.create_table(
        "message_labels",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("message_id", sa.Integer(), sa.ForeignKey("transaction_messages.id"), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("label", sa.String(24), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
    )
    op.create_index("ix_message_labels_message_id", "message_labels", ["message_id"])

    op.create_table(
        "message_model_versions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("trained_on", sa.Integer(), nullable=False),
        sa.Column("metrics", JSON, nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
    )
    op.create_index("ix_message_model_versions_active", "message_model_versions", ["active"])

    op.create_table(
        "pattern_flags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("pattern", sa.String(24), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("other_member_id", sa.Integer(), sa.ForeignKey("members.id"), nullable=True),
        sa.Column("transaction_id", sa.Integer(), sa.ForeignKey("transactions.id"), nullable=True),
        sa.Column("fingerprint", sa.String(128), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", JSON, nullable=False),
        sa.Column("evidence", JSON, nullable=False),
        *_decision_columns(),
        sa.UniqueConstraint("fingerprint", name="uq_pattern_flags_fingerprint"),
    )
    op.create_index("ix_pattern_flags_member_id", "pattern_flags", ["member_id"])
    op.create_index("ix_pattern_flags_status_created", "pattern_flags", ["status", "created_at", "id"])


def downgrade() -> None:
    op.drop_table("pattern_flags")
    op.drop_table("message_model_versions")
    op.drop_table("message_labels")
    op.drop_table("message_flags")
    op.drop_table("transaction_messages")
    op.drop_index("ix_transactions_external_id", table_name="transactions")
    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.drop_column("external_id")
