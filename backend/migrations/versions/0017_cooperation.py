"""cooperation: authority requests, legal holds, evidence exports, member erasures, rights owners and their
reports (issue 17)

Revision ID: 0017_cooperation
Revises: 0001 (depends on 0005_enforcement: reports link the takedown they caused)
Hand-written, on its own branch off 0001 like the other domains.
"""
from alembic import op
import sqlalchemy as sa
import backend.db

revision = "0017_cooperation"
down_revision = "0001"
branch_labels = None
depends_on = "0005_enforcement"

JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")
UTC = backend.db.UTCDateTime


def _staff(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.Integer(), sa.ForeignKey("staff.id"), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "authority_requests",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("agency", sa.String(200), nullable=False),
        sa.Column("officer", sa.String(200), nullable=True),
        sa.Column("contact", sa.String(200), nullable=True),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("legal_basis", sa.String(32), nullable=False),
        sa.Column("scope", JSON, nullable=False),
        sa.Column("due_at", UTC(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        _staff("registered_by_id", nullable=False),
        _staff("decided_by_id"),
        sa.Column("decided_at", UTC(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("answered_at", UTC(), nullable=True),
        sa.Column("closed_at", UTC(), nullable=True),
        _staff("closed_by_id"),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_authority_requests_status_due", "authority_requests", ["status", "due_at", "id"])
    op.create_index("ix_authority_requests_created", "authority_requests", ["created_at", "id"])

    op.create_table(
        "legal_holds",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("authority_requests.id"), nullable=False),
        sa.Column("target_type", sa.String(16), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("placed_at", UTC(), nullable=False),
        sa.Column("released_at", UTC(), nullable=True),
    )
    op.create_index("ix_legal_holds_request_id", "legal_holds", ["request_id"])
    op.create_index("ix_legal_holds_target", "legal_holds", ["target_type", "target_id", "released_at"])

    op.create_table(
        "evidence_exports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("request_id", sa.Integer(), sa.ForeignKey("authority_requests.id"), nullable=False),
        _staff("exported_by_id"),
        sa.Column("exported_by_label", sa.String(128), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("audit_head", sa.String(64), nullable=False),
    )
    op.create_index("ix_evidence_exports_request_id", "evidence_exports", ["request_id"])

    op.create_table(
        "member_erasures",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("members.id"), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _staff("actor_id", nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.Column("effects", JSON, nullable=True),
        sa.UniqueConstraint("member_id", name="uq_member_erasures_member_id"),
    )

    op.create_table(
        "rights_owners",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("marks", JSON, nullable=False),
        sa.Column("ownership_evidence", sa.Text(), nullable=True),
        _staff("staff_id", nullable=False),
        _staff("created_by_id", nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.UniqueConstraint("staff_id", name="uq_rights_owners_staff_id"),
    )

    op.create_table(
        "rights_reports",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("owner_id", sa.Integer(), sa.ForeignKey("rights_owners.id"), nullable=False),
        sa.Column("listing_id", sa.Integer(), sa.ForeignKey("listings.id"), nullable=False),
        sa.Column("mark", sa.String(128), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        _staff("decided_by_id"),
        sa.Column("decided_at", UTC(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("takedown_id", sa.Integer(), sa.ForeignKey("takedowns.id"), nullable=True),
        sa.Column("appeal_response", sa.Text(), nullable=True),
        sa.Column("appeal_responded_at", UTC(), nullable=True),
        _staff("claimed_by_id"),
        sa.Column("claim_expires_at", UTC(), nullable=True),
        sa.Column("handover_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_index("ix_rights_reports_listing_id", "rights_reports", ["listing_id"])
    op.create_index("ix_rights_reports_takedown_id", "rights_reports", ["takedown_id"])
    op.create_index("ix_rights_reports_owner_created", "rights_reports", ["owner_id", "created_at", "id"])
    op.create_index("ix_rights_reports_status_created", "rights_reports", ["status", "created_at", "id"])


def downgrade() -> None:
    for table in ("rights_reports", "rights_owners", "member_erasures", "evidence_exports", "legal_holds",
                  "authority_requests"):
        op.drop_table(table)
