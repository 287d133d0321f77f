"""recalls: removal deadlines, match/notice versions, notice message, listing term index

Revision ID: 0006_recalls
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa
import backend.db

revision = "0006_recalls"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recalls", schema=None) as batch_op:
        batch_op.add_column(sa.Column("requested_at", backend.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("removal_due_at", backend.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))

    with op.batch_alter_table("recall_products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recall_products_gtin"), ["gtin"], unique=False)
        batch_op.create_index(batch_op.f("ix_recall_products_model_norm"), ["model_norm"], unique=False)

    with op.batch_alter_table("recall_matches", schema=None) as batch_op:
        batch_op.add_column(sa.Column("removal_due_at", backend.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("suspended_at", backend.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.create_index("ix_recall_matches_recall_score", ["recall_id", "score", "id"], unique=False)

    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("returned_at", backend.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))

    op.create_table(
        "listing_terms",
        sa.Column("term", sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql"),
                  nullable=False),
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"], name=op.f("fk_listing_terms_listing_id_listings")),
        sa.PrimaryKeyConstraint("term", "listing_id", name=op.f("pk_listing_terms")),
    )
    with op.batch_alter_table("listing_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_listing_terms_listing_id"), ["listing_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("listing_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_listing_terms_listing_id"))
    op.drop_table("listing_terms")
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("returned_at")
        batch_op.drop_column("message")
    with op.batch_alter_table("recall_matches", schema=None) as batch_op:
        batch_op.drop_index("ix_recall_matches_recall_score")
        batch_op.drop_column("version")
        batch_op.drop_column("suspended_at")
        batch_op.drop_column("removal_due_at")
    with op.batch_alter_table("recall_products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recall_products_model_norm"))
        batch_op.drop_index(batch_op.f("ix_recall_products_gtin"))
    with op.batch_alter_table("recalls", schema=None) as batch_op:
        batch_op.drop_column("version")
        batch_op.drop_column("removal_due_at")
        batch_op.drop_column("requested_at")
