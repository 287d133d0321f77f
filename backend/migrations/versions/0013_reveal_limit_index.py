"""audit: index for counting a staff member's recent actions (contact-reveal limit)

Revision ID: 0013_reveal_index
Revises: 0012_audit_key
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.
"""
from alembic import op

revision = "0013_reveal_index"
down_revision = "0012_audit_key"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_events_action_actor", "audit_events", ["action", "actor_id", "created_at"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_audit_events_action_actor", table_name="audit_events")
