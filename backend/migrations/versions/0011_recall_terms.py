"""recalls: recall_terms, the open recalls' index terms, so a new listing is screened against the
recalls sharing its terms only; and the listing term index rebuilt, because reading text changed
(Japanese words from the analyser, sound keys that are the same in every script)

Revision ID: 0011_recall_terms
Revises: 0009_recall_index
Hand-written: each domain branches off 0001. Rebuilding the listing index takes about a minute per
100,000 listings; ``python -m backend recall-index --rebuild`` does the same later if needed.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.orm import Session

revision = "0011_recall_terms"
down_revision = "0009_recall_index"
branch_labels = None
depends_on = None

TERM = sa.String(length=64).with_variant(sa.String(length=64, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "recall_terms",
        sa.Column("term", TERM, nullable=False),
        sa.Column("recall_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["recall_id"], ["recalls.id"], name=op.f("fk_recall_terms_recall_id_recalls")),
        sa.PrimaryKeyConstraint("term", "recall_id", name=op.f("pk_recall_terms")),
    )
    with op.batch_alter_table("recall_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recall_terms_recall_id"), ["recall_id"], unique=False)
    from backend.recalls import service, terms

    session = Session(bind=op.get_bind())
    terms.rebuild(session)
    service.index_open_recalls(session)
    session.flush()


def downgrade() -> None:
    with op.batch_alter_table("recall_terms", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recall_terms_recall_id"))
    op.drop_table("recall_terms")
