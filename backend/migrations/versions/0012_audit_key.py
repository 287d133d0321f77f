"""audit: keyed chain (HMAC with the service key) and the chain's id for checkpoints

Revision ID: 0012_audit_key
Revises: 0010_sign_in
Hand-written: each domain branches off 0001, so autogenerate would pick up other branches' tables.

Existing chains were plain SHA-256, which anyone can recompute after editing.
They are re-keyed once, in id order: the old chain is checked first (so a chain
that was already broken is not silently made whole; the re-key event says where
it broke), every hash is replaced by the HMAC under the audit key
(backend/keys.py: the key must be configured before this runs, as for
``serve``), and an ``audit.chain_rekeyed`` event at the end of the chain
records it.
"""
import hashlib
import json
import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import backend.db
from backend import keys
from backend.audit.service import GENESIS, KEY_PURPOSE, chain_digest

revision = "0012_audit_key"
down_revision = "0010_sign_in"
branch_labels = None
depends_on = None

_events = sa.table(
    "audit_events",
    sa.column("id", sa.Integer),
    sa.column("created_at", backend.db.UTCDateTime),
    sa.column("actor_id", sa.Integer),
    sa.column("actor_label", sa.String),
    sa.column("action", sa.String),
    sa.column("target_type", sa.String),
    sa.column("target_id", sa.String),
    sa.column("before", backend.db.JSONType),
    sa.column("after", backend.db.JSONType),
    sa.column("reason", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)


def _unkeyed(row: sa.Row) -> str:
    """The chain's hash before this revision (public algorithm, no key)."""
    content = {
        "prev": row.prev_hash,
        "at": row.created_at.isoformat(timespec="microseconds"),
        "actor_id": row.actor_id,
        "actor": row.actor_label,
        "action": row.action,
        "target": [row.target_type, row.target_id],
        "before": row.before,
        "after": row.after,
        "reason": row.reason,
    }
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _content(row: sa.Row) -> dict:
    return {"at": row.created_at, "actor_id": row.actor_id, "actor": row.actor_label, "action": row.action,
            "target_type": row.target_type, "target_id": row.target_id, "before": row.before,
            "after": row.after, "reason": row.reason}


def rekey(connection: sa.Connection, *, batch: int = 2000) -> dict | None:
    """Re-key the chain in place; what was done (None: there were no events)."""
    key = keys.derived(KEY_PURPOSE)
    old_prev = new_prev = GENESIS
    old_head = None
    broken_at = None
    count = 0
    last_id = 0
    while True:
        rows = connection.execute(sa.select(_events).where(_events.c.id > last_id)
                                  .order_by(_events.c.id).limit(batch)).all()
        if not rows:
            break
        updates = []
        for row in rows:
            if broken_at is None and (row.prev_hash != old_prev or _unkeyed(row) != row.hash):
                broken_at = row.id
            old_prev = old_head = row.hash
            new_hash = chain_digest(key, prev=new_prev, **_content(row))
            updates.append({"b_id": row.id, "b_prev": new_prev, "b_hash": new_hash})
            new_prev = new_hash
            count += 1
            last_id = row.id
        connection.execute(_events.update().where(_events.c.id == sa.bindparam("b_id"))
                           .values(prev_hash=sa.bindparam("b_prev"), hash=sa.bindparam("b_hash")), updates)
    if not count:
        return None
    summary = {"events": count, "old_head": old_head, "old_chain_intact": broken_at is None,
               "old_chain_broken_at": broken_at, "key_id": keys.key_id(), "algorithm": "HMAC-SHA256"}
    at = datetime.now(UTC)
    content = {"at": at, "actor_id": None, "actor": "system", "action": "audit.chain_rekeyed",
               "target_type": "audit_chain", "target_id": "audit_events", "before": None,
               "after": json.loads(json.dumps(summary)),
               "reason": "audit chain keyed with the service key (issue 19); existing events re-hashed"}
    digest = chain_digest(key, prev=new_prev, **content)
    connection.execute(_events.insert().values(
        created_at=at, actor_id=None, actor_label="system", action=content["action"],
        target_type=content["target_type"], target_id=content["target_id"], before=None, after=content["after"],
        reason=content["reason"], prev_hash=new_prev, hash=digest))
    return summary


def upgrade() -> None:
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chain_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", backend.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
        sa.UniqueConstraint("chain_id", name=op.f("uq_audit_chain_chain_id")),
    )
    # The chain's id names its checkpoints outside the database (backend/audit/checkpoints.py).
    op.execute(sa.table("audit_chain", sa.column("id", sa.Integer), sa.column("chain_id", sa.String),
                        sa.column("created_at", backend.db.UTCDateTime)).insert().values(
        id=1, chain_id=uuid.uuid4().hex, created_at=datetime.now(UTC)))
    rekey(op.get_bind())


def downgrade() -> None:
    op.drop_table("audit_chain")
