"""screening: optimistic versions on policy thresholds, activation time of detector versions

Revision ID: 0007_screening
Revises: 0001
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.
"""
from alembic import op
import sqlalchemy as sa
import backend.db

revision = "0007_screening"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("policy_thresholds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("detector_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("activated_at", backend.db.UTCDateTime(), nullable=True))
        batch_op.create_index("ix_detector_versions_active", ["active"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("detector_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_detector_versions_active")
        batch_op.drop_column("activated_at")
    with op.batch_alter_table("policy_thresholds", schema=None) as batch_op:
        batch_op.drop_column("version")
