"""metrics: timestamp indexes for the dashboards' GROUP BY queries (issue 18)

Revision ID: 0014_metrics
Revises: 0005_enforcement, 0003_queue
Hand-written; it merges the queue and enforcement branches (whose tables it
indexes, with the flags' and the audit log's from 0001) and changes nothing else.

Each dashboard figure counts rows whose timestamp falls in a period, grouped
by a short key (kind, policy, reason code, status). An index led by the
timestamp and carrying the key makes that a range scan of the index alone,
however large the tables grow: the rows themselves are never read.
"""
from alembic import op

revision = "0014_metrics"
down_revision = ("0005_enforcement", "0003_queue")
branch_labels = None
depends_on = None

# index name -> (table, columns)
INDEXES = {
    "ix_queue_items_created_kind": ("queue_items", ["created_at", "kind"]),
    "ix_queue_items_closed_kind": ("queue_items", ["closed_at", "kind"]),
    "ix_queue_items_due_kind": ("queue_items", ["sla_due", "kind", "open", "closed_at"]),
    "ix_flags_created_policy": ("flags", ["created_at", "policy"]),
    "ix_flags_decided_policy": ("flags", ["decided_at", "policy", "status", "source"]),
    "ix_takedowns_created_reason": ("takedowns", ["created_at", "reason_code"]),
    "ix_appeals_decided_status": ("appeals", ["decided_at", "status"]),
    "ix_audit_events_action_created": ("audit_events", ["action", "created_at", "actor_id"]),
    "ix_audit_events_created": ("audit_events", ["created_at"]),
    "ix_audit_events_actor": ("audit_events", ["actor_id", "id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns, unique=False)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None:
        # An analysed database: give the new indexes statistics too, sampled (seconds, not minutes).
        bind.exec_driver_sql("PRAGMA analysis_limit=1000")
        for name in INDEXES:
            bind.exec_driver_sql(f"ANALYZE {name}")
        bind.exec_driver_sql("PRAGMA analysis_limit=0")


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
