"""push: PostgreSQL NOTIFY on queue and listing changes, for live updates across replicas (issue 20)

Revision ID: 0018_notify
Revises: 0001 (depends on 0003_queue)
Hand-written, its own branch off 0001, after the queue's tables. PostgreSQL only (SQLite consoles poll).

Triggers on queue_items (insert, update) and listings (status changes) send a
small JSON payload on the channel ``anzen_changes``. NOTIFY is transactional:
listeners hear a change only once its transaction commits, whichever replica
(or CLI command, or import) made it. Every ``serve`` process LISTENs and
pushes the changes to its consoles (backend/push).
"""
from alembic import op

revision = "0018_notify"
down_revision = "0001"
branch_labels = None
depends_on = "0003_queue"  # queue_items must exist

FUNCTIONS = """
CREATE OR REPLACE FUNCTION anzen_notify_queue_item() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('anzen_changes', json_build_object(
    't', 'queue', 'id', NEW.id, 'kind', NEW.kind, 'ref_id', NEW.ref_id, 'open', NEW.open,
    'claimed_by_id', NEW.claimed_by_id, 'listing_id', NEW.listing_id)::text);
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION anzen_notify_listing() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('anzen_changes', json_build_object(
    't', 'listing', 'id', NEW.id, 'status', NEW.status)::text);
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER anzen_queue_items_notify AFTER INSERT OR UPDATE ON queue_items
  FOR EACH ROW EXECUTE FUNCTION anzen_notify_queue_item();
CREATE TRIGGER anzen_listings_notify AFTER UPDATE OF status ON listings
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION anzen_notify_listing();
"""


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute(FUNCTIONS)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS anzen_queue_items_notify ON queue_items")
    op.execute("DROP TRIGGER IF EXISTS anzen_listings_notify ON listings")
    op.execute("DROP FUNCTION IF EXISTS anzen_notify_queue_item()")
    op.execute("DROP FUNCTION IF EXISTS anzen_notify_listing()")
