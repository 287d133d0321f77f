"""enforcement: takedown effects and grouping, strike removal, sanctions, appeals, member notifications

Revision ID: 0005_enforcement
Revises: 0001
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.
"""
from alembic import op
import sqlalchemy as sa
import backend.db
from sqlalchemy.dialects import postgresql

revision = "0005_enforcement"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    with op.batch_alter_table("takedowns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status_before", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("effects", JSON, nullable=True))
        batch_op.add_column(sa.Column("label_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("batch_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_takedowns_label_id_decision_labels"), "decision_labels",
                                    ["label_id"], ["id"])
        batch_op.create_index("ix_takedowns_expires_at", ["expires_at"], unique=False)
        batch_op.create_index("uq_takedowns_live_listing", ["listing_id"], unique=True,
                              sqlite_where=sa.text("reversed_at IS NULL"),
                              postgresql_where=sa.text("reversed_at IS NULL"))

    with op.batch_alter_table("strikes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("removed_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("removed_reason", sa.String(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_strikes_removed_by_id_staff"), "staff", ["removed_by_id"], ["id"])

    op.create_table(
        "member_sanctions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("lifted_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("lifted_by_id", sa.Integer(), nullable=True),
        sa.Column("lift_reason", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_member_sanctions_member_id_members")),
        sa.ForeignKeyConstraint(["actor_id"], ["staff.id"], name=op.f("fk_member_sanctions_actor_id_staff")),
        sa.ForeignKeyConstraint(["lifted_by_id"], ["staff.id"], name=op.f("fk_member_sanctions_lifted_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_sanctions")),
    )
    with op.batch_alter_table("member_sanctions", schema=None) as batch_op:
        batch_op.create_index("ix_member_sanctions_member_created", ["member_id", "created_at", "id"], unique=False)

    op.create_table(
        "appeals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("takedown_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("filed_by_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("decision_reason", sa.String(), nullable=True),
        sa.Column("claimed_by_id", sa.Integer(), nullable=True),
        sa.Column("claim_expires_at", backend.db.UTCDateTime(), nullable=True),
        sa.Column("handover_note", sa.String(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["takedown_id"], ["takedowns.id"], name=op.f("fk_appeals_takedown_id_takedowns")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_appeals_member_id_members")),
        sa.ForeignKeyConstraint(["filed_by_id"], ["staff.id"], name=op.f("fk_appeals_filed_by_id_staff")),
        sa.ForeignKeyConstraint(["decided_by_id"], ["staff.id"], name=op.f("fk_appeals_decided_by_id_staff")),
        sa.ForeignKeyConstraint(["claimed_by_id"], ["staff.id"], name=op.f("fk_appeals_claimed_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
        sa.UniqueConstraint("takedown_id", name=op.f("uq_appeals_takedown_id")),
    )
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appeals_member_id"), ["member_id"], unique=False)
        batch_op.create_index("ix_appeals_status_created", ["status", "created_at", "id"], unique=False)

    op.create_table(
        "member_notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=True),
        sa.Column("reason_code", sa.String(length=32), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.Column("read_at", backend.db.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_member_notifications_member_id_members")),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"],
                                name=op.f("fk_member_notifications_listing_id_listings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_notifications")),
    )
    with op.batch_alter_table("member_notifications", schema=None) as batch_op:
        batch_op.create_index("ix_member_notifications_member_created", ["member_id", "created_at", "id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("member_notifications")
    op.drop_table("appeals")
    op.drop_table("member_sanctions")
    with op.batch_alter_table("strikes", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_strikes_removed_by_id_staff"), type_="foreignkey")
        batch_op.drop_column("removed_reason")
        batch_op.drop_column("removed_by_id")
    with op.batch_alter_table("takedowns", schema=None) as batch_op:
        batch_op.drop_index("uq_takedowns_live_listing")
        batch_op.drop_index("ix_takedowns_expires_at")
        batch_op.drop_constraint(batch_op.f("fk_takedowns_label_id_decision_labels"), type_="foreignkey")
        batch_op.drop_column("batch_id")
        batch_op.drop_column("label_id")
        batch_op.drop_column("effects")
        batch_op.drop_column("status_before")
