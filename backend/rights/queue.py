"""Rights owners' reports in the moderators' queue, as kind ``rights_report``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, select

from backend.listings.models import Listing
from backend.permissions import Permission
from backend.queue import priority
from backend.queue.sources import Projection, QueueSource, register
from backend.rights.models import ReportStatus, RightsOwner, RightsReport
from backend.staff.models import Role

KIND = "rights_report"


def _project(conn: Connection, rows: Sequence[RightsReport]) -> Iterable[tuple[int, Projection]]:
    listings = {row.id: row for row in conn.execute(select(Listing.id, Listing.title, Listing.seller_id).where(
        Listing.id.in_({r.listing_id for r in rows})))}
    owners = dict(conn.execute(select(RightsOwner.id, RightsOwner.name).where(
        RightsOwner.id.in_({r.owner_id for r in rows}))).all())
    for report in rows:
        listing = listings.get(report.listing_id)
        severity, due = priority.flag_sla("counterfeit", report.created_at)
        title = f"{owners.get(report.owner_id, 'Rights owner')} ({report.mark}): " \
                f"{listing.title if listing else f'listing #{report.listing_id}'}"
        yield report.id, {
            "title": title[:256], "member_id": listing.seller_id if listing else None,
            "listing_id": report.listing_id, "transaction_id": None, "category": "counterfeit",
            "status": report.status, "open": report.status == ReportStatus.open, "waiting": False,
            "severity": severity, "score": 1.0, "sla_kind": "decision", "sla_due": due,
            "rank": priority.rank(due, severity, 1.0), "created_at": report.created_at,
        }


register(QueueSource(
    KIND, RightsReport, frozenset({Role.moderator}), Permission.read_rights_reports, _project,
    lambda: RightsReport.status == ReportStatus.open,
    ("id", "owner_id", "listing_id", "mark", "status", "created_at")))
