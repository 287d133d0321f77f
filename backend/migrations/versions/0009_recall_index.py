"""recalls: keyset terms (term_keysets), so candidate search never reads a common key's listings one
by one; stored listing readings (listing_readings), so scoring does not read each candidate again;
the listing_terms index by listing also carries the term, so a listing's terms are read from it alone

Revision ID: 0009_recall_index
Revises: 0006_recalls
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.
Listings already indexed get their keyset term from the keys the index holds
(the term naming is the application's, backend.recalls.terms, as the index is).
Readings are not back-filled: a listing without one is read when scored, and
``python -m backend recall-index --rebuild`` stores them all.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

revision = "0009_recall_index"
down_revision = "0006_recalls"
branch_labels = None
depends_on = None

TERM = sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "term_keysets",
        sa.Column("key", TERM, nullable=False),
        sa.Column("keyset", TERM, nullable=False),
        sa.Column("keys", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", "keyset", name=op.f("pk_term_keysets")),
    )
    with op.batch_alter_table("term_keysets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_term_keysets_keyset"), ["keyset"], unique=False)
    op.create_table(
        "listing_readings",
        sa.Column("listing_id", sa.Integer(), nullable=False),
        sa.Column("reading", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["listing_id"], ["listings.id"], name=op.f("fk_listing_readings_listing_id_listings")),
        sa.PrimaryKeyConstraint("listing_id", name=op.f("pk_listing_readings")),
    )
    with op.batch_alter_table("listing_terms", schema=None) as batch_op:
        batch_op.drop_index("ix_listing_terms_listing_id")
        batch_op.create_index("ix_listing_terms_listing_term", ["listing_id", "term"], unique=False)
    from backend.recalls import terms

    terms.add_keysets(Session(bind=op.get_bind()))


def downgrade() -> None:
    op.drop_table("listing_readings")
    op.execute("DELETE FROM listing_terms WHERE term LIKE 'k:%'")
    with op.batch_alter_table("listing_terms", schema=None) as batch_op:
        batch_op.drop_index("ix_listing_terms_listing_term")
        batch_op.create_index("ix_listing_terms_listing_id", ["listing_id"], unique=False)
    with op.batch_alter_table("term_keysets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_term_keysets_keyset"))
    op.drop_table("term_keysets")
